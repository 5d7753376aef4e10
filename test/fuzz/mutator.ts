// A seeded mutator over the charters in examples/ and the test fixtures: the same seed gives the same
// cases, so a failure found in a long run can be replayed with `npm run fuzz -- --seed S --cases 1`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SeededRandom } from '../../bench/data/random';
import { REPO } from '../support/engine';

/** The bench's seeded source (mulberry32), with the one-bound integer the mutations use. */
export class Random extends SeededRandom {
  /** An integer in [0, max). */
  below(max: number): number {
    return this.int(0, max - 1);
  }
}

/** What a careless editor, a bad merge or an attacker puts into a YAML file. */
const FRAGMENTS = [
  '- a: ', 'b: ', '[', ']', '{', '}', '{a: ', '[[[[', ']]]]', ', ', ': ', '? ', '- ', '-', '&a ', '*a', '*a ', '&b [*a, *a, *a]',
  '!!binary aGVsbG8=', '!!str ', '!!map ', '!custom ', '|', '|-', '>', '>+2', '"', "'", '"\\u00e9"', '#', ' # comment', '---\n', '...\n', '%YAML 1.2\n---\n',
  '\t', '\r', '\r\n', '\n', '\n\n', '  ', '        ', '\u00a0', '\ufeff', '\u2028', '😀', 'é', '\\', '%', '@', '`', '~', 'null', 'true', '0x1F', '.inf', '1e400', '-0',
  '2027-02-30', '2027-13-01', '9999-12-31', 'TBD', '<describe>', 'kind: Project\n', 'kind: Portfolio\n', 'kind: People\n', 'kind: Programme\n', 'id: x\n', 'percent: 500\n',
  '# yaml-language-server: $schema=./nowhere.json\n', '$schema: builtin:project\n', '# charter-disable-next-line schema/enum\n', 'dependsOn: [a, a, b]\n',
  'allocations:\n  - { person: raj.patel, percent: 90 }\n', 'status: actve\n', 'approved: -1\n', '__proto__: x\n', 'constructor: {prototype: 1}\n',
];

export interface Corpus {
  files: Array<{ name: string; text: string }>;
}

/** Every charter-like YAML file under examples/ and test/fixtures/. */
export function loadCorpus(): Corpus {
  const files: Corpus['files'] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push({ name: path.relative(REPO, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(path.join(REPO, 'examples'));
  walk(path.join(REPO, 'test', 'fixtures'));
  return { files };
}

export interface FuzzCase {
  seed: number;
  source: string;
  text: string;
  /** The file name the case is checked as (decides the document kind when `kind` is missing). */
  fileName: string;
}

const NAMES = ['x.charter.yaml', 'projects/y.charter.yaml', 'portfolio.yaml', 'people.yaml', 'p.programme.yaml'];

/** One case: a corpus file with one to six mutations, named as a charter. */
export function makeCase(corpus: Corpus, seed: number): FuzzCase {
  const random = new Random(seed);
  const source = random.pick(corpus.files);
  let text = source.text;
  const rounds = 1 + random.below(6);
  for (let i = 0; i < rounds; i++) text = mutate(text, random, corpus);
  return { seed, source: source.name, text, fileName: random.pick(NAMES) };
}

function mutate(text: string, random: Random, corpus: Corpus): string {
  const at = random.below(text.length + 1);
  const span = 1 + random.below(Math.min(200, Math.max(1, text.length - at)));
  switch (random.below(10)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span); // delete
    case 1:
      return text.slice(0, at) + text.slice(at, at + span) + text.slice(at); // duplicate
    case 2: {
      const lines = text.split('\n');
      const line = random.below(lines.length);
      lines[line] = ' '.repeat(random.below(9)) + lines[line].trimStart(); // re-indent a line
      return lines.join('\n');
    }
    case 3: {
      const lines = text.split('\n');
      const a = random.below(lines.length);
      const b = random.below(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]]; // swap two lines
      return lines.join('\n');
    }
    case 4:
      return text.slice(0, at); // truncate
    case 5: {
      const other = random.pick(corpus.files).text; // splice another file in
      const from = random.below(other.length);
      return text.slice(0, at) + other.slice(from, from + span) + text.slice(at);
    }
    case 6:
      return text.slice(0, at) + random.pick(FRAGMENTS).repeat(1 + random.below(random.next() < 0.1 ? 400 : 3)) + text.slice(at); // hostile fragment, sometimes many
    case 7: {
      const value = random.pick(['', '~', '[]', '{}', '0', '-1', '""', 'x'.repeat(random.below(3000)), '[1, [2, [3]]]', '{a: {b: {c: 1}}}']);
      return text.replace(/: [^\n]*$/m, `: ${value}`); // replace the first value
    }
    case 8:
      return text.replace(/\n/g, random.pick(['\r\n', '\r', '\n\n', '\n'])); // line endings
    default:
      return text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at);
  }
}
