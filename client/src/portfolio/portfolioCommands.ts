// The portfolio view's commands, and New Charter and Export Report. Every command runs with arguments
// and no prompt (for tests and keybindings); without arguments it asks with dismissable quick inputs.
import * as vscode from 'vscode';
// The base client: the desktop's (Node) and the web extension's (browser) are both one.
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { GROUP_BY_KEYS, GROUP_BY_LABELS, isOneOf, PROJECT_STATUSES, RAGS, REPORT_FORMAT_LABELS, REPORT_FORMATS, Requests, type GroupBy, type PortfolioFilter, type RenderTemplateResult, type ReportFormat, type ReportResult, type TemplateInfo } from '../../../server/src/protocol';
import type { SourceLocation } from '../../../server/src/protocol';
import { charterSkeleton, titleFromId, validateProjectId, type NewCharterArgs } from '../../../server/src/engine/services/newCharter';
import type { PortfolioProvider } from './portfolioProvider';
import type { TreeNode } from './treeItems';

export type ExportFormat = ReportFormat;

export interface ExportReportArgs {
  format?: ExportFormat;
  /** Where to write: a path or a file URI. Default: `portfolio-report.<format>` in the first workspace folder. */
  out?: string;
  groupBy?: GroupBy;
  /** Open the written report (default: only when run interactively). */
  open?: boolean;
  /** true: prompt for the format and location. Otherwise (any arguments given) never prompt: the format defaults to `md`. */
  interactive?: boolean;
}

/** A tree node, a project id, or nothing (then the tree's selection). */
type ProjectArg = TreeNode | string | undefined;

export function registerPortfolioCommands(client: LanguageClient, ready: Promise<void>, provider: PortfolioProvider): vscode.Disposable[] {
  const projectOf = (arg: ProjectArg) => {
    const id = typeof arg === 'string' ? arg : (arg?.projectId ?? provider.view.selection[0]?.projectId);
    return id ? provider.result?.portfolio.projects.find((p) => p.id === id) : undefined;
  };

  return [
    vscode.commands.registerCommand('charter.portfolio.refresh', () => provider.refresh()),

    vscode.commands.registerCommand('charter.portfolio.groupBy', promptsWithoutWaiting(async (arg?: GroupBy) => {
      let groupBy: GroupBy | undefined = typeof arg === 'string' ? arg : undefined;
      if (!groupBy) {
        const picked = await vscode.window.showQuickPick(
          GROUP_BY_KEYS.map((value) => ({ label: GROUP_BY_LABELS[value], value, description: value === provider.groupBy ? 'current' : undefined })),
          { title: 'Group the portfolio by' },
        );
        groupBy = picked?.value;
      }
      if (!groupBy) return undefined;
      await provider.setGroupBy(groupBy);
      return groupBy;
    })),

    vscode.commands.registerCommand('charter.portfolio.filter', promptsWithoutWaiting(async (arg?: PortfolioFilter) => {
      let filter: PortfolioFilter | undefined = arg && typeof arg === 'object' && !('kind' in arg) ? arg : undefined;
      if (!filter) {
        const current = provider.filter;
        type Item = vscode.QuickPickItem & { apply: (f: PortfolioFilter) => void };
        const items: Item[] = [
          { label: 'Has findings', picked: !!current.hasFindings, apply: (f) => (f.hasFindings = true) },
          ...[...[...RAGS].reverse(), 'none' as const].map((rag): Item => ({ label: `RAG: ${rag === 'none' ? 'no status report' : rag}`, picked: !!current.rag?.includes(rag), apply: (f) => (f.rag = [...(f.rag ?? []), rag]) })),
          ...PROJECT_STATUSES.map((status): Item => ({ label: `Status: ${status}`, picked: !!current.status?.includes(status), apply: (f) => (f.status = [...(f.status ?? []), status]) })),
        ];
        const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Show only projects that match (none picked: all)' });
        if (!picked) return undefined;
        filter = {};
        for (const item of picked) item.apply(filter);
      }
      await provider.setFilter(filter);
      return filter;
    })),

    vscode.commands.registerCommand('charter.portfolio.open', async (arg?: TreeNode | SourceLocation) => {
      const location = arg && 'uri' in arg ? arg : (arg?.open ?? projectOf(undefined)?.location);
      if (!location) return undefined;
      const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
      return vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: range, preview: true });
    }),

    vscode.commands.registerCommand('charter.portfolio.copyId', async (arg?: ProjectArg) => {
      const project = projectOf(arg);
      if (!project) return undefined;
      await vscode.env.clipboard.writeText(project.id);
      void vscode.window.setStatusBarMessage(`Copied ${project.id}`, 3000);
      return project.id;
    }),

    vscode.commands.registerCommand('charter.portfolio.revealInExplorer', async (arg?: ProjectArg) => {
      const project = projectOf(arg);
      if (!project) return undefined;
      const uri = vscode.Uri.parse(project.location.uri);
      await vscode.commands.executeCommand('revealInExplorer', uri);
      return uri.toString();
    }),

    vscode.commands.registerCommand('charter.portfolio.checkProject', async (arg?: ProjectArg) => {
      const project = projectOf(arg);
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
    }),

    vscode.commands.registerCommand('charter.newCharter', promptsWithoutWaiting(async (given?: NewCharterArgs) => {
      const args = given ?? {};
      const interactive = given === undefined || given.interactive === true;
      let id = args.id;
      // Ids are unique across the portfolio, whatever the file is called.
      const projects = (provider.result ?? (await provider.refresh().then(() => provider.result)))?.portfolio.projects ?? [];
      const taken = (candidate: string) => {
        const owner = projects.find((p) => p.id === candidate);
        return owner ? `A project with id "${candidate}" already exists in ${owner.location.relativePath}; choose another id.` : undefined;
      };
      if (!id && interactive) id = await vscode.window.showInputBox({ title: 'New charter (1/3)', prompt: 'Project id', placeHolder: 'fin-invoice-automation', validateInput: (v) => validateProjectId(v.trim()) ?? taken(v.trim()) });
      if (id === undefined && interactive) return undefined;
      id = (id ?? 'new-project').trim();
      const problem = validateProjectId(id) ?? taken(id);
      if (problem) throw new Error(problem);
      if (args.programme?.trim() && validateProjectId(args.programme.trim())) throw new Error(`"${args.programme}" is not a programme id: use lower-case letters, digits and single hyphens.`);
      let title = args.title;
      if (title === undefined && interactive) title = await vscode.window.showInputBox({ title: 'New charter (2/3)', prompt: 'Title', value: titleFromId(id) });
      if (title === undefined && interactive) return undefined;
      let programme = args.programme;
      if (programme === undefined && interactive) programme = await pickProgramme(provider);
      if (programme === undefined && interactive) return undefined;
      const folder = await targetFolder(args.folder);
      if (!folder) throw new Error('Open a folder first: a new charter is written into the workspace.');
      const target = vscode.Uri.joinPath(folder, `${id}.charter.yaml`);
      if (await exists(target)) throw new Error(`${vscode.workspace.asRelativePath(target)} already exists.`);
      // The PMO's templates (charter.templates, templates of a ruleset) next to the built-in skeleton, the default.
      const workspaceFolder = (vscode.workspace.getWorkspaceFolder(folder) ?? vscode.workspace.workspaceFolders?.[0])?.uri.toString();
      let template = args.template;
      if (template === undefined && interactive && workspaceFolder) {
        await ready;
        const templates = await client.sendRequest<TemplateInfo[]>(Requests.templates, { folderUri: workspaceFolder });
        if (templates.length > 0) {
          const picked = await vscode.window.showQuickPick(
            [
              { label: 'Built-in skeleton', description: 'the default', name: undefined as string | undefined },
              ...templates.map((t) => ({ label: t.name, description: [t.tiers.length ? `tiers: ${t.tiers.join(', ')}` : '', t.description ?? ''].filter(Boolean).join(' - '), detail: `from ${t.from}`, name: t.name as string | undefined })),
            ],
            { title: 'New charter: template' },
          );
          if (!picked) return undefined;
          template = picked.name;
        }
      }
      const charter = { id, title: title?.trim() || titleFromId(id), programme: programme?.trim() || undefined };
      let text: string;
      if (template !== undefined) {
        if (!workspaceFolder) throw new Error('Open a folder first: templates come from the workspace settings.');
        await ready;
        text = (await client.sendRequest<RenderTemplateResult>(Requests.renderTemplate, { folderUri: workspaceFolder, name: template, ...charter })).text;
      } else {
        text = charterSkeleton(charter, new Date().toISOString().slice(0, 10));
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      if (args.open !== false) await vscode.window.showTextDocument(target);
      return target.toString();
    })),

    vscode.commands.registerCommand('charter.exportReport', promptsWithoutWaiting(async (given?: ExportReportArgs) => {
      const args = given ?? {};
      const interactive = given === undefined || given.interactive === true;
      let format = args.format ?? (args.out ? formatOf(args.out) : undefined);
      if (!format && interactive) {
        const picked = await vscode.window.showQuickPick(
          REPORT_FORMATS.map((value) => ({ ...REPORT_FORMAT_LABELS[value], value })),
          { title: 'Export the portfolio report as' },
        );
        if (!picked) return undefined;
        format = picked.value;
      }
      format ??= 'md';
      if (!isOneOf(REPORT_FORMATS, format)) throw new Error(`Unknown report format "${format}". Use ${REPORT_FORMATS.slice(0, -1).join(', ')} or ${REPORT_FORMATS[REPORT_FORMATS.length - 1]}.`);
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      let target = args.out ? toUri(args.out) : root ? vscode.Uri.joinPath(root, `portfolio-report.${format}`) : undefined;
      if (interactive) {
        const choice = await vscode.window.showQuickPick(
          [...(target ? [{ label: `Save as ${vscode.workspace.asRelativePath(target)}`, uri: target }] : []), { label: 'Choose a location…', uri: undefined }],
          { title: 'Where to save the report' },
        );
        if (!choice) return undefined;
        target = choice.uri ?? (await vscode.window.showSaveDialog({ defaultUri: target, filters: { Report: [format] } }));
      }
      if (!target) return undefined;
      await ready;
      const groupBy = args.groupBy ?? provider.groupBy;
      const report = await client.sendRequest<ReportResult>(Requests.report, { format, groupBy });
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.content));
      if (args.open ?? interactive) {
        if (format === 'html') void vscode.env.openExternal(target);
        else await vscode.window.showTextDocument(target);
      }
      return target.toString();
    })),
  ];
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

async function pickProgramme(provider: PortfolioProvider): Promise<string | undefined> {
  const programmes = provider.result?.portfolio.programmes ?? [];
  const picked = await vscode.window.showQuickPick(
    [{ label: 'No programme', value: '' }, ...programmes.map((p) => ({ label: p.title ?? p.id, description: p.id, value: p.id }))],
    { title: 'New charter (3/3): programme' },
  );
  return picked?.value;
}

async function targetFolder(folder?: string): Promise<vscode.Uri | undefined> {
  if (folder) return toUri(folder);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return undefined;
  const projects = vscode.Uri.joinPath(root, 'projects');
  return (await exists(projects)) ? projects : root;
}

function toUri(pathOrUri: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(pathOrUri) ? vscode.Uri.parse(pathOrUri) : vscode.Uri.file(pathOrUri);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function formatOf(out: string): ExportFormat | undefined {
  const ext = out.split('.').pop()?.toLowerCase();
  return ext === 'markdown' ? 'md' : isOneOf(REPORT_FORMATS, ext) ? ext : undefined;
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
