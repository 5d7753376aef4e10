// The ruleset part of validation: which rulesets apply to a file, their notes when they cannot be used,
// and the findings of their rules on each document. The language service calls this after the built-in
// rules; suppressions, waivers and `charter.rules` severities then apply to every finding alike.
import { detectKind } from '../kinds';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import { docsFor } from '../utils/docs';
import { folderOf } from '../schema/schemaService';
import { locate, ownerKeyRange } from '../utils/yamlNodes';
import type { CharterSettings } from '../settings';
import type { Finding } from '../types';
import { todayIso } from '../utils/dates';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { toBaseCurrency } from '../rules/fx';
import { resolvePolicy } from '../rules/policy';
import { isRecord } from './jsonPath';
import { runRulesets } from './rulesetRunner';
import { rulesetNote, rulesetReferences, type RulesetReference, type RulesetService, type RulesetState } from './rulesetService';
import type { Ruleset } from './rulesetTypes';
import { readTiers, type Tier } from './tiers';
import { rulesetWorkspace } from './workspaceView';
import type { Result } from '../utils/result';

export interface RulesetCheckContext {
  relativePath: string;
  settings: CharterSettings;
  folderUri?: string;
}

/** The portfolio a file belongs to: the workspace's Portfolio document, else one in the file itself. */
function portfolioOf(file: ParsedFile | undefined, relativePath: string, workspace: WorkspaceIndex): { uri: string; value: unknown } | undefined {
  const indexed = workspace.documents('Portfolio')[0];
  if (indexed) {
    const value = rulesetWorkspace(workspace).values('Portfolio')[0];
    return { uri: indexed.ref.uri, value };
  }
  const own = file?.documents.find((d) => !d.empty && detectKind(d, relativePath).kind === 'Portfolio');
  return own && file ? { uri: file.uri, value: own.value } : undefined;
}

/** The policy's raw keys rulesets read (`tiers`, `baseCurrency`, `fxRates`): the portfolio's, overridden by `charter.policy`. */
function rawPolicy(portfolio: { value: unknown } | undefined, settings: CharterSettings): Record<string, unknown> {
  const own = portfolio && isRecord(portfolio.value) && isRecord(portfolio.value.policy) ? portfolio.value.policy : {};
  return { ...own, ...settings.policy };
}

export interface LoadedRulesets {
  rulesets: Ruleset[];
  states: Array<{ reference: RulesetReference; state: RulesetState }>;
  tiers: Result<{ tiers: Tier[] }>;
  policy: Record<string, unknown>;
}

export async function loadRulesets(service: RulesetService, file: ParsedFile | undefined, context: RulesetCheckContext, workspace: WorkspaceIndex): Promise<LoadedRulesets> {
  const portfolio = portfolioOf(file, context.relativePath, workspace);
  const references = rulesetReferences(context.settings.rulesets, context.folderUri, portfolio);
  const states = await Promise.all(references.map(async (reference) => ({ reference, state: await service.load(reference, context.folderUri, context.settings.schemaDownload.enable) })));
  const rulesets = states.flatMap(({ state }) => (state.state === 'ready' ? [state.ruleset] : []));
  const policy = rawPolicy(portfolio, context.settings);
  return { rulesets, states, tiers: readTiers(policy), policy };
}

export async function rulesetFindings(service: RulesetService, file: ParsedFile, given: RulesetCheckContext, workspace: WorkspaceIndex): Promise<Finding[]> {
  // As for schemas: relative setting paths resolve against the workspace folder, derived from the file when not given.
  const context = { ...given, folderUri: given.folderUri ?? folderOf(file.uri, given.relativePath) };
  if (context.settings.rulesets.length === 0 && workspace.documents('Portfolio').length === 0 && !file.documents.some((d) => isRecord(d.value) && d.value.rulesets)) return [];
  const loaded = await loadRulesets(service, file, context, workspace);
  if (loaded.states.length === 0) return [];
  // Amounts convert as everywhere else: policy.baseCurrency and policy.fxRates, portfolio then settings.
  const policy = resolvePolicy(loaded.policy);
  const policyKey = `${policy.baseCurrency ?? ''}|${Object.entries(policy.fxRates).map(([c, r]) => `${c}=${r}`).join(',')}|${context.settings.asOf ?? todayIso()}`;
  const findings: Finding[] = [];
  for (const doc of file.documents) {
    if (doc.empty || doc.value === undefined) continue;
    const kind = detectKind(doc, context.relativePath).kind;
    if (!kind) continue;
    for (const { reference, state } of loaded.states) {
      const note = rulesetNote(file, doc, reference, state);
      if (note) findings.push(note);
    }
    if (!loaded.tiers.ok) {
      // Tiered rules cannot be placed without valid tiers; say so where the policy is.
      if (kind === 'Portfolio') findings.push(tiersFinding(file, doc, loaded.tiers.reason));
    }
    findings.push(
      ...runRulesets(loaded.rulesets, {
        file,
        doc,
        kind,
        today: context.settings.asOf ?? todayIso(),
        tiers: loaded.tiers.ok ? loaded.tiers.tiers : [],
        toBase: (amount, currency) => toBaseCurrency(amount, currency, policy),
        policyKey,
        workspace: rulesetWorkspace(workspace),
      }),
    );
  }
  return findings;
}

function tiersFinding(file: ParsedFile, doc: ParsedDocument, reason: string): Finding {
  const located = locate(doc.yaml, ['policy', 'tiers']);
  const [start, end] = located.node !== null || located.pair ? ownerKeyRange(located, doc.start) : [doc.start, doc.start];
  return {
    rule: 'ruleset/unavailable',
    severity: 'error',
    message: `The policy's tiers cannot be used: ${reason}. Until they are fixed, rules and templates that name a tier apply to no project.`,
    uri: file.uri,
    range: file.lines.rangeOf(start, end),
    docs: docsFor('ruleset/unavailable'),
  };
}
