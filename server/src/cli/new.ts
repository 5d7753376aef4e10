// `charter new <id>`: writes a skeleton charter that validates except for what only its author can fill in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { charterSkeleton, titleFromId, validateProjectId } from '../engine/services/newCharter';
import { todayIso } from '../engine/utils/dates';
import { UsageError } from './workspace';

export interface NewOptions {
  cwd: string;
  id: string | undefined;
  title?: string;
  programme?: string;
  /** Folder to write into; default `projects/` when the current directory has one, else the current directory. */
  dir?: string;
  asOf?: string;
  /** The charter's text from a PMO template, instead of the built-in skeleton. */
  render?: (vars: { id: string; title: string; today: string; programme?: string }) => Promise<string>;
}

export async function runNew(options: NewOptions): Promise<{ file: string; output: string }> {
  const id = options.id ?? '';
  const problem = validateProjectId(id);
  if (problem) throw new UsageError(problem);
  const projects = path.join(options.cwd, 'projects');
  const dir = options.dir ? path.resolve(options.cwd, options.dir) : fs.existsSync(projects) ? projects : options.cwd;
  const file = path.join(dir, `${id}.charter.yaml`);
  if (fs.existsSync(file)) throw new UsageError(`${path.relative(options.cwd, file)} already exists; choose another id.`);
  const title = options.title?.trim() || titleFromId(id);
  const programme = options.programme?.trim() || undefined;
  const today = options.asOf ?? todayIso();
  const text = options.render ? await options.render({ id, title, today, programme }) : charterSkeleton({ id, title, programme }, today);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, text);
  const shown = path.relative(options.cwd, file).split(path.sep).join('/');
  return { file, output: `Wrote ${shown}. Fill in the <placeholders>, then run charter check.\n` };
}
