// New Charter: an id, a title, a programme and a template, asked for or given, written as
// `<id>.charter.yaml` into the workspace (in projects/ when it exists).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { charterSkeleton, Requests, titleFromId, validateProjectId, type NewCharterArgs } from '../../../server/src/protocol';
import type { PortfolioProvider } from './portfolioProvider';
import { exists, toUri } from './workspaceFiles';

/** The new charter's URI, or undefined when a prompt was dismissed; throws what the user must change. */
export async function newCharter(client: LanguageClient, ready: Promise<void>, provider: PortfolioProvider, given?: NewCharterArgs): Promise<string | undefined> {
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
    const templates = await client.sendRequest(Requests.templates, { folderUri: workspaceFolder });
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
    text = (await client.sendRequest(Requests.renderTemplate, { folderUri: workspaceFolder, name: template, ...charter })).text;
  } else {
    text = charterSkeleton(charter, new Date().toISOString().slice(0, 10));
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (args.open !== false) await vscode.window.showTextDocument(target);
  return target.toString();
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
