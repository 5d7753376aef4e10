// The governance part of validation: single-document rules (cached per parse, policy and day) and, for
// files in the workspace index, whole-portfolio rules. The language service calls this; suppressions
// and severities are applied after it, over every finding.
import { detectKind } from '../kinds';
import type { ParsedFile } from '../parser/charterParser';
import type { CharterSettings } from '../settings';
import type { Finding } from '../types';
import { todayIso } from '../utils/dates';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isDict } from '../model/charterReader';
import { documentRuleFindings } from './documentRules';
import { policyKey, resolvePolicy, type Policy } from './policy';
import type { BaseText } from '../change/baseline';
import { changeRuleFindings } from '../change/changeRules';

export interface GovernanceContext {
  relativePath: string;
  settings: CharterSettings;
}

/** The day date rules are evaluated on: `charter.asOf` (or `--as-of`), else today. */
export function todayFor(settings: CharterSettings): string {
  return settings.asOf ?? todayIso();
}

export class Governance {
  private readonly cache = new WeakMap<ParsedFile, { key: string; findings: Finding[] }>();
  private readonly changeCache = new WeakMap<ParsedFile, { key: string; base: ParsedFile; findings: Finding[] }>();

  /** `base` is the file's text on the base ref, parsed: with it, the change rules run too. */
  findings(file: ParsedFile, context: GovernanceContext, workspace: WorkspaceIndex, base?: { text: BaseText; file: ParsedFile }): Finding[] {
    // A newer text of a file the index holds (an edit in the editor) becomes the portfolio's version.
    const indexed = workspace.file(file.uri);
    if (indexed && indexed.text !== file.text) workspace.setFile(file, context.relativePath);
    const policy = this.policyFor(file, context, workspace);
    const today = todayFor(context.settings);
    const key = `${policyKey(policy)}|${today}|${context.relativePath}`;
    let cached = this.cache.get(file);
    if (!cached || cached.key !== key) {
      cached = { key, findings: documentRuleFindings(file, context.relativePath, policy, today) };
      this.cache.set(file, cached);
    }
    const portfolio = workspace.has(file.uri) ? workspace.portfolioFindings(file.uri, context.settings.policy) : [];
    return [...cached.findings, ...portfolio, ...(base ? this.changeFindings(file, context, base, policy, key) : [])];
  }

  private changeFindings(file: ParsedFile, context: GovernanceContext, base: { text: BaseText; file: ParsedFile }, policy: Policy, key: string): Finding[] {
    const fullKey = `${key}|${base.text.ref}|${base.text.path}`;
    const cached = this.changeCache.get(file);
    if (cached && cached.key === fullKey && cached.base === base.file) return cached.findings;
    const findings = changeRuleFindings(file, context.relativePath, base.file, base.text, policy, todayFor(context.settings));
    this.changeCache.set(file, { key: fullKey, base: base.file, findings });
    return findings;
  }

  /** The workspace's policy; for a file outside any indexed portfolio, the policy of a Portfolio in the file itself. */
  policyFor(file: ParsedFile, context: GovernanceContext, workspace: WorkspaceIndex): Policy {
    if (workspace.documents('Portfolio').length > 0) return workspace.policy(context.settings.policy);
    const own = file.documents.find((d) => !d.empty && detectKind(d, context.relativePath).kind === 'Portfolio');
    const raw = own && isDict(own.value) ? own.value.policy : undefined;
    return resolvePolicy(raw, context.settings.policy);
  }
}
