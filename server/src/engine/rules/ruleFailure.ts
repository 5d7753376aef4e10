// A rule that throws is our bug, not the user's: it becomes one finding on the file it failed on,
// and every other rule, document and file is still checked.
import type { Finding, Range } from '../types';

export const RULE_FAILED = 'internal/rule-failed';
const DOCS = 'docs/rules/internal/rule-failed.md';
const WHOLE_FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The finding for a check that threw: which check, on which file, and the first line of why. */
export function ruleFailedFinding(check: string, uri: string, error: unknown, range: Range = WHOLE_FIRST_LINE): Finding {
  return {
    rule: RULE_FAILED,
    severity: 'warning',
    message: `Charter's check ${check} failed on this file (${oneLineCause(error)}), so it was skipped here; everything else was checked. This is a bug in Charter: please report it, with this file if you can.`,
    uri,
    range,
    docs: DOCS,
  };
}

/** Runs one check; when it throws, adds the failure finding instead and carries on. */
export function guarded(check: string, uri: string, findings: Finding[], run: () => void): void {
  try {
    run();
  } catch (e) {
    findings.push(ruleFailedFinding(check, uri, e));
  }
}

export function oneLineCause(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = raw.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
