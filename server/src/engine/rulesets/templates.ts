// Charter templates a PMO names (`charter.templates`, `templates:` in a ruleset): YAML with `{{id}}`,
// `{{title}}`, `{{today}}`, `{{programme}}` and `{{manager}}`, filled in for New Charter and `charter new`.
// What the author has not said stays a `<placeholder>` the checks point at.
import type { CharterSettings } from '../settings';
import type { Finding } from '../types';
import { resolveReference } from '../schema/schemaAssociation';
import type { Ruleset } from './rulesetTypes';

export interface TemplateChoice {
  name: string;
  description?: string;
  /** Absolute URI of the template's text. */
  uri: string;
  tiers: string[];
  /** Where it is named: `the charter.templates setting` or the ruleset's label. */
  from: string;
}

export interface TemplateVariables {
  id: string;
  title: string;
  today: string;
  programme?: string;
  manager?: string;
}

/** A template is a charter: larger than this it is not one. */
export const MAX_TEMPLATE_BYTES = 200_000;

/** The templates on offer: the setting's first, then each ruleset's; a name taken once is not offered twice. */
export function templateChoices(settings: CharterSettings, folderUri: string | undefined, rulesets: readonly Ruleset[]): TemplateChoice[] {
  const out: TemplateChoice[] = [];
  const add = (choice: TemplateChoice) => {
    if (!out.some((c) => c.name === choice.name)) out.push(choice);
  };
  for (const t of settings.templates) {
    let uri: string;
    try {
      uri = resolveReference(t.path, folderUri ? `${folderUri.replace(/\/$/, '')}/` : 'file:///');
    } catch {
      continue;
    }
    add({ name: t.name, description: t.description, uri, tiers: t.tiers ?? [], from: 'the charter.templates setting' });
  }
  for (const ruleset of rulesets) for (const t of ruleset.templates) add({ name: t.name, description: t.description, uri: t.uri, tiers: t.tiers, from: `ruleset ${ruleset.label}` });
  return out;
}

const VARIABLE = /\{\{\s*(id|title|today|programme|manager)\s*\}\}/g;

/**
 * Fills in a template. Each value is written so that it stays one YAML scalar wherever the variable
 * sits: plain when that is safe, else quoted (or escaped inside the template's own quotes).
 */
export function renderTemplate(text: string, vars: TemplateVariables): string {
  return text.replace(VARIABLE, (_whole, name: keyof TemplateVariables, offset: number) => {
    const value = vars[name] ?? `<${name}>`;
    const before = text[offset - 1];
    if (before === '"') return JSON.stringify(value).slice(1, -1);
    if (before === "'") return value.replace(/'/g, "''");
    return plainSafe(value) ? value : JSON.stringify(value);
  });
}

function plainSafe(text: string): boolean {
  return /^[\w<][\w .,()/'<>-]*$/.test(text) && !/:\s|\s#|^<.*[^>]$/.test(text);
}

/** A finding on a `<placeholder>` the author still has to fill in: what a template is allowed to leave. */
export function isPlaceholderFinding(finding: Finding, text: string, offsetOf: (line: number, character: number) => number): boolean {
  if (finding.rule === 'text/no-placeholders') return true;
  const start = offsetOf(finding.range.start.line, finding.range.start.character);
  const end = offsetOf(finding.range.end.line, finding.range.end.character);
  return /<[^<>\n]+>/.test(text.slice(start, Math.max(end, start)));
}
