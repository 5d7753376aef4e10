// A rule's message, from its template: `{{value}}`, `{{given}}`, `{{path}}`, `{{reason}}`, `{{description}}`,
// `{{rule}}`, `{{tier}}` and any field of the document as `{{project.title}}` (or `{{document.title}}`).
// Values are shown as short one-line text; the message is bounded; nothing in it is evaluated.
import { formatPath, parseJsonPath, valueAt } from './jsonPath';
import { show } from './functions/options';
import type { DataPath } from '../utils/yamlNodes';

const MAX_MESSAGE_LENGTH = 500;

export interface MessageValues {
  value: unknown;
  /** The value of the rule's `given` node (`{{value}}` is the value a check looked at). */
  given: unknown;
  path: DataPath;
  reason: string;
  description: string;
  rule: string;
  tier?: string;
  root: unknown;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.-]{0,100})\s*\}\}/g;

export function renderMessage(template: string | undefined, values: MessageValues): string {
  const source = template ?? `${values.description.replace(/[.\s]+$/, '')}: {{reason}}.`;
  const text = source.replace(PLACEHOLDER, (whole, name: string) => {
    switch (name) {
      case 'value':
        return show(values.value);
      case 'given':
        return show(values.given);
      case 'path':
        return formatPath(values.path);
      case 'reason':
        return values.reason;
      case 'description':
        return values.description;
      case 'rule':
        return values.rule;
      case 'tier':
        return values.tier ?? 'none';
    }
    const m = /^(?:project|programme|portfolio|document)\.(.+)$/.exec(name);
    if (!m) return whole;
    const parsed = parseJsonPath(`$.${m[1]}`);
    return parsed.ok ? show(valueAt(parsed.path, values.root)) : whole;
  });
  const line = text.replace(/[\r\n]+/g, ' ').trim();
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : line;
}
