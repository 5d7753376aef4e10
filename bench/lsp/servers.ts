// The two servers under test: how to start each, which language id it validates, and the settings it
// is given. yaml-language-server gets our built-in schemas through `yaml.schemas`, on the same globs
// our server uses for the same kinds, so both check the same files against the same schemas.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AS_OF } from '../data/charters';

export interface ServerUnderTest {
  name: 'charter' | 'yaml-language-server';
  /** The node arguments before `--stdio`. */
  command: string[];
  languageId: string;
  /** The answer to workspace/configuration for one section. */
  configuration(section: string): unknown;
  /** What didChangeConfiguration carries. */
  pushedSettings(): unknown;
  /** The initialize request's initializationOptions (`{}` when absent). */
  initializationOptions?(): unknown;
}

/** Our server; with `findingsCacheDir`, as the extension starts it: with its findings cache in that folder. */
export function charterServer(bundle: string, findingsCacheDir?: string): ServerUnderTest {
  const charter = { asOf: AS_OF };
  return {
    name: 'charter',
    command: [bundle],
    initializationOptions: () => (findingsCacheDir ? { findingsCacheDir } : {}),
    languageId: 'charter',
    configuration: (section) => (section === 'charter' ? charter : null),
    pushedSettings: () => ({ charter }),
  };
}

/** The schema of each kind, on the default globs of `charter.files.include`. */
export function schemaAssociations(repoRoot: string): Record<string, string[]> {
  const schema = (kind: string) => pathToFileURL(path.join(repoRoot, 'schemas', `${kind}.schema.json`)).href;
  return {
    [schema('project')]: ['**/*.charter.yaml', '**/*.charter.yml', '**/charter.yaml'],
    [schema('programme')]: ['**/*.programme.yaml', '**/*.programme.yml'],
    [schema('portfolio')]: ['**/portfolio.yaml'],
    [schema('people')]: ['**/people.yaml'],
  };
}

/**
 * yaml-language-server matches `fileMatch` with picomatch without `dot: true`, so `**` never crosses
 * a folder whose name starts with a dot - and the bench's data lives in `bench/.data/`. Each glob gets
 * a twin that names that folder; the files matched are the same ones our server sees.
 */
function acrossDataFolder(associations: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [schema, globs] of Object.entries(associations)) {
    out[schema] = [...globs, ...globs.map((g) => `**/.data/**/${g.replace(/^\*\*\//, '')}`)];
  }
  return out;
}

export function yamlLanguageServer(repoRoot: string): ServerUnderTest {
  const yaml = {
    schemas: acrossDataFolder(schemaAssociations(repoRoot)),
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    yamlVersion: '1.2',
    // Offline, and no other schema than ours: no catalogue downloads.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    name: 'yaml-language-server',
    command: [path.join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server')],
    languageId: 'yaml',
    configuration: (section) => (section === 'yaml' ? yaml : section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
    pushedSettings: () => ({ yaml }),
  };
}
