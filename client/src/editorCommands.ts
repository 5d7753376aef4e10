// Commands the server's code actions and code lenses point at. Not in the command palette: they need arguments.
import * as vscode from 'vscode';
import { Commands, type ShowReferencesArgs, type ShowRuleDocsArgs, type WireLocation } from '../../server/src/protocol';

/** Opens a rule's page: a bundled Markdown page in the preview, anything else in the browser. */
async function showRuleDocs(...[href]: Partial<ShowRuleDocsArgs>): Promise<void> {
  if (!href) return;
  const uri = vscode.Uri.parse(href);
  if (uri.scheme === 'file' && uri.path.endsWith('.md')) {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return;
  }
  await vscode.env.openExternal(uri);
}

async function showReferences(...[uri, position, locations = []]: Partial<ShowReferencesArgs>): Promise<void> {
  if (!uri || !position) return;
  const toRange = (r: WireLocation['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    new vscode.Position(position.line, position.character),
    locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range))),
  );
}

export function registerEditorCommands(): vscode.Disposable[] {
  return [vscode.commands.registerCommand(Commands.showRuleDocs, showRuleDocs), vscode.commands.registerCommand(Commands.showReferences, showReferences)];
}
