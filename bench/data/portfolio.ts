// A whole portfolio on disk: portfolio.yaml, people.yaml, programmes and N project charters that
// name those people and programmes and depend on each other (always on an earlier project, so no cycles).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateProject, type PlantedError } from './charters';
import { SeededRandom } from './random';

const FIRST = ['ana', 'ben', 'chloe', 'david', 'elif', 'farid', 'grace', 'hugo', 'ines', 'jonas', 'kira', 'liam', 'maya', 'noah', 'omar', 'priya', 'quinn', 'rosa', 'sam', 'tara', 'umar', 'vera', 'wei', 'yara', 'zoe'];
const LAST = ['adams', 'bello', 'chen', 'dubois', 'evans', 'fischer', 'garcia', 'haddad', 'ito', 'jensen', 'kowalski', 'lopez', 'marsh', 'nair', 'okafor', 'petrova', 'rossi', 'silva', 'tanaka', 'weber'];

export interface PortfolioOnDisk {
  root: string;
  /** Workspace-relative paths of every charter document, projects last. */
  files: string[];
  projects: number;
  programmes: number;
  people: number;
  /** Planted schema errors per workspace-relative path. */
  planted: Record<string, PlantedError[]>;
  /** A project that depends on another, for the cross-file edit. */
  editTarget: { file: string; dependencyLine: number; dependsOn: string };
}

/** One project in this many carries one planted schema error. */
const FAULTY_EVERY = 20;

export function writePortfolio(root: string, projects: number, seed: number): PortfolioOnDisk {
  const rng = new SeededRandom(seed);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const files: string[] = [];
  const planted: Record<string, PlantedError[]> = {};
  const write = (relative: string, text: string) => {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    files.push(relative);
  };

  const peopleCount = Math.max(40, projects);
  const people: string[] = [];
  for (let i = 0; people.length < peopleCount; i++) {
    const handle = `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? Math.floor(i / (FIRST.length * LAST.length)) : ''}`;
    people.push(handle);
  }
  const strategic = ['so-cost', 'so-customer', 'so-resilience', 'so-people'];
  const programmeCount = Math.max(3, Math.round(projects / 50));
  const programmes = Array.from({ length: programmeCount }, (_, i) => `prog-${String(i + 1).padStart(3, '0')}`);

  // Projects first (their budgets size the programme caps and the funding), written after.
  const projectTexts: Array<{ relative: string; text: string }> = [];
  const spendByProgramme = new Map<string, number>();
  const spendByYear = new Map<number, number>();
  const ids: string[] = [];
  const byProgramme = new Map<string, string[]>();
  let editTarget: PortfolioOnDisk['editTarget'] | undefined;
  for (let i = 0; i < projects; i++) {
    const id = `prj-${String(i + 1).padStart(5, '0')}`;
    const programme = programmes[i % programmeCount];
    const dependsOn = pickDependencies(rng, ids, byProgramme.get(programme) ?? []);
    const faulty = i % FAULTY_EVERY === FAULTY_EVERY - 1;
    const project = generateProject(rng, {
      id,
      targetLines: rng.int(60, 110),
      people,
      programme,
      strategicObjectives: strategic,
      dependsOn,
      linesPerError: faulty ? 1000 : undefined,
    });
    const relative = `projects/${programme}/${id}.charter.yaml`;
    projectTexts.push({ relative, text: project.text });
    if (project.planted.length > 0) planted[relative] = project.planted;
    spendByProgramme.set(programme, (spendByProgramme.get(programme) ?? 0) + project.approved);
    spendByYear.set(project.startYear, (spendByYear.get(project.startYear) ?? 0) + project.approved);
    ids.push(id);
    byProgramme.set(programme, [...(byProgramme.get(programme) ?? []), id]);
    if (!editTarget && dependsOn.length > 0 && !faulty && i >= projects / 2) {
      const lines = project.text.split('\n');
      editTarget = { file: relative, dependencyLine: lines.indexOf(`  - project: ${dependsOn[0]}`), dependsOn: dependsOn[0] };
    }
  }

  write('portfolio.yaml', portfolioText(spendByYear, strategic));
  write('people.yaml', peopleText(people));
  for (const programme of programmes) write(`programmes/${programme}.programme.yaml`, programmeText(rng, programme, people, spendByProgramme.get(programme) ?? 0));
  for (const p of projectTexts) write(p.relative, p.text);
  if (!editTarget) throw new Error('the generated portfolio has no project with a dependency to edit');
  return { root, files, projects, programmes: programmeCount, people: people.length, planted, editTarget };
}

/**
 * 0-2 upstream projects, always earlier ones (so there are no cycles): mostly from the same programme,
 * as in a real portfolio, sometimes from anywhere among the last 200 projects.
 */
function pickDependencies(rng: SeededRandom, earlier: string[], sameProgramme: string[]): string[] {
  const count = rng.int(0, 2);
  const out = new Set<string>();
  for (let k = 0; k < count && earlier.length > 0; k++) {
    const pool = sameProgramme.length > 0 && rng.chance(0.85) ? sameProgramme : earlier.slice(-200);
    out.add(rng.pick(pool));
  }
  return [...out];
}

function portfolioText(spendByYear: Map<number, number>, strategic: string[]): string {
  const funding = [...spendByYear].map(([year, amount]) => `  - { fiscalYear: ${year}, currency: EUR, amount: ${Math.ceil((amount * 1.2) / 1000) * 1000} }`);
  return [
    'apiVersion: charter/v1',
    'kind: Portfolio',
    'id: bench-portfolio',
    'title: Generated benchmark portfolio',
    'objectives:',
    ...strategic.map((id) => `  - { id: ${id}, title: Strategic objective ${id.slice(3)} }`),
    'funding:',
    ...funding,
    'policy:',
    '  phases: [initiation, planning, delivery, closure]',
    '  approvalThresholds:',
    '    - { above: 250000, role: sponsor }',
    '    - { above: 1000000, role: steering-committee }',
    '  contingency: { minPercent: 5, maxPercent: 15 }',
    '  reportingCadenceDays: 31',
    '  maxAllocationPercent: 100',
    '',
  ].join('\n');
}

function peopleText(people: string[]): string {
  const lines = ['apiVersion: charter/v1', 'kind: People', 'people:'];
  for (const id of people) {
    const [first, last] = id.split('.');
    const name = `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`;
    lines.push(`  - id: ${id}`, `    name: ${name}`, `    email: ${id}@example.org`, `    capacityPercent: 100`);
  }
  return lines.join('\n') + '\n';
}

function programmeText(rng: SeededRandom, id: string, people: string[], spend: number): string {
  return [
    'apiVersion: charter/v1',
    'kind: Programme',
    `id: ${id}`,
    `title: Programme ${id.slice(5)}`,
    'status: active',
    `owner: ${rng.pick(people)}`,
    'budget:',
    '  currency: EUR',
    `  cap: ${Math.ceil((spend * 1.25) / 1000) * 1000}`,
    'objectives:',
    `  - { id: po-${id.slice(5)}-1, title: Deliver the programme's first outcome }`,
    `  - { id: po-${id.slice(5)}-2, title: Deliver the programme's second outcome }`,
    '',
  ].join('\n');
}
