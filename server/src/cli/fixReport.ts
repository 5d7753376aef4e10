// What `charter check --fix` changed (or, with --fix-dry-run, would change): one line per fix, so a
// person or a CI log can see every edit before trusting it.
import { terminalVisible as printable } from '../engine/utils/escape';

export interface FixChange {
  /** Path relative to the current directory, `/`-separated. */
  file: string;
  /** 1-based, in the text as it was when the fix was applied. */
  line: number;
  rule: string;
  before: string;
  after: string;
}

/** A value longer than this is shortened in the log; the file gets the whole edit. */
const MAX_SHOWN = 60;

export function formatFixChanges(changes: FixChange[], dryRun: boolean): string {
  if (changes.length === 0) return dryRun ? 'No automatic fixes to apply (dry run).\n' : '';
  const files = new Set(changes.map((c) => c.file)).size;
  const head = `${dryRun ? 'Would fix' : 'Fixed'} ${changes.length} problem${changes.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${dryRun ? ' (dry run: nothing written)' : ''}:`;
  const rows = changes.map((c) => ({ at: `${printable(c.file)}:${c.line}`, rule: c.rule, edit: `${shown(c.before)} -> ${shown(c.after)}` }));
  const atWidth = Math.max(...rows.map((r) => r.at.length));
  const ruleWidth = Math.max(...rows.map((r) => printable(r.rule).length));
  return [head, ...rows.map((r) => `  ${r.at.padEnd(atWidth)}  ${printable(r.rule).padEnd(ruleWidth)}  ${r.edit}`)].join('\n') + '\n\n';
}

/** Text as it can be shown on one terminal line: quoted when empty, padded or multi-line; no control characters. */
function shown(text: string): string {
  const clipped = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
  if (clipped === '' || clipped !== clipped.trim() || /[\u0000-\u001f\u007f-\u009f]/.test(clipped)) return printable(JSON.stringify(clipped));
  return printable(clipped);
}
