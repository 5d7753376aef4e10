// GitLab Code Quality report: a JSON array of issues that GitLab shows in the merge request widget and
// on the changed lines of the diff. https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from 'node:crypto';
import type { Severity } from '../../engine/types';
import type { FileResult } from './results';

/** GitLab's five levels: an error blocks nothing by itself, so it is "major" as other linters report it. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
  categories: string[];
}

export function formatGitlab(results: FileResult[]): string {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    // GitLab matches issues between the base and the head report by fingerprint, so it must not move with
    // the line: file, rule and message, and which occurrence of that triple it is.
    const seen = new Map<string, number>();
    for (const f of result.findings) {
      const identity = `${result.file}\u0000${f.rule}\u0000${f.message}`;
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      issues.push({
        type: 'issue',
        check_name: f.rule,
        description: f.message,
        severity: SEVERITY[f.severity],
        fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex'),
        location: { path: result.file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
        categories: [f.rule.startsWith('schema/') || f.rule.startsWith('yaml/') ? 'Bug Risk' : 'Style'],
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
