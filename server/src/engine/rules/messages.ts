// One formatter for every rule message: a rule declares its messages as templates with `{{name}}`
// placeholders (as typescript-eslint's rule `meta.messages` does) and reports a message id with the data
// to fill in. Keeping the wording in the rule's meta lets the docs and tests read every message a rule
// can give without running it.

/** A value a placeholder can take. Amounts arrive already formatted (formatMoney), so no float is printed. */
export type MessageValue = string | number | bigint;
export type MessageData = Readonly<Record<string, MessageValue>>;

/** What a rule passes to `report`: one of its message ids and the values of that message's placeholders. */
export interface MessageRef<M extends string = string> {
  messageId: M;
  data?: MessageData;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The message text. A placeholder without a value, or an id the rule does not declare, is a bug in the
 * rule, so it throws (the rule runner turns that into `internal/rule-failed`), never prints `{{x}}`.
 */
export function formatMessage(messages: Readonly<Record<string, string>>, ref: MessageRef, rule = 'the rule'): string {
  const template = Object.prototype.hasOwnProperty.call(messages, ref.messageId) ? messages[ref.messageId] : undefined;
  if (template === undefined) throw new Error(`${rule} has no message "${ref.messageId}"`);
  return template.replace(PLACEHOLDER, (_all, name: string) => {
    const value = ref.data && Object.prototype.hasOwnProperty.call(ref.data, name) ? ref.data[name] : undefined;
    if (value === undefined) throw new Error(`${rule} message "${ref.messageId}" needs a value for {{${name}}}`);
    return String(value);
  });
}

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
