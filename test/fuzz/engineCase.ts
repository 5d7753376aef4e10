// One fuzz case through the engine: parse, validate and every editor feature at random places.
// Nothing may throw, no check may fail (internal/rule-failed), and every range must lie in the text.
import type { CharterLanguageService, ValidationContext } from '../../server/src/engine/languageService';
import type { ParsedFile } from '../../server/src/engine/parser/charterParser';
import { normaliseSettings } from '../../server/src/engine/settings';
import type { Position, Range } from '../../server/src/engine/types';
import { Random, type FuzzCase } from './mutator';

export const FUZZ_SETTINGS = { asOf: '2027-03-01', format: { enable: true } };

/** Throws with the case's seed when a range lies outside the text. */
export function assertInside(lines: string[], range: Range, what: string): void {
  const ok = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ok(range.start) || !ok(range.end) || !ordered) throw new Error(`${what}: range ${JSON.stringify(range)} is outside the text (${lines.length} lines)`);
}

/** The text's lines as an editor counts them (CRLF, CR and LF all end a line). */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function randomPosition(lines: string[], random: Random): Position {
  const line = random.below(lines.length);
  return { line, character: random.below(lines[line].length + 1) };
}

export async function runEngineCase(service: CharterLanguageService, fuzz: FuzzCase): Promise<void> {
  const uri = `file:///fuzz/${fuzz.fileName}`;
  const random = new Random(fuzz.seed ^ 0x5eed);
  const context: ValidationContext = { relativePath: fuzz.fileName, settings: normaliseSettings(FUZZ_SETTINGS), folderUri: 'file:///fuzz' };
  const file: ParsedFile = service.parse(uri, fuzz.text, fuzz.seed);
  const lines = editorLines(fuzz.text);
  service.workspace.setFile(file, fuzz.fileName);
  try {
    const findings = await service.validate(file, context);
    for (const f of findings) {
      if (f.rule === 'internal/rule-failed') throw new Error(`internal/rule-failed: ${f.message}`);
      assertInside(lines, f.range, `finding ${f.rule}`);
      for (const r of f.related ?? []) if (r.uri === uri) assertInside(lines, r.range, `related location of ${f.rule}`);
      for (const fix of f.fixes ?? []) for (const edit of fix.edits[uri] ?? []) assertInside(lines, edit.range, `fix of ${f.rule}`);
    }
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
    for (const action of await service.getCodeActions(file, whole, findings, context)) {
      for (const edit of action.edits?.[uri] ?? []) assertInside(lines, edit.range, `code action "${action.title}"`);
    }
    for (const edit of await service.format(file, context)) assertInside(lines, edit.range, 'formatting');
    const visit = (symbols: ReturnType<CharterLanguageService['findDocumentSymbols']>) => {
      for (const s of symbols) {
        assertInside(lines, s.range, `symbol ${s.name}`);
        assertInside(lines, s.selectionRange, `symbol ${s.name}`);
        visit(s.children);
      }
    };
    visit(service.findDocumentSymbols(file));
    for (const fold of service.getFoldingRanges(file)) if (fold.startLine < 0 || fold.endLine >= lines.length || fold.startLine > fold.endLine) throw new Error(`folding range ${JSON.stringify(fold)} outside the text`);
    for (const link of service.findDocumentLinks(file)) assertInside(lines, link.range, 'document link');
    for (const lens of service.getCodeLenses(file, findings, context)) assertInside(lines, lens.range, 'code lens');
    for (let i = 0; i < 3; i++) {
      const at = randomPosition(lines, random);
      const where = `at ${at.line}:${at.character}`;
      for (const item of (await service.doComplete(file, at, context)).items) assertInside(lines, item.range, `completion ${item.label} ${where}`);
      const hover = await service.doHover(file, at, context, { findings });
      if (hover) assertInside(lines, hover.range, `hover ${where}`);
      for (const action of await service.getCodeActions(file, { start: at, end: at }, findings, context)) {
        for (const edit of action.edits?.[uri] ?? []) assertInside(lines, edit.range, `code action "${action.title}" ${where}`);
      }
      for (const selection of service.getSelectionRanges(file, [at])) for (let s: typeof selection | undefined = selection; s; s = s.parent) assertInside(lines, s.range, `selection range ${where}`);
      const prepared = await service.prepareRename(file, at, context);
      if ('range' in prepared) {
        assertInside(lines, prepared.range, `prepare rename ${where}`);
        const renamed = await service.doRename(file, at, 'fuzz-renamed', context);
        if ('edits' in renamed) for (const edit of renamed.edits[uri] ?? []) assertInside(lines, edit.range, `rename ${where}`);
      }
      for (const target of await service.findDefinition(file, at, context)) if (target.uri === uri) assertInside(lines, target.range, `definition ${where}`);
    }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    error.message = `fuzz case seed ${fuzz.seed} (from ${fuzz.source} as ${fuzz.fileName}): ${error.message}`;
    throw error;
  } finally {
    service.workspace.removeFile(uri);
    service.forget(uri);
  }
}
