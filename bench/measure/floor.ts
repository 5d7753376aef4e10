// The floor: what a validation costs at the least, in-process and warm. The `yaml` library parses the
// text (YAML 1.2 core schema, as our engine does) and ajv validates it against the same schemas,
// compiled once, reporting all errors. No LSP, no ranges, no messages.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { median } from '../report/stats';

export const FLOOR_RUNS = 20;
const WARM_UP = 5;

export interface FloorResult {
  medianMs: number;
  /** CPU time of this process per validation, averaged over the timed runs: steadier on a busy machine. */
  cpuMeanMs: number;
  errorsFound: number;
}

export function compileProjectSchema(repoRoot: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'project.schema.json'), 'utf8'));
  return ajv.compile(schema);
}

export function measureFloor(validate: ReturnType<typeof compileProjectSchema>, text: string): FloorResult {
  let errorsFound = 0;
  const once = () => {
    errorsFound = 0;
    for (const doc of parseAllDocuments(text, { version: '1.2', schema: 'core' })) {
      if (!('toJS' in doc)) continue;
      if (!validate(doc.toJS())) errorsFound += validate.errors?.length ?? 0;
    }
  };
  for (let i = 0; i < WARM_UP; i++) once();
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < FLOOR_RUNS; i++) {
    const start = performance.now();
    once();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { medianMs: median(times), cpuMeanMs: (cpu.user + cpu.system) / 1000 / FLOOR_RUNS, errorsFound };
}
