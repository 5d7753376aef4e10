// ajv reports the errors of every branch of an `anyOf`/`oneOf`; a person needs those of the branch they
// were most likely writing.
import type { ErrorObject } from 'ajv';

/**
 * `anyOf`/`oneOf` report the errors of every branch. Keep the branch that came closest (its errors reach
 * deepest into the data, then the fewest), and turn "wrong type in every branch" into one message.
 */
export function pruneCompositeNoise(errors: ErrorObject[]): ErrorObject[] {
  const removed = new Set<ErrorObject>();
  const extra: ErrorObject[] = [];
  const composites = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const composite of composites) {
    if (removed.has(composite)) continue;
    if (composite.keyword === 'oneOf' && (composite.params as { passingSchemas?: unknown }).passingSchemas) continue;
    const prefix = composite.schemaPath + '/';
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (e === composite || removed.has(e) || !e.schemaPath.startsWith(prefix)) continue;
      if (!e.instancePath.startsWith(composite.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const depth = (list: ErrorObject[]) => Math.max(...list.map((e) => e.instancePath.length));
    const typeOnly = (list: ErrorObject[]) => list.every((e) => e.keyword === 'type' && e.instancePath === composite.instancePath);
    const all = [...branches.values()];
    removed.add(composite);
    if (all.every(typeOnly)) {
      all.flat().forEach((e) => removed.add(e));
      const types = [...new Set(all.flat().flatMap((e) => String((e.params as { type: string }).type).split(',')))];
      extra.push({ ...all[0][0], params: { type: types.join(',') } });
      continue;
    }
    const candidates = all.filter((list) => !typeOnly(list));
    candidates.sort((a, b) => depth(b) - depth(a) || a.length - b.length);
    const best = candidates[0];
    for (const list of all) if (list !== best) list.forEach((e) => removed.add(e));
  }
  return [...errors.filter((e) => !removed.has(e) && e.keyword !== 'if'), ...extra];
}
