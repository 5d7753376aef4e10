// The one place where text from a charter becomes safe for an output format. Every value a file can
// set (titles, statuses, ids, messages, file names) goes through one of these before it reaches HTML,
// SVG, Markdown, Mermaid, CSV or a terminal: a charter is data, never markup, a formula or a command.

/** Text or an attribute value in HTML and inline SVG. */
export function escapeHtml(text: string): string {
  return stripControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A word for a `class` attribute made from a value (a milestone status, a RAG colour): only letters,
 * digits and `-`, so a value can add no attribute, no markup and no second class.
 */
export function classToken(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'other';
}

/**
 * Inline Markdown text (a list item, a paragraph): one line, HTML and Markdown punctuation escaped, so
 * nothing becomes a link, an image, emphasis, code or raw HTML.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
}

/**
 * Inline Markdown for a pull-request comment: as `markdownText`, and an `@` cannot mention a person or
 * a team (a zero-width space follows it), so a charter cannot make the comment ping anyone.
 */
export function pullRequestText(text: string): string {
  return markdownText(text).replace(/@/g, '@\u200b');
}

/** A cell of a GitHub Markdown table: as inline text, and a `|` never ends the cell. */
export function markdownCell(text: string): string {
  return markdownText(text);
}

/** Inline code (an id, a rule id): a fence longer than any run of backticks inside, `|` escaped for tables. */
export function markdownCode(text: string): string {
  const value = oneLine(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A label in a Mermaid diagram (a gantt task or section): Mermaid ends a task name at `:`, treats `#`
 * and `;` specially and renders labels as HTML, so those and markup characters become spaces.
 */
export function mermaidText(text: string): string {
  return oneLine(text).replace(/[:#;<>&"'`{}[\]\\%]/g, ' ').replace(/\s+/g, ' ').trim() || '-';
}

/**
 * A CSV cell: text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return, as OWASP lists) gets a leading `'`, so it is shown as text. Numbers stay numbers.
 * Quoting of commas, quotes and line breaks is the CSV writer's job.
 */
export function csvCell(value: string | number | undefined): string | number {
  if (value === undefined) return '';
  if (typeof value === 'number') return value;
  const text = stripControls(value, true);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Text for a terminal: escape sequences (colours, cursor moves, window titles, hyperlinks) and every
 * other control character are removed, line breaks and tabs become spaces, and bidirectional overrides
 * are dropped, so a file name or a value cannot repaint, hide or reorder what the terminal shows.
 * `keepLineBreaks` keeps CR and LF for a format that encodes them itself (GitHub workflow commands).
 */
export function terminalText(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const stripped = text
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '') // OSC: titles, hyperlinks
    .replace(/\u009d[^\u0007\u009c]*[\u0007\u009c]?/g, '')
    .replace(/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g, '') // CSI: colours, cursor
    .replace(/\u001b[P^_X][^\u001b]*(?:\u001b\\)?/g, '') // DCS, PM, APC, SOS
    .replace(/\u001b[ -/]*[0-~]?/g, ''); // any other escape
  return (options.keepLineBreaks ? stripped.replace(/[\t\v\f]/g, ' ') : stripped.replace(/[\t\n\r\v\f]/g, ' ')).replace(CONTROLS, '').replace(BIDI, '');
}

/**
 * Text for a terminal where what was there matters (a fix's before and after): control characters,
 * line separators and bidirectional overrides are shown as `\u001b`-style escapes instead of removed.
 */
export function terminalVisible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// C0 (but tab, LF, CR), DEL and C1.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function stripControls(text: string, keepLineBreaks = true): string {
  const cleaned = text.replace(CONTROLS, '').replace(BIDI, '');
  return keepLineBreaks ? cleaned : cleaned.replace(/[\r\n]/g, ' ');
}

function oneLine(text: string): string {
  return stripControls(text).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

// XML (JUnit, checkstyle).
// Characters XML 1.0 cannot hold at all (control characters, lone surrogates) are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value; line breaks and tabs as character references so parsers keep them. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
