// Runs the change rules over a file and its base text: each Project document of the head is compared
// with the same project (by id, else by position) in the base.
import { detectKind } from '../kinds';
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import { CharterDocument, isDict } from '../model/charterReader';
import { CHANGE_RULES } from '../rules/index';
import type { Policy } from '../rules/policy';
import { reporterFor } from '../rules/reporting';
import type { Finding } from '../types';
import type { BaseText } from './baseline';
import { ChangeLog } from './changeRecords';
import { projectDeltas } from './deltas';

export interface ProjectPair {
  head: CharterDocument;
  base: CharterDocument | undefined;
}

/** The Project documents of the head, each with its base counterpart (undefined for a project new on the branch). */
export function pairProjects(head: ParsedFile, headPath: string, base: ParsedFile | undefined, basePath: string): ProjectPair[] {
  const projects = (file: ParsedFile, path: string) =>
    file.documents.filter((d) => !d.empty && d.value !== undefined && detectKind(d, path).kind === 'Project').map((d) => new CharterDocument(file, d, 'Project'));
  // A base that does not parse cleanly is no baseline to compare with: its values may be half read.
  const baseProjects = base ? projects(base, basePath).filter((b) => b.doc.yaml.errors.length === 0) : [];
  return projects(head, headPath).map((document) => {
    const id = document.text(['id']);
    const sameId = id ? baseProjects.find((b) => b.text(['id']) === id) : undefined;
    const samePlace = baseProjects.find((b) => b.doc.index === document.doc.index && !idOf(b.doc));
    return { head: document, base: sameId ?? samePlace };
  });
}

export function changeRuleFindings(file: ParsedFile, relativePath: string, baseFile: ParsedFile, base: BaseText, policy: Policy, today: string): Finding[] {
  const findings: Finding[] = [];
  for (const { head, base: baseDoc } of pairProjects(file, relativePath, baseFile, base.path)) {
    if (!baseDoc) continue;
    const deltas = projectDeltas(baseDoc, head);
    const log = new ChangeLog(head, baseDoc, policy);
    for (const rule of CHANGE_RULES) {
      rule.check({
        document: head,
        base: baseDoc,
        baseRef: base.ref,
        deltas,
        log,
        policy,
        today,
        report: reporterFor(rule, file.uri, findings),
        atBase: (path, message) => ({ uri: baseFile.uri, range: baseDoc.valueRange(path), message }),
      });
    }
  }
  return findings;
}

function idOf(doc: ParsedDocument): string | undefined {
  return isDict(doc.value) && typeof doc.value.id === 'string' ? doc.value.id : undefined;
}
