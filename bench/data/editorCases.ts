// The charters the editor figures are taken on: one per size, clean and with planted errors, each
// alone in its own folder (the folder the server is started on, so a server that indexes its
// workspace sees this one file and nothing else).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateProject, type PlantedError } from './charters';
import { SeededRandom } from './random';

export interface EditorCase {
  size: number;
  errors: boolean;
  folder: string;
  file: string;
  text: string;
  lines: number;
  planted: PlantedError[];
}

export function writeEditorCases(root: string, sizes: number[], seed: number, linesPerError: number): EditorCase[] {
  fs.rmSync(root, { recursive: true, force: true });
  const cases: EditorCase[] = [];
  for (const size of sizes) {
    for (const errors of [false, true]) {
      // Same seed for both variants: the texts differ only where errors are planted.
      const project = generateProject(new SeededRandom(seed + size), {
        id: `bench-${size}`,
        targetLines: size,
        people: ['jane.doe', 'raj.patel', 'mei.chen', 'noah.fischer', 'sofia.rossi'],
        programme: 'finance-transformation',
        strategicObjectives: ['so-cost', 'so-customer'],
        dependsOn: [],
        linesPerError: errors ? linesPerError : undefined,
      });
      const folder = path.join(root, `size-${size}${errors ? '-errors' : ''}`);
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, `bench-${size}.charter.yaml`);
      fs.writeFileSync(file, project.text);
      cases.push({ size, errors, folder, file, text: project.text, lines: project.lines, planted: project.planted });
    }
  }
  return cases;
}
