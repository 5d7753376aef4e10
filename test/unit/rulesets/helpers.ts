// A function context for library tests: a document, a day, the policy's rates and a small workspace.
import { functionContext } from '../../../server/src/engine/rulesets/rulesetRunner';
import { toBaseCurrency } from '../../../server/src/engine/rules/fx';
import { resolvePolicy } from '../../../server/src/engine/rules/policy';
import { FUNCTIONS } from '../../../server/src/engine/rulesets/functions/index';
import { readChecks } from '../../../server/src/engine/rulesets/rulesetFile';
import type { FunctionContext, RulesetWorkspace } from '../../../server/src/engine/rulesets/rulesetTypes';
import type { DocumentKind } from '../../../server/src/engine/types';
import type { DataPath } from '../../../server/src/engine/utils/yamlNodes';

export function workspaceOf(values: Partial<Record<DocumentKind, unknown[]>>, ids: Partial<Record<'Project' | 'Programme' | 'People' | 'objective', string[]>> = {}): RulesetWorkspace {
  const memo = new Map<string, unknown>();
  return {
    hasKind: (kind) => (values[kind]?.length ?? 0) > 0,
    ids: (namespace) => new Set(ids[namespace] ?? []),
    values: (kind) => values[kind] ?? [],
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

export function contextFor(root: unknown, at: DataPath = [], extra: { today?: string; policy?: unknown; workspace?: RulesetWorkspace } = {}): FunctionContext {
  const policy = resolvePolicy(extra.policy ?? {});
  const toBase: FunctionContext['toBase'] = (amount, currency) => toBaseCurrency(amount, currency, policy);
  return {
    ...functionContext(root, { today: extra.today ?? '2027-01-15', toBase, policyKey: JSON.stringify(extra.policy ?? {}), workspace: extra.workspace ?? workspaceOf({}) }),
    at,
  };
}

/**
 * Runs a library function the way a ruleset would: options as written in YAML (nested `where` read
 * as checks). Returns the failure reason, or undefined when the value passes.
 */
export function run(name: string, value: unknown, options: Record<string, unknown> = {}, context: FunctionContext = contextFor({})): string | undefined {
  const [check] = readChecks({ function: name, options }, 'test', 0);
  return FUNCTIONS.get(name)!.evaluate(value, check.options, context);
}

/** What a function says about its options when a ruleset loads. */
export function optionProblem(name: string, options: Record<string, unknown>): string | undefined {
  try {
    readChecks({ function: name, options }, 'test', 0);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
