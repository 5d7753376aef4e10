// Where a CLI run's workspace is, which files it holds, and its `charter.*` settings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { readRegularFileSync, ReadRefused } from '../fileReading';
import { charterSection, normaliseSettings, type CharterSettings } from '../engine/settings';

export class UsageError extends Error {}

export interface CliWorkspace {
  root: string;
  settings: CharterSettings;
  /** Absolute paths of the files to check, sorted. */
  files: string[];
  /** Where the settings came from, if anywhere. */
  settingsFile?: string;
}

export function resolveWorkspace(cwd: string, inputs: string[], configFile?: string): CliWorkspace {
  const absolute = (inputs.length > 0 ? inputs : ['.']).map((p) => path.resolve(cwd, p));
  for (const p of absolute) if (!fs.existsSync(p)) throw new UsageError(`No such file or directory: ${path.relative(cwd, p) || p}`);
  const root = findWorkspaceRoot(commonAncestor(absolute.map((p) => (fs.statSync(p).isDirectory() ? p : path.dirname(p)))));

  let settingsFile: string | undefined;
  if (configFile) {
    settingsFile = path.resolve(cwd, configFile);
    if (!fs.existsSync(settingsFile)) throw new UsageError(`No such config file: ${configFile}`);
  } else if (fs.existsSync(path.join(root, '.vscode', 'settings.json'))) {
    settingsFile = path.join(root, '.vscode', 'settings.json');
  }
  const settings = settingsFile ? readSettingsFile(settingsFile) : normaliseSettings({});

  const files = new Set<string>();
  for (const p of absolute) {
    if (fs.statSync(p).isDirectory()) {
      for (const f of globSync(settings.files.include, { cwd: p, ignore: settings.files.exclude, absolute: true, dot: false, followSymbolicLinks: false })) files.add(path.normalize(f));
    } else {
      files.add(p);
    }
  }
  return { root, settings, files: [...files].sort(), settingsFile };
}

/** A settings file is a few KB; a larger one is not read. */
const MAX_SETTINGS_BYTES = 1_000_000;

/**
 * The text of a settings file. One that cannot be read (permission denied, a link to a device, a pipe)
 * stops the run with a clear message: checking with other settings than the PMO's would mislead.
 */
export function readSettingsText(file: string): string {
  try {
    return readRegularFileSync(file, { maxBytes: MAX_SETTINGS_BYTES }).toString('utf8');
  } catch (e) {
    if (e instanceof ReadRefused) throw new UsageError(`Cannot read settings from ${file}: ${e.message}.`);
    throw e;
  }
}

/** Reads the `charter.*` keys of a VS Code settings file (JSON with comments and trailing commas). */
export function readSettingsFile(file: string): CharterSettings {
  const charter = charterSection(readSettingsText(file));
  if (!charter) throw new UsageError(`Cannot read settings from ${file}: it is not valid JSON with comments.`);
  return normaliseSettings(charter);
}

/** The nearest folder at or above `start` that looks like a charter workspace, else `start`. */
function findWorkspaceRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, '.vscode', 'settings.json')) || fs.existsSync(path.join(dir, 'portfolio.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir || fs.existsSync(path.join(dir, '.git'))) return start;
    dir = parent;
  }
}

function commonAncestor(dirs: string[]): string {
  let common = dirs[0];
  for (const dir of dirs.slice(1)) {
    while (common !== path.dirname(common) && !(dir === common || dir.startsWith(common + path.sep))) common = path.dirname(common);
  }
  return common;
}
