// Parsed charters (and their findings) -> the portfolio model. Pure: no file system, no LSP.
import type { ParsedFile } from '../parser/charterParser';
import { detectKind } from '../kinds';
import { CharterDocument, dictOf, dictsOf, displayAmount as money, displayText as text, isDict as isRecord } from '../model/charterReader';
import type { Finding, Severity } from '../types';
import { valueRange, type DataPath } from '../utils/yamlNodes';
import { isCommitted, isLive, isOverdueMilestone, isRag } from '../rules/lifecycle';
import { resolvePolicy, type Policy } from '../rules/policy';
import { exceptionsIn } from './portfolioExceptions';
import { projectPerformance } from './portfolioPerformance';
import { rollup } from './portfolioGroups';
import {
  type FindingCounts,
  type Portfolio,
  type PortfolioDependency,
  type PortfolioFinding,
  type PortfolioMilestone,
  type PortfolioPerson,
  type StrategicObjective,
  type PortfolioProgramme,
  type PortfolioProject,
  type PortfolioRisk,
  type SourceLocation,
} from './portfolioTypes';

export interface PortfolioSource {
  file: ParsedFile;
  /** Path relative to the workspace root, `/`-separated: decides the kind of a document without `kind:`. */
  relativePath: string;
  /** The file's findings, if validated; counted per project. */
  findings?: Finding[];
}

export interface PortfolioOptions {
  /** The day milestones are judged overdue against, `YYYY-MM-DD`. */
  asOf: string;
  /** The `charter.policy` setting, laid over the Portfolio document's policy as the rules do. */
  settingPolicy?: unknown;
  /**
   * Earlier texts of each file (relative path -> texts, any order), read from git by a host that may
   * (the CLI, a trusted workspace): the trend of a charter without `statusReports:` of its own.
   */
  history?: Record<string, string[]>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
const LEVEL: Record<string, number> = { low: 1, medium: 2, high: 3 };

export function buildPortfolio(sources: PortfolioSource[], options: PortfolioOptions): Portfolio {
  const projects: PortfolioProject[] = [];
  const programmes: PortfolioProgramme[] = [];
  const people: PortfolioPerson[] = [];
  const strategicObjectives: StrategicObjective[] = [];
  const policy = policyOf(sources, options.settingPolicy);
  for (const source of sources) {
    for (const doc of source.file.documents) {
      if (doc.empty || !isRecord(doc.value)) continue;
      const kind = detectKind(doc, source.relativePath).kind;
      if (!kind) continue;
      const document = new CharterDocument(source.file, doc, kind);
      if (kind === 'Project') projects.push(readProject(source, document, options.asOf, policy, options.history?.[source.relativePath]));
      else if (kind === 'Programme') {
        const programme = readProgramme(source, document);
        if (programme) programmes.push(programme);
      } else if (kind === 'People') {
        for (const person of dictsOf(document.get(['people']))) {
          const id = text(person.id);
          const capacity = person.capacityPercent;
          if (id) people.push({ id, name: text(person.name), capacityPercent: typeof capacity === 'number' && Number.isFinite(capacity) && capacity >= 0 ? capacity : undefined });
        }
      } else if (kind === 'Portfolio') {
        for (const objective of dictsOf(document.get(['objectives']))) {
          const id = text(objective.id);
          if (id && !strategicObjectives.some((o) => o.id === id)) strategicObjectives.push({ id, title: text(objective.title) });
        }
      }
    }
  }
  const ids = new Set(projects.map((p) => p.id));
  for (const project of projects) {
    for (const dependency of project.dependencies) {
      dependency.known = ids.has(dependency.project);
      for (const upstream of projects) if (upstream.id === dependency.project && !upstream.dependents.includes(project.id)) upstream.dependents.push(project.id);
    }
  }
  projects.sort((a, b) => a.id.localeCompare(b.id) || a.location.relativePath.localeCompare(b.location.relativePath));
  for (const project of projects) project.dependents.sort();
  programmes.sort((a, b) => a.id.localeCompare(b.id));
  const exceptions = sources
    .slice()
    .sort((a, b) => a.relativePath.localeCompare(b.relativePath))
    .flatMap((s) => exceptionsIn(s.file, s.relativePath, options.asOf));
  people.sort((a, b) => a.id.localeCompare(b.id));
  // Totals count every file's findings (programmes, people, the portfolio too), as charter check does.
  const summary = { ...rollup(projects), findingCounts: countFindings(sources.flatMap((s) => s.findings ?? [])) };
  return { version: 1, asOf: options.asOf, projects, programmes, summary, exceptions, people, strategicObjectives, maxAllocationPercent: policy.maxAllocationPercent };
}

/** The policy the rules apply: the first Portfolio document by path, overlaid by the setting. */
function policyOf(sources: PortfolioSource[], settingPolicy: unknown): Policy {
  const ordered = sources.slice().sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  for (const source of ordered) {
    for (const doc of source.file.documents) {
      if (doc.empty || !isRecord(doc.value) || detectKind(doc, source.relativePath).kind !== 'Portfolio') continue;
      return resolvePolicy(doc.value.policy, settingPolicy);
    }
  }
  return resolvePolicy(undefined, settingPolicy);
}

function readProject(source: PortfolioSource, d: CharterDocument, asOf: string, policy: Policy, pastVersions?: string[]): PortfolioProject {
  const v = d.root;
  const status = d.displayText(['status']);
  const live = isLive(status, policy);
  const at = locator(source, d);
  const id = d.displayText(['id']) ?? fallbackId(source.relativePath);
  const schedule = dictOf(v.schedule);
  const budget = dictOf(v.budget);
  const report = dictOf(v.statusReport);
  const rag = text(report.rag);

  const milestones: PortfolioMilestone[] = dictsOf(v.milestones).map((m, i) => {
    const date = text(m.date);
    const status = text(m.status);
    return {
      id: text(m.id) ?? `#${i + 1}`,
      name: text(m.name),
      date,
      status,
      overdue: isOverdueMilestone(m, live, asOf),
      location: at(['milestones', i, 'id'], ['milestones', i]),
    };
  });
  const upcoming = milestones
    .filter((m) => (m.status ?? 'planned') === 'planned' && m.date)
    .sort((a, b) => a.date!.localeCompare(b.date!));
  const nextMilestone = upcoming.find((m) => !m.overdue) ?? upcoming[0];

  const risks: PortfolioRisk[] = dictsOf(v.risks)
    .map((r, i) => {
      const probability = text(r.probability);
      const impact = text(r.impact);
      return {
        id: text(r.id) ?? `#${i + 1}`,
        title: text(r.title),
        probability,
        impact,
        owner: text(r.owner),
        status: text(r.status),
        score: (LEVEL[probability ?? ''] ?? 0) * (LEVEL[impact ?? ''] ?? 0),
        location: at(['risks', i, 'id'], ['risks', i]),
      };
    })
    .sort((a, b) => b.score - a.score);

  const dependencies: PortfolioDependency[] = [];
  (Array.isArray(v.dependencies) ? v.dependencies : []).forEach((written, i) => {
    // `- fin-erp-upgrade` or `- { project: fin-erp-upgrade, neededBy: ... }`
    const entry = typeof written === 'string' ? { project: written } : dictOf(written);
    const project = text(entry.project);
    if (!project) return;
    dependencies.push({
      project,
      neededBy: text(entry.neededBy),
      description: text(entry.description),
      known: false,
      location: typeof written === 'string' ? at(['dependencies', i]) : at(['dependencies', i, 'project'], ['dependencies', i]),
    });
  });

  const findings = findingsOf(source, d);
  return {
    id,
    title: text(v.title) ?? id,
    summary: text(v.summary),
    status,
    live,
    committed: isCommitted(status, policy),
    phase: text(v.phase),
    programme: text(v.programme),
    sponsor: text(v.sponsor),
    manager: text(v.manager),
    rag: isRag(rag) ? rag : undefined,
    ragInvalid: rag !== undefined && !isRag(rag) ? rag : undefined,
    ragAsOf: text(report.asOf),
    commentary: text(report.commentary),
    schedule: { start: text(schedule.start), end: text(schedule.end) },
    budget: { currency: text(budget.currency), approved: money(budget.approved), contingency: money(budget.contingency) },
    milestones,
    nextMilestone,
    risks,
    dependencies,
    dependents: [],
    findingCounts: countFindings(findings),
    findings,
    location: at(['id'], []),
    performance: projectPerformance(v, asOf, policy, pastVersions),
    allocations: dictsOf(v.allocations).flatMap((a) => {
      const person = text(a.person);
      const percent = a.percent;
      return person && typeof percent === 'number' && Number.isFinite(percent) && percent >= 0 ? [{ person, percent, from: text(a.from), to: text(a.to) }] : [];
    }),
    strategicObjectives: [...new Set(dictsOf(v.objectives).flatMap((o) => (text(o.strategicObjective) ? [text(o.strategicObjective)!] : [])))],
  };
}

function readProgramme(source: PortfolioSource, d: CharterDocument): PortfolioProgramme | undefined {
  const id = d.displayText(['id']);
  if (!id) return undefined;
  return {
    id,
    title: d.displayText(['title']),
    owner: d.displayText(['owner']),
    cap: money(d.get(['budget', 'cap'])),
    currency: d.displayText(['budget', 'currency']),
    location: locator(source, d)(['id'], []),
  };
}

/** The findings that fall inside this document, most severe first. */
function findingsOf(source: PortfolioSource, { doc }: CharterDocument): PortfolioFinding[] {
  const lines = source.file.lines;
  const first = lines.positionAt(doc.index === 0 ? 0 : doc.start).line;
  const last = lines.positionAt(doc.end).line;
  const single = source.file.documents.length <= 1;
  return (source.findings ?? [])
    .filter((f) => single || (f.range.start.line >= first && f.range.start.line <= last))
    .map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      docs: f.docs,
      location: { uri: source.file.uri, relativePath: source.relativePath, range: f.range },
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.location.range.start.line - b.location.range.start.line);
}

export function countFindings(findings: Array<{ severity: Severity }>): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else if (f.severity === 'info') counts.infos++;
    else counts.hints++;
  }
  return counts;
}

/** A function giving the location of the first of the paths that exists in the document. */
function locator(source: PortfolioSource, d: CharterDocument): (...paths: DataPath[]) => SourceLocation {
  const doc = d.doc;
  return (...paths) => {
    for (const path of paths) {
      const located = d.locate(path);
      if (!located.node && path.length > 0) continue;
      const [start, end] = path.length === 0 ? [doc.start, doc.start] : valueRange(located, doc.start, source.file.text);
      return { uri: source.file.uri, relativePath: source.relativePath, range: source.file.lines.rangeOf(start, end) };
    }
    return { uri: source.file.uri, relativePath: source.relativePath, range: source.file.lines.rangeOf(doc.start, doc.start) };
  };
}

function fallbackId(relativePath: string): string {
  const base = relativePath.split('/').pop() ?? relativePath;
  return base.replace(/\.(charter|programme)?\.?ya?ml$/i, '') || base;
}
