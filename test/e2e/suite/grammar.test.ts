// The TextMate grammar is registered for the charter language and tokenises a charter.
//
// VS Code has no extension API that returns TextMate tokens, so this checks two things:
// 1. In the real workbench: `_workbench.colorizeTextMateTokens` (the internal command behind VS
//    Code's own tokenisation benchmarks) resolves the TextMate tokenizer registered for the
//    document's language and runs it over every line. It throws when no grammar is registered for
//    `charter` or the grammar fails to load, so passing means the workbench highlights with ours.
// 2. The scopes: vscode-textmate + vscode-oniguruma (the libraries VS Code tokenises with) load the
//    grammar file the extension ships, resolving included grammars (source.yaml) from the
//    grammar contributions of all installed extensions as VS Code does, and tokenise a charter.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { activateExtension, closeAllEditors, getExtension, LANGUAGE_ID, openFixture } from '../helpers';

interface GrammarContribution { language?: string; scopeName: string; path: string; injectTo?: string[]; embeddedLanguages?: Record<string, string> }

const SAMPLE = [
  'apiVersion: charter/v1',
  'kind: Project',
  'id: e2e-grammar',
  'status: active',
  'sponsor: jane.doe',
  'schedule:',
  '  start: 2031-01-06',
  'statusReport:',
  '  rag: amber',
  '',
].join('\n');

/**
 * The suite is one esbuild bundle in <repo>/dist/test/e2e/, so a package's data file (the
 * oniguruma wasm) is found by walking up to the repo's node_modules.
 */
function findInNodeModules(file: string): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', file);
    if (fs.existsSync(candidate)) return candidate;
    assert.notStrictEqual(path.dirname(dir), dir, `node_modules/${file} not found above ${__dirname}`);
  }
}

/** Every grammar contributed by an installed extension (built-in ones included), with its file. */
function allGrammars(): Array<GrammarContribution & { file: string }> {
  return vscode.extensions.all.flatMap((ext) =>
    ((ext.packageJSON?.contributes?.grammars ?? []) as GrammarContribution[])
      .filter((g) => g.scopeName && g.path)
      .map((g) => ({ ...g, file: path.join(ext.extensionUri.fsPath, g.path) })));
}

async function loadRegistry(): Promise<vsctm.Registry> {
  const wasm = fs.readFileSync(findInNodeModules('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars = allGrammars();
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const g = grammars.find((x) => x.scopeName === scopeName);
      if (!g || !fs.existsSync(g.file)) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(g.file, 'utf8'), g.file);
    },
    getInjections: (scopeName) => grammars.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
}

/** Tokens of each line as { text, scopes }. */
function tokenize(grammar: vsctm.IGrammar, text: string): Array<Array<{ text: string; scopes: string[] }>> {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

suite('Grammar', () => {
  suiteSetup(() => activateExtension());
  suiteTeardown(closeAllEditors);

  const ours = () => {
    const grammars = (getExtension().packageJSON?.contributes?.grammars ?? []) as GrammarContribution[];
    const g = grammars.find((x) => x.language === LANGUAGE_ID);
    assert.ok(g, `package.json contributes a grammar for the "${LANGUAGE_ID}" language`);
    return g;
  };

  test('a grammar with scope source.charter is contributed for the charter language and shipped', () => {
    const g = ours();
    assert.strictEqual(g.scopeName, 'source.charter');
    const file = path.join(getExtension().extensionUri.fsPath, g.path);
    assert.ok(fs.existsSync(file), `the grammar file ${g.path} is in the installed extension`);
  });

  test('the workbench tokenises an open charter with the TextMate grammar', async () => {
    const editor = await openFixture('e2e/grammar.charter.yaml', SAMPLE);
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    const result = await vscode.commands.executeCommand<{ tokenizeTime: number }>(
      '_workbench.colorizeTextMateTokens', editor.document.uri);
    assert.ok(result && typeof result.tokenizeTime === 'number', 'the TextMate tokenizer ran over the document');
  });

  test('the grammar gives keys and our values (dates, RAG) their own scopes', async () => {
    const registry = await loadRegistry();
    const grammar = await registry.loadGrammar(ours().scopeName);
    assert.ok(grammar, 'vscode-textmate loads the shipped grammar');
    const lines = tokenize(grammar, SAMPLE);
    const dump = () => JSON.stringify(lines.map((l) => l.map((t) => `${t.text}=${t.scopes.join(' ')}`)));
    for (const line of lines) for (const t of line) assert.strictEqual(t.scopes[0], 'source.charter', dump());

    const token = (lineNo: number, text: string) => {
      const t = lines[lineNo].find((x) => x.text.trim() === text);
      assert.ok(t, `a token "${text}" on line ${lineNo}: ${dump()}`);
      return t;
    };
    const status = token(3, 'status');
    assert.ok(status.scopes.some((s) => /entity\.name\.tag|key/.test(s)), `"status" is scoped as a key: ${status.scopes}`);
    for (const [lineNo, text] of [[6, '2031-01-06'], [8, 'amber']] as const) {
      const t = token(lineNo, text);
      assert.ok(t.scopes.some((s) => s !== 'source.charter' && s.endsWith('.charter')),
        `"${text}" has a charter-specific scope: ${t.scopes}`);
    }
  });
});
