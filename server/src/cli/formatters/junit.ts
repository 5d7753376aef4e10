// JUnit XML, for CI systems that show test reports: one test suite per checked file, one test case per
// finding (errors and warnings fail), and one passing test case for a file without findings.
import type { Finding } from '../../engine/types';
import { summarise, type FileResult } from './results';
import { helpUri } from './ruleHelp';
import { xmlAttribute as attr, xmlText as text } from '../../engine/utils/escape';

export function formatJunit(results: FileResult[]): string {
  const summary = summarise(results);
  const failures = summary.errors + summary.warnings;
  const tests = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="charter check" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`);
  for (const result of results) {
    const failed = result.findings.filter(isFailure).length;
    const file = attr(result.file);
    out.push(`  <testsuite name="${file}" tests="${Math.max(1, result.findings.length)}" failures="${failed}" errors="0" skipped="0" time="0">`);
    if (result.findings.length === 0) out.push(`    <testcase name="no findings" classname="${file}" file="${file}" time="0"/>`);
    for (const f of result.findings) {
      const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const open = `    <testcase name="${attr(`${f.rule} at ${at}`)}" classname="${file}" file="${file}" line="${f.range.start.line + 1}" time="0">`;
      const details = `${f.severity} at ${result.file}:${at}: ${f.message}\nRule: ${f.rule} (${helpUri(f.docs)})`;
      if (isFailure(f)) {
        out.push(open, `      <failure message="${attr(f.message)}" type="${attr(f.rule)}">${text(details)}</failure>`, '    </testcase>');
      } else {
        out.push(open, `      <system-out>${text(details)}</system-out>`, '    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function isFailure(f: Finding): boolean {
  return f.severity === 'error' || f.severity === 'warning';
}
