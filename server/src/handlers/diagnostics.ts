// Findings as LSP diagnostics: rule id as `code`, docs as `codeDescription.href`, source `charter`.
import { URI, Utils } from 'vscode-uri';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../engine/types';
import { RULE_FAILED } from '../engine/rules/ruleFailure';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Where the docs pages are: in the extension, one folder above `dist/server.js`. The web server has no
 * folder of its own (no `__dirname` in a worker) and sets the published site instead.
 */
let docsRoot: URI | undefined = typeof __dirname === 'string' ? Utils.joinPath(URI.file(__dirname), '..') : undefined;

export function setDocsRoot(root: string): void {
  docsRoot = URI.parse(root);
}

export function docsHref(docs: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(docs)) return docs;
  return docsRoot ? Utils.joinPath(docsRoot, docs).toString() : docs;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: docsHref(finding.docs) },
    source: 'charter',
    message: finding.message,
    relatedInformation: finding.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
  };
}

/** One log line per check that failed on a file (an `internal/rule-failed` finding): our bug, to be reported. */
export function logRuleFailures(log: (message: string) => void, uri: string, findings: readonly Finding[]): void {
  for (const f of findings) if (f.rule === RULE_FAILED) log(`${uri}: ${f.message}`);
}
