// `references` and `portfolio`: checks that read the rest of the workspace, never the disk.
import { homeOf, ID_NAMESPACES, type IdNamespace } from '../../model/documentKinds';
import { isOneOf } from '../../model/vocabulary';
import { parseMoney } from '../../rules/money';
import { checkedPath, isRecord, parseJsonPath, valueAt, valueAtData, type JsonPath } from '../jsonPath';
import type { Check, FunctionContext, FunctionOptions, RulesetFunction } from '../rulesetTypes';
import { breakLimits, checkLimits } from './money';
import { isWholeNumber, show, unknownOptions } from './options';


/** The value is the id of a document (or strategic objective) of the given kind in the workspace. */
export const references: RulesetFunction = {
  name: 'references',
  checkOptions: (options) =>
    unknownOptions(options, ['kind']) ?? (isOneOf(ID_NAMESPACES, options.kind) ? undefined : `"kind" is one of ${ID_NAMESPACES.join(', ')}`),
  evaluate: (value, options, context) => {
    if (value === undefined || value === null) return undefined;
    const namespace = options.kind as IdNamespace;
    const home = homeOf(namespace);
    // As for built-in references: checked only once the workspace holds something of that kind.
    if (!context.workspace.hasKind(home.kind)) return undefined;
    if (typeof value !== 'string') return `${show(value)} is not an id`;
    return context.workspace.ids(namespace).has(value) ? undefined : `no ${home.defines.word} in the workspace has the id "${show(value)}"`;
  },
};

const AGGREGATES = ['count', 'sum'] as const;
const COUNT_LIMITS = [['above', 'more than'], ['atLeast', 'at least'], ['below', 'fewer than'], ['atMost', 'at most']] as const;

/**
 * An aggregate over the workspace's projects: how many there are, or what a field adds up to, among
 * those that share `sameAs` fields with this document (the same programme, manager...) and pass `where`.
 */
export const portfolio: RulesetFunction = {
  name: 'portfolio',
  checkOptions: (options) => {
    const limits = checkLimits(options, ['aggregate', 'field', 'sameAs', 'where', 'above', 'atLeast', 'below', 'atMost', 'currency'], false);
    if (limits) return limits;
    if (!(AGGREGATES as readonly unknown[]).includes(options.aggregate)) return '"aggregate" is "count" or "sum"';
    if (options.aggregate === 'sum' && (typeof options.field !== 'string' || !parseJsonPath(options.field).ok)) return '"field" is the path of the amount to add up, such as "$.budget.approved"';
    if (options.aggregate === 'count' && options.field !== undefined) return '"field" is for "sum"; "count" counts projects';
    if (options.sameAs !== undefined && (!Array.isArray(options.sameAs) || !options.sameAs.every((m) => typeof m === 'string' && parseJsonPath(m).ok))) return '"sameAs" is a list of paths such as ["$.programme"]';
    const limit = ['above', 'atLeast', 'below', 'atMost'].find((k) => options[k] !== undefined);
    if (!limit) return 'give one of above, atLeast, below, atMost';
    if (options.aggregate === 'count') for (const k of ['above', 'atLeast', 'below', 'atMost']) if (options[k] !== undefined && !isWholeNumber(options[k])) return `"${k}" is a whole number for "count"`;
    return undefined;
  },
  evaluate: (_value, options, context) => {
    const match = ((options.sameAs as string[] | undefined) ?? []).map(checkedPath);
    const own = match.map((path) => valueAt(path, context.root));
    // A document without the fields it is grouped by belongs to no group.
    if (own.some((v) => v === undefined || v === null)) return undefined;
    return context.workspace.memo(`portfolio\u0000${context.policyKey}\u0000${JSON.stringify(options)}\u0000${JSON.stringify(own)}`, () => aggregate(options, context, match, own));
  },
};

function aggregate(options: FunctionOptions, context: FunctionContext, match: JsonPath[], own: unknown[]): string | undefined {
  {
    const where = options.where as Check[] | undefined;
    const members = context.workspace
      .values('Project')
      .filter((project) => match.every((path, i) => JSON.stringify(valueAt(path, project)) === JSON.stringify(own[i])))
      .filter((project) => !where || where.every((check) => context.holds(check, project, project, [])));
    const group = match.length > 0 ? ` with the same ${match.map((m) => m.text.replace(/^\$\./, '')).join(' and ')} (${own.map((v) => show(v)).join(', ')})` : ' in the portfolio';
    if (options.aggregate === 'count') {
      const n = BigInt(members.length);
      for (const [key, words] of COUNT_LIMITS) {
        if (options[key] === undefined) continue;
        const limit = BigInt(options[key] as number);
        const ok = key === 'above' ? n > limit : key === 'atLeast' ? n >= limit : key === 'below' ? n < limit : n <= limit;
        if (!ok) return `there are ${members.length} matching projects${group}, not ${words} ${limit}`;
      }
      return undefined;
    }
    const field = checkedPath(options.field as string);
    const currency = typeof options.currency === 'string' ? options.currency : undefined;
    let total = 0n;
    let unit: string | undefined;
    for (const project of members) {
      const amount = parseMoney(valueAt(field, project));
      if (amount === undefined) continue;
      const parent = valueAtData(project, pathOf(field).slice(0, -1));
      const own = isRecord(parent) && typeof parent.currency === 'string' ? parent.currency : undefined;
      const target = currency ?? unit ?? own;
      if (own === target) {
        total += amount;
      } else {
        const converted = context.toBase(amount, own);
        if (!converted.ok) return `the total${group} cannot be computed: ${converted.reason}`;
        const targetInBase = context.toBase(1_000_000n, target);
        if (!targetInBase.ok || targetInBase.currency !== converted.currency) return `the total${group} cannot be computed: ${!targetInBase.ok ? targetInBase.reason : 'the policy names no baseCurrency'}`;
        // Back from the base currency into the target currency, exactly as far as millionths allow.
        total += (converted.amount * 1_000_000n) / targetInBase.amount;
      }
      unit = target;
    }
    return breakLimits(total, unit ?? currency, options, context, `the total of ${field.text}${group}`);
  }
}

function pathOf(path: JsonPath): Array<string | number> {
  return path.steps.map((s) => ('key' in s ? s.key : 'index' in s ? s.index : 0));
}
