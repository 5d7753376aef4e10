// Where a rule's docs page is on the web, for outputs read outside the editor (SARIF, JUnit).
import { describeRule, type RuleDescription } from '../../engine/rules/index';
import type { Finding, RuleId, Severity } from '../../engine/types';
import { docsFor } from '../../engine/utils/docs';
import { RULESET_NOTES } from '../../engine/rulesets/rulesetService';

/** The site the repository's `docs/` folder is published under; `CHARTER_DOCS_BASE_URL` overrides it. */
const DOCS_BASE_URL = 'https://charter.dev/';

export function helpUri(docs: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(docs)) return docs;
  const base = process.env.CHARTER_DOCS_BASE_URL || DOCS_BASE_URL;
  return new URL(docs, base.endsWith('/') ? base : `${base}/`).href;
}

/** What is known about a rule id: the catalogue's description, else what its findings say. */
export function ruleDescription(id: RuleId, findings: Finding[] = []): RuleDescription {
  const known = describeRule(id) ?? RULESET_NOTES.find((r) => r.id === id);
  if (known) return known;
  const sample = findings.find((f) => f.rule === id);
  const [area, keyword] = id.split('/');
  const summary =
    area === 'schema'
      ? `The document matches its JSON Schema (keyword "${keyword}").`
      : area === 'yaml'
        ? 'The file is well-formed YAML.'
        : sample?.description
          ? sample.description
          : `Rule ${id}${sample?.origin ? ` from ${sample.origin}` : ''}.`;
  const severity: Severity = sample?.severity ?? 'error';
  return { id, severity, summary, docs: sample?.docs ?? docsFor(id) };
}
