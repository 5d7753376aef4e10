// Every regular expression that comes from a schema (`pattern`, `patternProperties`) runs on RE2's
// linear-time engine, never on the backtracking one: a schema is data, and `^(a+)+$` against forty
// `a`s must not pin a core for minutes, in a trusted workspace or not.
import { RE2JS } from 're2js';
import type { RegExpEngine } from 'ajv/dist/types';

export interface LinearRegExp {
  test(text: string): boolean;
}

/** Patterns compiled so far (a schema's patterns are few and reused on every check). */
const compiled = new Map<string, LinearRegExp | string>();
const MAX_CACHED = 2000;

/** A schema pattern compiled for linear-time matching; throws with a reason when RE2 cannot run it. */
export function linearRegExp(pattern: string, flags = ''): LinearRegExp {
  const key = `${flags}/${pattern}`;
  let entry = compiled.get(key);
  if (entry === undefined) {
    try {
      const re = RE2JS.compile(withShortPropertyNames(pattern), flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
      entry = { test: (text: string) => re.test(text) };
    } catch (e) {
      entry = unsupportedReason(pattern, (e as Error).message);
    }
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, entry);
  }
  if (typeof entry === 'string') throw new Error(entry);
  return entry;
}

/** The same, or undefined when the pattern cannot run: for editor features that only use a pattern as a hint. */
export function tryLinearRegExp(pattern: string): LinearRegExp | undefined {
  try {
    return linearRegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/** ajv's `code.regExp`: how compiled validators build the regular expressions of `pattern` keywords. */
export const linearRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const re = linearRegExp(pattern, flags);
    return { test: (text: string) => re.test(text), toString: () => `/${pattern}/${flags}` };
  },
  { code: 'charterLinearRegExp' },
);

/** ECMAScript long Unicode property names (`\p{Letter}`, `\p{gc=Lu}`, `\p{Script=Greek}`) in the short spelling RE2 reads. */
const CATEGORY: Record<string, string> = {
  Letter: 'L', Cased_Letter: 'L', Lowercase_Letter: 'Ll', Uppercase_Letter: 'Lu', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Combining_Mark: 'M', Nonspacing_Mark: 'Mn', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Open_Punctuation: 'Ps', Close_Punctuation: 'Pe', Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf', Other_Punctuation: 'Po',
  Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Other_Symbol: 'So',
  Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Surrogate: 'Cs', Private_Use: 'Co', Unassigned: 'Cn',
};

function withShortPropertyNames(pattern: string): string {
  return pattern.replace(/\\([pP])\{(?:(?:General_Category|gc|Script|sc|Script_Extensions|scx)=)?([A-Za-z_]+)\}/g, (_whole, p: string, name: string) => `\\${p}{${CATEGORY[name] ?? name}}`);
}

function unsupportedReason(pattern: string, detail: string): string {
  const shown = pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern;
  // RE2 reads a lookbehind `(?<=` / `(?<!` as a bad named group: say what it really is.
  const cause = /Perl syntax|invalid escape sequence: `\\[1-9]/.test(detail) || /\(\?<[=!]/.test(pattern)
    ? 'it uses lookaround or a backreference, which can take exponential time, so Charter does not run it'
    : `Charter's linear-time regular expression engine cannot read it (${detail.replace(/^error parsing regexp: /, '')})`;
  return `the pattern "${shown}" cannot be used: ${cause}`;
}
