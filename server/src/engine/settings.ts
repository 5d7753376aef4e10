// The `charter.*` settings, as the editor and the CLI both read them.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { SeveritySetting } from './types';
import { DEFAULT_MAX_SIZE_KB } from './parser/parseLimits';
import { isIsoDate } from './utils/dates';
import { DEFAULT_EXCLUDE, DEFAULT_GROUP_BY, GROUP_BY_KEYS, isOneOf, SEVERITY_SETTINGS, type GroupBy } from './model/vocabulary';
import { DEFAULT_INCLUDE } from './model/documentKinds';

export interface SchemaAssociation {
  fileMatch: string[];
  url: string;
}

export interface TemplateSetting {
  name: string;
  /** Workspace-relative or absolute path, or an `https:` URL, of the template's YAML. */
  path: string;
  description?: string;
  tiers?: string[];
}


export interface CharterSettings {
  schemas: SchemaAssociation[];
  rules: Record<string, SeveritySetting>;
  policy: Record<string, unknown>;
  /** `maxSizeKB`: a longer file gets one `yaml/too-large` finding and is not parsed. */
  files: { include: string[]; exclude: string[]; maxSizeKB: number };
  validate: { enable: boolean };
  format: { enable: boolean };
  schemaDownload: { enable: boolean };
  portfolio: { groupBy: GroupBy };
  /** PMO rulesets: workspace-relative or absolute paths, `https:` URLs, or `builtin:<name>`. */
  rulesets: string[];
  /** Named charter templates offered by New Charter and `charter new --template`. */
  templates: TemplateSetting[];
  /** The day date rules are evaluated on (YYYY-MM-DD); today when unset. */
  asOf?: string;
  /** The git ref of the approved baseline in the editor: `auto` (merge-base with the remote's default branch, else HEAD), `off`, or a ref. */
  baseRef: string;
}


export function defaultSettings(): CharterSettings {
  return {
    schemas: [],
    rules: {},
    policy: {},
    files: { include: [...DEFAULT_INCLUDE], exclude: [...DEFAULT_EXCLUDE], maxSizeKB: DEFAULT_MAX_SIZE_KB },
    validate: { enable: true },
    format: { enable: false },
    schemaDownload: { enable: true },
    portfolio: { groupBy: DEFAULT_GROUP_BY },
    rulesets: [],
    templates: [],
    baseRef: 'auto',
  };
}


/**
 * Reads the `charter` section of a configuration (nested objects as VS Code returns them, or dotted
 * keys as in settings.json) into settings, keeping defaults for anything missing or malformed.
 */
export function normaliseSettings(raw: unknown): CharterSettings {
  const settings = defaultSettings();
  if (!raw || typeof raw !== 'object') return settings;
  const r = raw as Record<string, unknown>;
  const get = (path: string): unknown => {
    if (path in r) return r[path];
    let node: unknown = r;
    for (const part of path.split('.')) {
      if (!node || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  };
  const schemas = get('schemas');
  if (Array.isArray(schemas)) {
    settings.schemas = schemas
      .filter((s): s is { fileMatch: unknown; url: unknown } => !!s && typeof s === 'object')
      .map((s) => ({ fileMatch: toStringList(s.fileMatch), url: typeof s.url === 'string' ? s.url : '' }))
      .filter((s) => s.url && s.fileMatch.length > 0);
  }
  const rules = get('rules');
  if (rules && typeof rules === 'object') {
    for (const [rule, level] of Object.entries(rules)) if (isOneOf(SEVERITY_SETTINGS, level)) settings.rules[rule] = level satisfies SeveritySetting;
  }
  const policy = get('policy');
  if (policy && typeof policy === 'object' && !Array.isArray(policy)) settings.policy = policy as Record<string, unknown>;
  const include = get('files.include');
  if (Array.isArray(include)) settings.files.include = toStringList(include);
  const exclude = get('files.exclude');
  if (Array.isArray(exclude)) settings.files.exclude = toStringList(exclude);
  const maxSizeKB = get('files.maxSizeKB');
  if (typeof maxSizeKB === 'number' && Number.isFinite(maxSizeKB) && maxSizeKB >= 1) settings.files.maxSizeKB = Math.floor(maxSizeKB);
  const bool = (path: string, fallback: boolean): boolean => (typeof get(path) === 'boolean' ? (get(path) as boolean) : fallback);
  settings.validate.enable = bool('validate.enable', true);
  settings.format.enable = bool('format.enable', false);
  settings.schemaDownload.enable = bool('schemaDownload.enable', true);
  const groupBy = get('portfolio.groupBy');
  if (isOneOf(GROUP_BY_KEYS, groupBy)) settings.portfolio.groupBy = groupBy;
  settings.rulesets = toStringList(get('rulesets'));
  const templates = get('templates');
  if (Array.isArray(templates)) {
    settings.templates = templates.flatMap((t): TemplateSetting[] => {
      if (!t || typeof t !== 'object') return [];
      const { name, path, description, tiers } = t as Record<string, unknown>;
      if (typeof name !== 'string' || !name || typeof path !== 'string' || !path) return [];
      return [{ name, path, description: typeof description === 'string' ? description : undefined, tiers: tiers === undefined ? undefined : toStringList(tiers) }];
    });
  }
  const baseRef = get('baseRef');
  if (typeof baseRef === 'string' && baseRef.trim() && !baseRef.startsWith('-')) settings.baseRef = baseRef.trim();
  const asOf = get('asOf');
  if (typeof asOf === 'string' && isIsoDate(asOf)) settings.asOf = asOf;
  return settings;
}

function toStringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0) : [];
}

/**
 * The `charter` section of a VS Code settings file (JSON with comments and trailing commas): both the
 * `"charter.x"` keys and a `"charter": { ... }` object. Undefined when the text is not such JSON.
 */
export function charterSection(text: string): Record<string, unknown> | undefined {
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const charter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'charter' && value && typeof value === 'object') Object.assign(charter, value);
    else if (key.startsWith('charter.')) charter[key.slice('charter.'.length)] = value;
  }
  return charter;
}
