// Every command the extension contributes runs without error and without waiting for input.
// The list comes from the manifest, so a new command is covered the day it is added.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, contributedCommands, openFixture, waitForFinding, withTimeout,
} from '../helpers';
import { CHARTER_WITH_MISTAKES } from '../fixtures';

const COMMAND_TIMEOUT = 20_000;

suite('Commands', () => {
  suiteSetup(async () => {
    await activateExtension();
    // commands act on "the current charter" where they have one
    await openFixture('e2e/commands.charter.yaml', CHARTER_WITH_MISTAKES);
  });
  suiteTeardown(closeAllEditors);

  test('the manifest contributes commands and all of them are registered', async () => {
    const contributed = contributedCommands();
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], 'contributed commands without a registration');
  });

  for (const command of contributedCommands()) {
    test(`${command} runs with no arguments`, async () => {
      try {
        await withTimeout(vscode.commands.executeCommand(command), COMMAND_TIMEOUT,
          `${command} (did it open a prompt and wait for input?)`);
      } finally {
        // dismiss whatever UI a command left open (quick pick, input box) so the next one starts clean
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
    });
  }

  test('after the commands (restart included) the language server still reports findings', async () => {
    await activateExtension();
    const editor = await openFixture('e2e/commands-after.charter.yaml', CHARTER_WITH_MISTAKES);
    await waitForFinding(editor.document.uri, 'schema/enum', undefined, 30_000);
  });
});
