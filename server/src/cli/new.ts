// `charter new <id>`: writes a skeleton charter that validates except for what only its author can fill in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type CharterLanguageService } from '../engine/languageService';
import { charterSkeleton, titleFromId, validateProjectId, withRequiredPlaceholders } from '../engine/services/newCharter';
import type { CharterSettings } from '../engine/settings';
import { cliCacheDir, SchemaFetcher, timeoutFromEnv } from '../schemaRequest';
import { todayIso } from '../engine/utils/dates';
import type { IndexQuery } from '../engine/workspace/indexQuery';
import { resolveWorkspace, UsageError } from './workspace';

export interface NewOptions {
  cwd: string;
  id: string | undefined;
  title?: string;
  programme?: string;
  /** Folder to write into; default `projects/` when the current directory has one, else the current directory. */
  dir?: string;
  asOf?: string;
  /** Download no schema: a PMO's remote schema comes from the cache only. */
  offline?: boolean;
  /** The charter's text from a PMO template, instead of the built-in skeleton. */
  render?: (vars: { id: string; title: string; today: string; programme?: string }) => Promise<string>;
}

export async function runNew(options: NewOptions): Promise<{ file: string; output: string; warnings: string }> {
  const id = options.id ?? '';
  const problem = validateProjectId(id);
  if (problem) throw new UsageError(problem);
  const programme = options.programme?.trim() || undefined;
  if (programme !== undefined && validateProjectId(programme)) {
    throw new UsageError(`--programme "${programme}" is not a programme id: use lower-case letters, digits and single hyphens, e.g. finance-transformation.`);
  }
  const projects = path.join(options.cwd, 'projects');
  const dir = options.dir ? path.resolve(options.cwd, options.dir) : fs.existsSync(projects) ? projects : options.cwd;
  const file = path.join(dir, `${id}.charter.yaml`);
  if (fs.existsSync(file)) throw new UsageError(`${path.relative(options.cwd, file)} already exists; choose another id.`);
  // Ids are unique across the portfolio, whatever the file is called.
  const portfolio = portfolioOf(options.cwd, options.offline);
  const taken = portfolio.query.projects(id)[0];
  if (taken) throw new UsageError(`A project with id "${id}" already exists in ${taken.ref.relativePath}; choose another id.`);
  let warnings = '';
  if (programme !== undefined && portfolio.query.programmes(programme).length === 0) {
    const known = portfolio.query.ids('Programme');
    warnings = `charter: warning: no programme "${programme}" in this workspace${known.length > 0 ? ` (programmes: ${known.join(', ')})` : ''}; create it or correct the charter's programme.\n`;
  }
  const title = options.title?.trim() || titleFromId(id);
  const today = options.asOf ?? todayIso();
  const skeleton = options.render ? await options.render({ id, title, today, programme }) : charterSkeleton({ id, title, programme }, today);
  // The schema that will check the new file (a PMO's, by charter.schemas) may require more.
  const relativePath = path.relative(portfolio.root, file).split(path.sep).join('/');
  const parsed = portfolio.service.parse(pathToFileURL(file).href, skeleton);
  const missing = await portfolio.service.missingRequiredKeys(parsed, { relativePath, settings: portfolio.settings, folderUri: pathToFileURL(portfolio.root).href });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, withRequiredPlaceholders(skeleton, missing));
  const shown = path.relative(options.cwd, file).split(path.sep).join('/');
  return { file, output: `Wrote ${shown}. Fill in the <placeholders>, then run charter check.\n`, warnings };
}

/** The workspace's charter files, indexed, to know which ids exist; and its settings, for the schemas. */
function portfolioOf(cwd: string, offline = false): { query: IndexQuery; service: CharterLanguageService; settings: CharterSettings; root: string } {
  const workspace = resolveWorkspace(cwd, []);
  const fetcher = new SchemaFetcher({ cacheDir: cliCacheDir(workspace.root), timeoutMs: timeoutFromEnv(), offline: offline ? 'charter new runs with --offline' : undefined });
  const service = getLanguageService({ schemaRequest: fetcher.request });
  for (const file of workspace.files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // unreadable: charter check reports it
    }
    service.workspace.setFile(service.parse(pathToFileURL(file).href, text), path.relative(workspace.root, file).split(path.sep).join('/'));
  }
  return { query: service.workspace.query(), service, settings: workspace.settings, root: workspace.root };
}
