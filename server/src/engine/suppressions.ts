// Suppression comments and governed waivers: the ways a charter says "we know, and here is why".
//   # charter-disable-next-line <rule> [, <rule>...] -- <reason>   the next line that holds content
//   # charter-disable <rule> [, <rule>...] -- <reason>             the whole file
//   waivers: [{ rule, reason, approver, expires }]                 the document, until it expires
// They apply to every finding, whatever produced it (syntax, schema, rules). Findings about suppressions
// and waivers themselves cannot be suppressed; `charter.rules` can still turn them off.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { detectKind } from './kinds';
import type { ParsedFile } from './parser/charterParser';
import { CharterDocument } from './model/charterReader';
import { SUPPRESSION_RULES } from './rules/index';
import { formatMessage, type MessageRef } from './rules/messages';
import type { RuleIds } from './ruleIds';
import { placeholderIn } from './rules/text/noPlaceholders';
import type { Finding, Range, RuleId, TextEdit } from './types';
import { lineBreakOf } from './utils/lineIndex';

export interface SuppressionComment {
  scope: 'next-line' | 'file';
  rules: string[];
  /** Undefined when missing, or only a placeholder such as `<reason>`. */
  reason?: string;
  /** The line of the comment, 0-based. */
  line: number;
  /** For `next-line`: the line it silences. */
  target?: number;
  /** The comment, from `#` to the end of the line. */
  range: Range;
}

export interface SuppressionOptions {
  /** The day waivers expire against, `YYYY-MM-DD`. */
  today: string;
  /** Decides each document's kind where it has no `kind:`. */
  relativePath: string;
  /** `policy.protectedRules`: ids or `area/*` a comment cannot silence (a waiver still can). */
  protectedRules?: readonly string[];
  /** Which rule ids exist; a comment or waiver naming none of them is a finding. */
  rules?: RuleIds;
}

const DIRECTIVE = /^(\s*)(#\s*charter-disable(-next-line)?)(?=\s|$)(.*)$/;
const UNSUPPRESSIBLE = /^(suppression|waiver)\//;

export function readSuppressionComments(file: ParsedFile): SuppressionComment[] {
  const lines = file.lines;
  const insideText = multiLineScalarLines(file);
  const out: SuppressionComment[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    if (insideText.has(line)) continue;
    const m = DIRECTIVE.exec(lines.lineText(line));
    if (!m) continue;
    const [, indent, , nextLine, rest] = m;
    const split = /(?:^|\s)--(?:\s|$)/.exec(rest);
    const rulesText = split ? rest.slice(0, split.index) : rest;
    const reasonText = split ? rest.slice(split.index + split[0].length).trim() : '';
    const start = lines.lineStart(line) + indent.length;
    out.push({
      scope: nextLine ? 'next-line' : 'file',
      rules: rulesText.split(/[\s,]+/).filter(Boolean),
      reason: reasonText && !placeholderIn(reasonText) ? reasonText : undefined,
      line,
      target: nextLine ? nextContentLine(file, line, insideText) : undefined,
      range: lines.rangeOf(start, lines.lineEnd(line)),
    });
  }
  return out;
}

/** Removes what suppression comments and waivers in force cover, and adds findings about them. */
export function applySuppressions(file: ParsedFile, findings: Finding[], options: SuppressionOptions): Finding[] {
  const comments = readSuppressionComments(file);
  const waivers = readWaivers(file, options);
  if (comments.length === 0 && waivers.inForce.length === 0 && waivers.findings.length === 0) return findings;
  const isProtected = (rule: RuleId) => isProtectedRule(rule, options.protectedRules ?? []);
  /** Comments that tried to silence a protected rule, with the rules they could not silence. */
  const refused = new Map<SuppressionComment, Set<RuleId>>();
  const kept = findings.filter((finding) => {
    if (UNSUPPRESSIBLE.test(finding.rule) || finding.uri !== file.uri) return true;
    const line = finding.range.start.line;
    if (waivers.inForce.some((w) => w.rule === finding.rule && line >= w.fromLine && line <= w.toLine)) return false;
    for (const c of comments) {
      if (c.scope === 'next-line' && c.target !== line) continue;
      if (!c.rules.some((r) => matches(r, finding.rule))) continue;
      if (!isProtected(finding.rule)) return false;
      refused.set(c, (refused.get(c) ?? new Set()).add(finding.rule));
    }
    return true;
  });
  for (const [c, rules] of refused) {
    const names = [...rules].sort().join(', ');
    kept.push(
      suppressionFinding(
        'suppression/protected-rule',
        file,
        c.range,
        { messageId: rules.size === 1 ? 'protected' : 'protectedSeveral', data: { rules: names } },
      ),
    );
  }
  for (const c of comments) {
    const directive = c.scope === 'file' ? 'charter-disable' : 'charter-disable-next-line';
    if (c.rules.length === 0) {
      kept.push(suppressionFinding('suppression/missing-rule', file, c.range, { messageId: 'noRule', data: { directive } }));
      continue;
    }
    const unknown = options.rules ? c.rules.filter((r) => !options.rules!.known(r)) : [];
    for (const rule of unknown) {
      const nearest = options.rules!.nearest(rule);
      kept.push(
        suppressionFinding(
          'suppression/unknown-rule',
          file,
          c.range,
          nearest ? { messageId: 'unknownDidYouMean', data: { rule, nearest } } : { messageId: 'unknown', data: { rule } },
        ),
      );
    }
    if (!c.reason) {
      kept.push(
        suppressionFinding(
          'suppression/missing-reason',
          file,
          c.range,
          { messageId: 'noReason', data: { rules: c.rules.join(', '), directive } },
        ),
      );
    }
  }
  kept.push(...waivers.findings);
  return kept;
}

/** The edit that silences `finding` with a comment on the line above it (the reason left for the user to write). */
export function disableNextLineEdit(file: ParsedFile, finding: Finding, reason = '<reason>'): TextEdit {
  const line = finding.range.start.line;
  const indent = /^\s*/.exec(file.lines.lineText(line))?.[0] ?? '';
  const eol = lineBreakOf(file.text);
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# charter-disable-next-line ${finding.rule} -- ${reason}${eol}` };
}

/** Whether `policy.protectedRules` (ids or `area/*`) names this rule. */
export function isProtectedRule(rule: RuleId, protectedRules: readonly string[]): boolean {
  return protectedRules.some((p) => matches(p, rule));
}

function matches(pattern: string, rule: RuleId): boolean {
  if (pattern === rule || pattern === '*') return true;
  return pattern.endsWith('/*') && rule.startsWith(pattern.slice(0, -1));
}

interface WaiverInForce {
  rule: string;
  fromLine: number;
  toLine: number;
}

function readWaivers(file: ParsedFile, options: SuppressionOptions): { inForce: WaiverInForce[]; findings: Finding[] } {
  const inForce: WaiverInForce[] = [];
  const findings: Finding[] = [];
  for (const doc of file.documents) {
    if (doc.empty || doc.value === undefined) continue;
    const kind = detectKind(doc, options.relativePath).kind;
    if (!kind) continue;
    const document = new CharterDocument(file, doc, kind);
    for (const { path, value } of document.records(['waivers'])) {
      const missing = (['rule', 'reason', 'approver', 'expires'] as const).filter((k) => typeof value[k] !== 'string' || !(value[k] as string).trim());
      const rule = document.text([...path, 'rule']);
      if (missing.length > 0) {
        findings.push(
          suppressionFinding(
            'waiver/incomplete',
            file,
            document.keyRange(path),
            rule ? { messageId: 'incompleteOfRule', data: { rule, missing: missing.join(', ') } } : { messageId: 'incomplete', data: { missing: missing.join(', ') } },
          ),
        );
        continue;
      }
      if (options.rules && !options.rules.known(rule!)) {
        const nearest = options.rules.nearest(rule!);
        findings.push(
          suppressionFinding(
            'waiver/unknown-rule',
            file,
            document.valueRange([...path, 'rule']),
            nearest ? { messageId: 'unknownDidYouMean', data: { rule: rule!, nearest } } : { messageId: 'unknown', data: { rule: rule! } },
          ),
        );
        continue;
      }
      const expires = document.date([...path, 'expires']);
      if (!expires) continue; // not a date: the schema reports it, and the waiver does not apply
      if (expires < options.today) {
        findings.push(
          suppressionFinding(
            'waiver/expired',
            file,
            document.valueRange([...path, 'expires']),
            { messageId: 'expired', data: { rule: rule!, expires, today: options.today, approver: String(value.approver) } },
          ),
        );
        continue;
      }
      inForce.push({ rule: rule!, fromLine: file.lines.positionAt(doc.start).line, toLine: file.lines.positionAt(doc.end).line });
    }
  }
  return { inForce, findings };
}

/** A finding of one of SUPPRESSION_RULES, with the message its meta declares. */
function suppressionFinding(rule: RuleId, file: ParsedFile, range: Range, message: MessageRef): Finding {
  const described = SUPPRESSION_RULES.find((r) => r.id === rule);
  if (!described) throw new Error(`${rule} is not one of the suppression rules`);
  return { rule, severity: described.severity, message: formatMessage(described.messages, message, rule), uri: file.uri, range, docs: described.docs };
}

/** The first line after `line` that is neither blank nor only a comment. */
function nextContentLine(file: ParsedFile, line: number, insideText: Set<number>): number | undefined {
  for (let l = line + 1; l < file.lines.lineCount; l++) {
    const text = file.lines.lineText(l).trim();
    if (insideText.has(l) || (text && !text.startsWith('#'))) return l;
  }
  return undefined;
}

/** Lines that are the inside of a text spanning several lines (a block scalar, a long quoted string). */
function multiLineScalarLines(file: ParsedFile): Set<number> {
  const lines = new Set<number>();
  const visit = (node: unknown, depth: number): void => {
    if (!node || depth > 100) return;
    if (isPair(node)) {
      visit(node.key, depth + 1);
      visit(node.value, depth + 1);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    } else if (isScalar(node) && (node as Node).range) {
      const [start, end] = (node as Node).range!;
      const first = file.lines.positionAt(start).line;
      const last = file.lines.positionAt(Math.max(start, end - 1)).line;
      for (let l = first + 1; l <= last; l++) lines.add(l);
    }
  };
  for (const doc of file.documents) visit(doc.yaml.contents, 0);
  return lines;
}
