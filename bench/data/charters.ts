// Project charters of a chosen length, written the way the examples in `examples/` are, with schema
// errors planted at known places when asked. Everything comes from a seeded random source.
import type { SeededRandom } from './random';

/** The day date rules are evaluated on in every run (the `asOf` setting and `--as-of`). */
export const AS_OF = '2027-05-15';

/** One schema error put into a charter on purpose; both servers should report each exactly once. */
export interface PlantedError {
  /** 0-based line of the offending value (or, for a missing property, of the item's first line). */
  line: number;
  keyword: 'enum' | 'format' | 'type' | 'maximum' | 'required';
  what: string;
}

export interface ProjectSpec {
  id: string;
  targetLines: number;
  people: readonly string[];
  programme: string;
  strategicObjectives: readonly string[];
  /** Ids of projects this one depends on. */
  dependsOn: readonly string[];
  /** One planted error per this many lines (at least one error when set); none when undefined. */
  linesPerError?: number;
}

export interface GeneratedProject {
  text: string;
  lines: number;
  planted: PlantedError[];
  approved: number;
  startYear: number;
}

const WORDS = [
  'supplier', 'invoice', 'ledger', 'customer', 'portal', 'migration', 'platform', 'service', 'desk', 'data',
  'warehouse', 'identity', 'access', 'mobile', 'payments', 'treasury', 'forecast', 'contract', 'network',
  'backup', 'archive', 'reporting', 'onboarding', 'learning', 'security', 'compliance', 'analytics', 'cloud',
  'workflow', 'catalogue', 'pricing', 'billing', 'claims', 'scheduling', 'inventory', 'logistics', 'quality',
];
const VERBS = ['Replace', 'Automate', 'Consolidate', 'Move', 'Retire', 'Standardise', 'Simplify', 'Extend', 'Secure', 'Measure'];
const ROLES = ['Business analyst', 'Solution architect', 'Test manager', 'Developer', 'Data engineer', 'Change lead', 'UX designer'];
/** The sponsor is the one accountable stakeholder; everyone else is one of these. */
const RACI = ['responsible', 'consulted', 'informed'];
const LEVELS = ['low', 'medium', 'high'];
const CATEGORIES = ['licences', 'systems integrator', 'internal staff', 'hardware', 'training', 'contingency reserve'];

function sentence(rng: SeededRandom, words = 8): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1);
}

function title(rng: SeededRandom): string {
  return `${rng.pick(VERBS)} the ${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A real date in the given year, days kept at 28 or below so every month has it. */
function date(rng: SeededRandom, year: number, fromMonth = 1, toMonth = 12): string {
  return `${year}-${pad(rng.int(fromMonth, toMonth))}-${pad(rng.int(1, 28))}`;
}

/** Writes YAML lines and remembers where each planted error sits. */
class CharterWriter {
  readonly lines: string[] = [];
  readonly planted: PlantedError[] = [];

  line(text: string): number {
    this.lines.push(text);
    return this.lines.length - 1;
  }

  plant(line: number, keyword: PlantedError['keyword'], what: string): void {
    this.planted.push({ line, keyword, what });
  }
}

/** Which items carry an error: every `every`-th item offered, starting half-way into the first stretch. */
class ErrorPlan {
  private countdown: number;

  constructor(private readonly every: number | undefined) {
    this.countdown = every === undefined ? Infinity : Math.max(1, Math.floor(every / 2));
  }

  take(): boolean {
    if (this.every === undefined) return false;
    this.countdown--;
    if (this.countdown > 0) return false;
    this.countdown = this.every;
    return true;
  }
}

interface Section {
  key: string;
  /** Lines one item takes. */
  itemLines: number;
  /** Share of the lines left after the fixed part. */
  weight: number;
  /** `faulty` is 0 for a clean item, else 1, 2, 3... counting this section's faulty items, to alternate the kinds. */
  write(w: CharterWriter, rng: SeededRandom, index: number, faulty: number): void;
}

export function generateProject(rng: SeededRandom, spec: ProjectSpec): GeneratedProject {
  const w = new CharterWriter();
  const person = () => rng.pick(spec.people);
  const startYear = 2027;
  const start = date(rng, startYear, 1, 4);
  const end = date(rng, startYear + 1, 3, 12);
  const approved = rng.int(20, 95) * 10000;
  const contingency = Math.round(approved * 0.1);

  w.line('apiVersion: charter/v1');
  w.line('kind: Project');
  w.line(`id: ${spec.id}`);
  w.line(`title: ${title(rng)}`);
  w.line(`summary: ${sentence(rng, 10)}.`);
  w.line('status: active');
  w.line('phase: delivery');
  w.line(`programme: ${spec.programme}`);
  const sponsor = person();
  w.line(`sponsor: ${sponsor}`);
  w.line(`manager: ${person()}`);
  w.line('purpose: >-');
  w.line(`  ${sentence(rng, 12)},`);
  w.line(`  ${sentence(rng, 12).toLowerCase()}.`);
  w.line('schedule:');
  w.line(`  start: ${start}`);
  w.line(`  end: ${end}`);
  w.line('budget:');
  w.line('  currency: EUR');
  w.line(`  approved: ${approved}`);
  w.line(`  contingency: ${contingency}           # 10 % - held by the sponsor`);
  w.line('  breakdown:');
  const capex = Math.round(approved * 0.6);
  w.line(`    - { category: ${rng.pick(CATEGORIES)}, amount: ${capex} }`);
  w.line(`    - { category: ${rng.pick(CATEGORIES)}, amount: ${approved - capex} }`);
  w.line('scope:');
  w.line(`  in: [${rng.sample(WORDS, 4).join(', ')}]`);
  w.line(`  out: [${rng.sample(WORDS, 2).join(', ')}]`);
  w.line('approvals:');
  w.line(`  - { role: sponsor, person: ${sponsor}, decision: approved, date: ${startYear - 1}-12-01 }`);
  if (spec.dependsOn.length > 0) {
    w.line('dependencies:');
    for (const upstream of spec.dependsOn) {
      w.line(`  - project: ${upstream}`);
      w.line(`    neededBy: ${date(rng, startYear + 2, 1, 12)}`);
    }
  }

  const plan = new ErrorPlan(spec.linesPerError === undefined ? undefined : Math.max(1, Math.round(spec.linesPerError / 6)));
  const footer = 6;
  const budget = Math.max(0, spec.targetLines - w.lines.length - footer);
  const sections = projectSections(person, sponsor, spec, startYear);
  const counts = sections.map((s) => Math.max(1, Math.round((s.weight * budget) / s.itemLines)));
  sections.forEach((section, s) => {
    w.line(`${section.key}:`);
    let faulty = 0;
    for (let i = 0; i < counts[s]; i++) section.write(w, rng, i, plan.take() ? ++faulty : 0);
  });

  w.line('statusReport:');
  w.line(`  asOf: 2027-05-01`);
  w.line('  rag: green');
  w.line(`  commentary: ${sentence(rng, 12)}.`);
  w.line(`tags: [${rng.sample(WORDS, 2).join(', ')}]`);
  w.line(`# generated for the benchmark`);
  if (spec.linesPerError !== undefined && w.planted.length === 0) {
    // Short charters still get one error: a misspelt status value.
    const at = w.lines.findIndex((l) => l === 'status: active');
    w.lines[at] = 'status: actve';
    w.plant(at, 'enum', 'status "actve"');
  }
  return { text: w.lines.join('\n') + '\n', lines: w.lines.length, planted: w.planted, approved, startYear };
}

function projectSections(person: () => string, sponsor: string, spec: ProjectSpec, year: number): Section[] {
  return [
    {
      key: 'objectives',
      itemLines: 7,
      weight: 0.14,
      write(w, rng, i, faulty) {
        w.line(`  - id: obj-${i + 1}`);
        w.line(`    statement: ${sentence(rng, 7)}`);
        w.line(`    metric: ${rng.pick(WORDS)} ${rng.pick(WORDS)} per month`);
        w.line(`    baseline: ${rng.int(10, 90)}`);
        w.line(`    target: ${rng.int(91, 200)}`);
        const clean = date(rng, year + 1);
        const at = w.line(`    targetDate: ${faulty ? 'next spring' : clean}`);
        if (faulty) w.plant(at, 'format', 'targetDate "next spring"');
        w.line(`    strategicObjective: ${rng.pick(spec.strategicObjectives)}`);
      },
    },
    {
      key: 'deliverables',
      itemLines: 5,
      weight: 0.1,
      write(w, rng, i) {
        w.line(`  - id: d-${i + 1}`);
        w.line(`    name: ${title(rng)}`);
        w.line(`    description: ${sentence(rng, 10)}.`);
        w.line(`    due: ${date(rng, year + 1, 1, 2)}`);
        w.line(`    # owner agreed at the ${rng.pick(WORDS)} review`);
      },
    },
    {
      key: 'milestones',
      itemLines: 4,
      weight: 0.14,
      write(w, rng, i, faulty) {
        w.line(`  - id: m-${i + 1}`);
        w.line(`    name: ${title(rng)}`);
        const clean = date(rng, year + 1, 1, 2);
        const at = w.line(`    date: ${faulty % 2 === 1 ? '31/12/2027' : clean}`);
        const status = w.line(`    status: ${faulty > 0 && faulty % 2 === 0 ? 'complete' : 'planned'}`);
        if (faulty) {
          if (faulty % 2 === 1) w.plant(at, 'format', 'date "31/12/2027"');
          else w.plant(status, 'enum', 'status "complete"');
        }
      },
    },
    {
      key: 'risks',
      itemLines: 8,
      weight: 0.24,
      write(w, rng, i, faulty) {
        const first = w.line(`  - id: r-${i + 1}`);
        w.line(`    title: ${sentence(rng, 6)}`);
        const clean = rng.pick(LEVELS);
        const probability = w.line(`    probability: ${faulty % 2 === 1 ? 'meduim' : clean}`);
        if (faulty % 2 === 1) w.plant(probability, 'enum', 'probability "meduim"');
        const impact = rng.pick(LEVELS);
        if (faulty > 0 && faulty % 2 === 0) w.plant(first, 'required', 'risk without impact');
        else w.line(`    impact: ${impact}`);
        w.line(`    owner: ${person()}`);
        w.line(`    response: >-`);
        w.line(`      ${sentence(rng, 12)}.`);
        w.line(`    status: open`);
      },
    },
    {
      key: 'stakeholders',
      itemLines: 1,
      weight: 0.06,
      write(w, rng, i) {
        const [who, role] = i === 0 ? [sponsor, 'accountable'] : [person(), rng.pick(RACI)];
        w.line(`  - { person: ${who}, role: ${role}, interest: ${sentence(rng, 5)} }`);
      },
    },
    {
      key: 'allocations',
      itemLines: 5,
      weight: 0.16,
      write(w, rng, i, faulty) {
        w.line(`  - person: ${person()}`);
        w.line(`    role: ${rng.pick(ROLES)}`);
        const clean = String(rng.int(1, 3) * 5);
        const percent = faulty ? (faulty % 2 === 1 ? '150' : 'sixty') : clean;
        const at = w.line(`    percent: ${percent}`);
        if (faulty) w.plant(at, faulty % 2 === 1 ? 'maximum' : 'type', `percent ${percent}`);
        w.line(`    from: ${date(rng, year, 5, 6)}`);
        w.line(`    to: ${date(rng, year + 1, 1, 2)}`);
      },
    },
    {
      key: 'benefits',
      itemLines: 5,
      weight: 0.1,
      write(w, rng, i) {
        w.line(`  - id: b-${i + 1}`);
        w.line(`    description: ${sentence(rng, 9)}.`);
        w.line(`    measure: ${rng.pick(WORDS)} ${rng.pick(WORDS)} report`);
        w.line(`    owner: ${person()}`);
        w.line(`    realisedBy: ${date(rng, year + 2)}`);
      },
    },
    {
      key: 'assumptions',
      itemLines: 1,
      weight: 0.06,
      write(w, rng) {
        w.line(`  - ${sentence(rng, 9)}.`);
      },
    },
  ];
}
