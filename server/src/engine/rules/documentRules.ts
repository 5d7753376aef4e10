// Runs the single-document rules over one file's documents.
import { detectKind } from '../kinds';
import type { ParsedFile } from '../parser/charterParser';
import type { Finding } from '../types';
import { CharterDocument } from '../model/charterReader';
import { DOCUMENT_RULES } from './index';
import type { Policy } from './policy';
import { reporterFor } from './reporting';
import { guarded } from './ruleFailure';

export function documentRuleFindings(file: ParsedFile, relativePath: string, policy: Policy, today: string): Finding[] {
  const findings: Finding[] = [];
  for (const doc of file.documents) {
    if (doc.empty || doc.value === undefined) continue;
    const kind = detectKind(doc, relativePath).kind;
    if (!kind) continue;
    const document = new CharterDocument(file, doc, kind);
    for (const rule of DOCUMENT_RULES) {
      if (rule.kinds.includes(kind)) guarded(rule.id, file.uri, findings, () => rule.check({ document, policy, today, report: reporterFor(rule, file.uri, findings) }));
    }
  }
  return findings;
}
