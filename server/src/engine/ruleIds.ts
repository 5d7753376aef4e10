// Which rule ids exist, for everything that names rules by id (suppression comments, waivers, the
// `charter.rules` setting): a name that matches nothing silences or configures nothing, so it is a
// finding, not silence.
import type { SchemaRegistry } from './schema/schemaRegistry';
import { CATALOGUE, SETTINGS_RULES } from './rules/index';
import { RULE_FAILED } from './rules/ruleFailure';
import { didYouMean } from './utils/suggest';

/** Syntax and file-level findings of the parser. */
export const YAML_RULES = ['yaml/syntax', 'yaml/duplicate-key', 'yaml/not-text', 'yaml/alias-limit', 'yaml/comma-in-number', 'yaml/too-large', 'yaml/too-deep', 'yaml/complex-key'];

const MAX_SCHEMA_WALK = 10_000;

export interface RuleIds {
  /** Whether `pattern` (an id, `area/*` or `*`) names at least one rule that can exist. */
  known(pattern: string): boolean;
  /** The nearest existing id, for a did-you-mean. */
  nearest(pattern: string): string | undefined;
}

/** Built-in rules, `schema/<keyword>`, the `x-rule` ids of the schemas registered so far, and `more` (PMO ruleset rules). */
export function ruleIds(registry?: SchemaRegistry, more: Iterable<string> = []): RuleIds {
  let ids: Set<string> | undefined;
  const all = (): Set<string> => (ids ??= new Set([...CATALOGUE.map((r) => r.id), ...YAML_RULES, ...SETTINGS_RULES.map((r) => r.id), RULE_FAILED, ...(registry ? schemaRuleIds(registry) : []), ...more]));
  const areas = (): Set<string> => new Set([...all()].map((id) => id.split('/')[0]).concat('schema'));
  return {
    known(pattern) {
      if (pattern === '*') return true;
      if (pattern.endsWith('/*')) return areas().has(pattern.slice(0, -2));
      // `schema/<keyword>`: one id per JSON Schema keyword, including a PMO schema's own keywords.
      if (/^schema\/[A-Za-z$][\w$-]*$/.test(pattern)) return true;
      return all().has(pattern);
    },
    nearest(pattern) {
      if (pattern.endsWith('/*')) {
        const area = didYouMean(pattern.slice(0, -2), areas());
        return area ? `${area}/*` : undefined;
      }
      return didYouMean(pattern, all());
    },
  };
}

/** `x-rule` values anywhere in the PMO schemas: rule ids a PMO defined. Bounded: schemas are hostile. */
function schemaRuleIds(registry: SchemaRegistry): string[] {
  const out: string[] = [];
  let budget = MAX_SCHEMA_WALK;
  const visit = (node: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > 64 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-rule' && typeof value === 'string') out.push(value);
      else visit(value, depth + 1);
    }
  };
  for (const id of registry.customIds()) visit(registry.rawSchema(id), 0);
  return out;
}
