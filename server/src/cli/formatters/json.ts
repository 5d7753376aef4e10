import { summarise, type FileResult } from './results';

/** `charter check --format json` (README, *The CLI*): `{ version, findings: [{ file, rule, severity, message, range, docs }], summary }`. */
export function formatJson(results: FileResult[]): string {
  const summary = summarise(results);
  return (
    JSON.stringify(
      {
        version: 1,
        findings: results.flatMap((r) =>
          r.findings.map((f) => ({ file: r.file, rule: f.rule, severity: f.severity, message: f.message, range: f.range, docs: f.docs })),
        ),
        summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings },
      },
      null,
      2,
    ) + '\n'
  );
}
