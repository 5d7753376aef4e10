// The client-server protocol is declared once (server/src/protocol.ts): every custom message is a typed
// RequestType/NotificationType and every command id a constant there. These tests read the sources of
// client/src and server/src and fail on a message or command spelled as a bare string anywhere else.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { Commands, INTERNAL_COMMANDS, Notifications, Requests, WebMessages } from '../../server/src/protocol';
import { REPO } from '../support/engine';

const MESSAGE_CALLS = new Set(['sendRequest', 'onRequest', 'sendNotification', 'onNotification']);
const COMMAND_IDS = new Set<string>(Object.values(Commands));
const METHODS = new Set<string>([...Object.values(Requests), ...Object.values(Notifications), ...Object.values(WebMessages)].map((m) => m.method));
const PROTOCOL = path.join('server', 'src', 'protocol.ts');

interface Spelling {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** Bare strings where the protocol module's typed messages and command constants belong. */
function bareSpellings(file: string, source: string): Spelling[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const out: Spelling[] = [];
  const at = (node: ts.Node, why: string) => out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.getText(sf), why });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MESSAGE_CALLS.has(node.expression.name.text)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first))) at(node, 'a message named by a string: use its RequestType/NotificationType');
    }
    if (ts.isStringLiteralLike(node)) {
      if (METHODS.has(node.text)) at(node, 'a custom method name outside the protocol module');
      if (COMMAND_IDS.has(node.text)) at(node, 'a command id outside the protocol module: use Commands');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('protocol: one typed declaration per message and command', () => {
  it('client/src and server/src name no message or command by a bare string outside the protocol module', () => {
    const files = [...sourceFiles(path.join('client', 'src')), ...sourceFiles(path.join('server', 'src'))].filter((f) => f !== PROTOCOL);
    assert.ok(files.length > 50, `${files.length} source files`);
    const found = files.flatMap((f) => bareSpellings(f, fs.readFileSync(path.join(REPO, f), 'utf8')));
    assert.deepEqual(found.map((s) => `${s.file}:${s.line} ${s.text} (${s.why})`), []);
  });

  it('catches each bare spelling it is meant to catch', () => {
    const found = bareSpellings(
      'sample.ts',
      [
        "client.sendRequest('charter/portfolio', {});",
        'connection.onNotification(`charter/x`, () => {});',
        "vscode.commands.registerCommand('charter.showRuleDocs', show);",
        "const method = 'charter/web/readFile';",
        'client.sendRequest(Requests.portfolio, {});',
        "connection.sendNotification(ShowMessageNotification.type, { type: 3, message: 'charter/portfolio is fine in words' });",
      ].join('\n'),
    );
    assert.deepEqual(
      found.map((s) => s.line),
      [1, 1, 2, 3, 4],
    );
  });

  it('gives every message a distinct charter/ method', () => {
    const methods = [...Object.values(Requests), ...Object.values(Notifications), ...Object.values(WebMessages)].map((m) => m.method);
    assert.ok(methods.every((m) => /^charter\/[\w/]+$/.test(m)), methods.join(', '));
    assert.equal(new Set(methods).size, methods.length);
  });

  it('declares exactly the commands package.json contributes, plus the ones only code calls', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual([...contributed].sort(), Object.values(Commands).filter((c) => !INTERNAL_COMMANDS.includes(c)).sort());
    for (const internal of INTERNAL_COMMANDS) assert.ok(!contributed.includes(internal), internal);
  });
});
