// A small workspace for rule tests: inline files, indexed together, one of them checked.
import { getLanguageService, type CharterLanguageService } from '../../../server/src/engine/languageService';
import { WorkspaceIndex } from '../../../server/src/engine/workspace/workspaceIndex';
import { normaliseSettings } from '../../../server/src/engine/settings';
import type { Finding } from '../../../server/src/engine/types';
import { underlined } from '../../support/engine';
import { applyTextEdits } from '../../../server/src/engine/utils/textEdits';

/** Applies a fix's edits (one file) to a text. */
export const applyEdits = applyTextEdits;

export const ROOT = 'file:///portfolio/';

/** A project that passes every rule under the default policy, as of 2027-05-15. */
export const PROJECT = `apiVersion: charter/v1
kind: Project
id: fin-invoice
title: Invoice automation
status: active
phase: delivery
programme: finance
sponsor: jane.doe
manager: raj.patel
objectives:
  - id: obj-cost
    statement: Cut the cost of an invoice
    metric: cost per invoice (EUR)
    baseline: 4.10
    target: 1.20
    targetDate: 2027-09-30
    strategicObjective: so-cost
schedule:
  start: 2027-01-04
  end: 2027-12-17
milestones:
  - { id: m-vendor, name: Vendor selected, date: 2027-03-01, status: done }
  - { id: m-live, name: Live, date: 2027-11-30, status: planned }
budget:
  currency: EUR
  approved: 850000
  contingency: 60000
  breakdown:
    - { category: capex, amount: 500000 }
    - { category: opex, amount: 350000 }
risks:
  - id: r-ocr
    title: OCR accuracy below target
    probability: medium
    impact: high
    owner: raj.patel
stakeholders:
  - { person: jane.doe, role: accountable }
  - { person: raj.patel, role: responsible }
approvals:
  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }
phaseLog:
  - { phase: planning, decision: approved, date: 2026-10-01, by: jane.doe }
  - { phase: delivery, decision: approved, date: 2026-12-01, by: jane.doe }
allocations:
  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2027-12-17 }
statusReport:
  asOf: 2027-04-30
  rag: amber
  commentary: Vendor contract signed two weeks late.
  recoveryPlan: Run onboarding and migration in parallel.
`;

export const PEOPLE = `apiVersion: charter/v1
kind: People
people:
  - { id: jane.doe, name: Jane Doe, capacityPercent: 100 }
  - { id: raj.patel, name: Raj Patel, capacityPercent: 100 }
  - { id: li.wei, name: Li Wei, capacityPercent: 80 }
`;

export const PROGRAMME = `apiVersion: charter/v1
kind: Programme
id: finance
title: Finance
owner: jane.doe
budget:
  currency: EUR
  cap: 2000000
objectives:
  - { id: po-cost, title: Cheaper invoices }
`;

export const PORTFOLIO = `apiVersion: charter/v1
kind: Portfolio
id: group
title: Group portfolio
objectives:
  - { id: so-cost, title: Cut cost }
funding:
  - { fiscalYear: 2027, currency: EUR, amount: 3000000 }
policy:
  phases: [initiation, planning, delivery, closure]
  approvalThresholds:
    - { above: 250000, role: sponsor }
  contingency: { minPercent: 5, maxPercent: 15 }
  reportingCadenceDays: 31
  maxAllocationPercent: 100
`;

/** A second project, to build portfolios with: depends on nothing, books nobody. */
export function otherProject(id: string, extra = ''): string {
  return `apiVersion: charter/v1
kind: Project
id: ${id}
title: Project ${id}
status: active
phase: delivery
programme: finance
sponsor: jane.doe
manager: li.wei
schedule:
  start: 2027-02-01
  end: 2027-06-30
budget:
  currency: EUR
  approved: 200000
  contingency: 20000
approvals:
  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }
${extra}`;
}

/** One service for all rule tests (schemas compile once); each check gets a workspace index of its own. */
let shared: CharterLanguageService | undefined;

export interface CheckOptions {
  /** `charter.*` settings; `asOf` defaults to 2027-05-15. */
  settings?: Record<string, unknown>;
  /** The file whose findings are returned; default the first. */
  target?: string;
}

export interface Checked {
  findings: Finding[];
  text: string;
  uri: string;
  /** What each finding underlines, in order. */
  underlined: string[];
}

/**
 * Indexes `files` (relative path -> text) as one workspace, validates the target and returns its
 * findings of `rule` (all findings when `rule` is `*`).
 */
export async function check(rule: string, files: Record<string, string> | string, options: CheckOptions = {}): Promise<Checked> {
  const all = typeof files === 'string' ? { 'projects/fin-invoice.charter.yaml': files } : files;
  const service = (shared ??= getLanguageService());
  const workspace = new WorkspaceIndex();
  const settings = normaliseSettings({ asOf: '2027-05-15', ...options.settings });
  const parsed = Object.entries(all).map(([relativePath, text]) => ({ relativePath, file: service.parse(ROOT + relativePath, text, 1) }));
  for (const { relativePath, file } of parsed) workspace.setFile(file, relativePath);
  const target = parsed.find((p) => p.relativePath === (options.target ?? Object.keys(all)[0]))!;
  const findings = (await service.validate(target.file, { relativePath: target.relativePath, settings, workspace })).filter((f) => rule === '*' || f.rule === rule);
  return { findings, text: target.file.text, uri: target.file.uri, underlined: findings.map((f) => underlined(target.file.text, f)) };
}

/** The whole workspace with the standard people, programme and portfolio around `projects`. */
export function portfolio(projects: Record<string, string>): Record<string, string> {
  return { ...projects, 'people.yaml': PEOPLE, 'programmes/finance.programme.yaml': PROGRAMME, 'portfolio.yaml': PORTFOLIO };
}

