// The one way a value from a charter reaches the diff's Markdown: a pull-request comment must not be
// able to ping people, inject HTML or links, or break a table.

const MAX_CELL = 300;

export function md(value: string | number | undefined, max = MAX_CELL): string {
  if (value === undefined) return '';
  let text = String(value).replace(/[\r\n\t]+/g, ' ');
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return text
    .replace(/[\\`*_[\]<|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/&/g, '&amp;');
}
