// A YAML file that says it is a charter (`apiVersion: charter/v1`) but that the `charter.files.include`
// globs do not match is never checked. Saying so beats a clean Problems panel that means nothing.
import type { Finding } from './types';
import { docsFor } from './utils/docs';
import { LineIndex } from './utils/lineIndex';

/** Only the start of a file is read: `apiVersion` comes first in every charter. */
const HEAD = 4096;
const API_VERSION = /^apiVersion:[ \t]*(["']?)charter\/v1\1[ \t]*(?:#.*)?$/m;

/** A PMO ruleset (`kind: Ruleset`) or a charter template (`{{id}}`...) says apiVersion too, but is no charter. */
const NOT_A_CHARTER = /^kind:[ \t]*(["']?)Ruleset\1[ \t]*(?:#.*)?$|\{\{\s*(?:id|title|today|programme|manager)\s*\}\}/m;

/** Whether a file's text declares itself a charter document. */
export function declaresCharter(text: string): boolean {
  const head = text.slice(0, HEAD);
  return API_VERSION.test(head) && !NOT_A_CHARTER.test(head);
}

/** How to get a file outside the globs checked, for a finding or a CLI warning. */
export function notIncludedMessage(relativePath: string): string {
  const base = relativePath.split('/').pop() ?? relativePath;
  const renamed = base.replace(/\.ya?ml$/i, '') + '.charter.yaml';
  return `This file says apiVersion: charter/v1 but is not checked: charter.files.include does not match ${relativePath}. Rename it to ${renamed} (or .programme.yaml, people.yaml, portfolio.yaml as fits its kind), or add "${relativePath}" to charter.files.include.`;
}

/** The info finding on the `apiVersion` line, or undefined when the file does not declare itself a charter. */
export function notIncludedFinding(uri: string, text: string, relativePath: string): Finding | undefined {
  const head = text.slice(0, HEAD);
  const m = API_VERSION.exec(head);
  if (!m || NOT_A_CHARTER.test(head)) return undefined;
  const lines = new LineIndex(head);
  return {
    rule: 'files/not-included',
    severity: 'info',
    message: notIncludedMessage(relativePath),
    uri,
    range: lines.rangeOf(m.index, m.index + m[0].replace(/[ \t]*(#.*)?$/, '').length),
    docs: docsFor('files/not-included'),
  };
}
