// The portfolio view's commands, and New Charter and Export Report. Every command runs with arguments
// and no prompt (for tests and keybindings); without arguments it asks with dismissable quick inputs.
import * as vscode from 'vscode';
// The base client: the desktop's (Node) and the web extension's (browser) are both one.
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, GROUP_BY_KEYS, GROUP_BY_LABELS, PROJECT_STATUSES, RAGS, type ExportReportArgs, type GroupBy, type NewCharterArgs, type PortfolioFilter, type SourceLocation } from '../../../server/src/protocol';
import { exportReport } from './exportReportCommand';
import { newCharter } from './newCharterCommand';
import type { PortfolioProvider } from './portfolioProvider';
import type { TreeNode } from './treeItems';

/** A tree node, a project id, or nothing (then the tree's selection). */
type ProjectArg = TreeNode | string | undefined;

export function registerPortfolioCommands(client: LanguageClient, ready: Promise<void>, provider: PortfolioProvider): vscode.Disposable[] {
  const projectOf = (arg: ProjectArg) => {
    const id = typeof arg === 'string' ? arg : (arg?.projectId ?? provider.view.selection[0]?.projectId);
    return id ? provider.result?.portfolio.projects.find((p) => p.id === id) : undefined;
  };

  return [
    vscode.commands.registerCommand(Commands.portfolioRefresh, () => provider.refresh()),
    vscode.commands.registerCommand(Commands.portfolioGroupBy, promptsWithoutWaiting((arg?: GroupBy) => groupBy(provider, arg))),
    vscode.commands.registerCommand(Commands.portfolioFilter, promptsWithoutWaiting((arg?: PortfolioFilter) => filter(provider, arg))),
    vscode.commands.registerCommand(Commands.portfolioOpen, (arg?: TreeNode | SourceLocation) => open(arg && 'uri' in arg ? arg : (arg?.open ?? projectOf(undefined)?.location))),
    vscode.commands.registerCommand(Commands.portfolioCopyId, async (arg?: ProjectArg) => {
      const project = projectOf(arg);
      if (!project) return undefined;
      await vscode.env.clipboard.writeText(project.id);
      void vscode.window.setStatusBarMessage(`Copied ${project.id}`, 3000);
      return project.id;
    }),
    vscode.commands.registerCommand(Commands.portfolioRevealInExplorer, async (arg?: ProjectArg) => {
      const project = projectOf(arg);
      if (!project) return undefined;
      const uri = vscode.Uri.parse(project.location.uri);
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return uri.toString();
    }),
    vscode.commands.registerCommand(Commands.portfolioCheckProject, (arg?: ProjectArg) => checkProject(projectOf(arg))),
    vscode.commands.registerCommand(Commands.newCharter, promptsWithoutWaiting((given?: NewCharterArgs) => newCharter(client, ready, provider, given))),
    vscode.commands.registerCommand(Commands.exportReport, promptsWithoutWaiting((given?: ExportReportArgs) => exportReport(client, ready, provider, given))),
  ];
}

async function groupBy(provider: PortfolioProvider, arg?: GroupBy): Promise<GroupBy | undefined> {
  let chosen: GroupBy | undefined = typeof arg === 'string' ? arg : undefined;
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      GROUP_BY_KEYS.map((value) => ({ label: GROUP_BY_LABELS[value], value, description: value === provider.groupBy ? 'current' : undefined })),
      { title: 'Group the portfolio by' },
    );
    chosen = picked?.value;
  }
  if (!chosen) return undefined;
  await provider.setGroupBy(chosen);
  return chosen;
}

async function filter(provider: PortfolioProvider, arg?: PortfolioFilter): Promise<PortfolioFilter | undefined> {
  let chosen: PortfolioFilter | undefined = arg && typeof arg === 'object' && !('kind' in arg) ? arg : undefined;
  if (!chosen) {
    const current = provider.filter;
    type Item = vscode.QuickPickItem & { apply: (f: PortfolioFilter) => void };
    const items: Item[] = [
      { label: 'Has findings', picked: !!current.hasFindings, apply: (f) => (f.hasFindings = true) },
      ...[...[...RAGS].reverse(), 'none' as const].map((rag): Item => ({ label: `RAG: ${rag === 'none' ? 'no status report' : rag}`, picked: !!current.rag?.includes(rag), apply: (f) => (f.rag = [...(f.rag ?? []), rag]) })),
      ...PROJECT_STATUSES.map((status): Item => ({ label: `Status: ${status}`, picked: !!current.status?.includes(status), apply: (f) => (f.status = [...(f.status ?? []), status]) })),
    ];
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Show only projects that match (none picked: all)' });
    if (!picked) return undefined;
    chosen = {};
    for (const item of picked) item.apply(chosen);
  }
  await provider.setFilter(chosen);
  return chosen;
}

async function open(location: SourceLocation | undefined): Promise<vscode.TextEditor | undefined> {
  if (!location) return undefined;
  const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
  return vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range, preview: true });
}

async function checkProject(project: { id: string; location: SourceLocation } | undefined): Promise<{ project: string; errors: number; warnings: number } | undefined> {
  if (!project) return undefined;
  const uri = vscode.Uri.parse(project.location.uri);
  // Opening the document makes the server check it as it is now.
  const checked = waitForDiagnostics(uri, 3000);
  await vscode.workspace.openTextDocument(uri);
  await checked;
  const diagnostics = vscode.languages.getDiagnostics(uri);
  const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  void vscode.window.showInformationMessage(`${project.id}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
  return { project: project.id, errors, warnings };
}

/**
 * Run with no arguments (the command palette, a title-bar button), a command that prompts resolves at
 * once and carries on in the background, so nothing waits on a prompt: dismiss it with
 * `workbench.action.closeQuickOpen`. With arguments it prompts for nothing missing that has a default
 * and resolves with its result.
 */
function promptsWithoutWaiting<A, R>(run: (arg?: A) => Promise<R>): (arg?: A) => Promise<R | undefined> {
  return async (arg?: A) => {
    if (arg !== undefined) return run(arg);
    run().catch((e: unknown) => void vscode.window.showErrorMessage(`Charter: ${(e as Error).message ?? String(e)}`));
    return undefined;
  };
}

function waitForDiagnostics(uri: vscode.Uri, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
