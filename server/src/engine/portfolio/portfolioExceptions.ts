// Every waiver and suppression comment of a file, as the exceptions register lists them (`charter
// report --exceptions`, the dashboard): what is waived or silenced, where, why, by whom, until when.
import { detectKind } from '../kinds';
import type { ParsedFile } from '../parser/charterParser';
import { CharterDocument } from '../model/charterReader';
import { readSuppressionComments } from '../suppressions';
import type { PortfolioException } from './portfolioTypes';

export function exceptionsIn(file: ParsedFile, relativePath: string, asOf: string): PortfolioException[] {
  const out: PortfolioException[] = [];
  for (const doc of file.documents) {
    if (doc.empty || doc.value === undefined) continue;
    const kind = detectKind(doc, relativePath).kind;
    if (!kind) continue;
    const document = new CharterDocument(file, doc, kind);
    for (const { path } of document.records(['waivers'])) {
      const expires = document.date([...path, 'expires']);
      out.push({
        kind: 'waiver',
        rules: [document.text([...path, 'rule']) ?? ''].filter(Boolean),
        scope: 'document',
        reason: document.text([...path, 'reason']),
        approver: document.text([...path, 'approver']),
        expires: expires ?? document.text([...path, 'expires']),
        expired: expires ? expires < asOf : undefined,
        location: { uri: file.uri, relativePath, range: document.keyRange(path) },
      });
    }
  }
  for (const comment of readSuppressionComments(file)) {
    out.push({
      kind: 'suppression',
      rules: comment.rules,
      scope: comment.scope,
      reason: comment.reason,
      location: { uri: file.uri, relativePath, range: comment.range },
    });
  }
  return out.sort((a, b) => a.location.range.start.line - b.location.range.start.line);
}
