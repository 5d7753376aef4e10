// Bounds checked on the raw text before the YAML parser sees it. The parser and everything after it
// (building values, schema validation, rules) recurse once per nesting level, and past a few thousand
// levels V8 runs out of stack in places nobody can catch (even inside its regular expression compiler).
// So depth is estimated here, in one linear pass without recursion, and a file that is too deep or too
// large is refused with a finding instead of parsed.

/** Charters nest a handful of levels; anything near this is generated or hostile. */
export const MAX_NESTING_DEPTH = 128;

/** Default of `charter.files.maxSizeKB`: charters are a few kilobytes; a file past this is not parsed. */
export const DEFAULT_MAX_SIZE_KB = 256;

/**
 * Where the text first nests deeper than `limit`, or undefined when it never does. The estimate never
 * undercounts: block indentation levels, plus the compact indicators (`- `, `? `, `key: `) on a line,
 * plus open flow brackets. Block scalar text and quoted strings do not count.
 */
export function firstTooDeep(text: string, limit = MAX_NESTING_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let scalarParent = -1; // indentation of the key that opened a block scalar, while inside one
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
    if (scalarParent >= 0 && (blank || indent > scalarParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    scalarParent = -1;
    if (!blank) {
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
      }
      let inline = 0;
      let quote = '';
      for (let j = i; j < lineEnd; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
          continue;
        }
        const next = j + 1 < lineEnd ? text[j + 1] : ' ';
        const spaced = next === ' ' || next === '\t' || next === '\r';
        if (c === '#' && (j === i || text[j - 1] === ' ')) break;
        if ((c === '"' || c === "'") && (j === i || ' [{,:-?'.includes(text[j - 1]))) quote = c;
        else if (c === '[' || c === '{') flow++;
        else if ((c === ']' || c === '}') && flow > 0) flow--;
        else if ((c === '-' || c === '?' || c === ':') && spaced) inline++;
        if (indents.length + inline + flow > limit) return j;
      }
      if (flow === 0 && opensBlockScalar(text.slice(i, lineEnd))) scalarParent = indent;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Whether a line ends in a block scalar header (`key: |`, `- >-`, `|2 # comment`). */
function opensBlockScalar(line: string): boolean {
  const comment = line.lastIndexOf(' #');
  const content = (comment >= 0 ? line.slice(0, comment) : line).trimEnd();
  let k = content.length - 1;
  while (k >= 0 && /[-+0-9]/.test(content[k])) k--;
  if (k < 0 || (content[k] !== '|' && content[k] !== '>')) return false;
  return k === 0 || ' \t:-'.includes(content[k - 1]);
}

/** The size limit in characters for a `charter.files.maxSizeKB` setting (a kilobyte is 1,024). */
export function sizeLimitChars(maxSizeKB: number): number {
  return Math.max(1, Math.floor(maxSizeKB)) * 1024;
}
