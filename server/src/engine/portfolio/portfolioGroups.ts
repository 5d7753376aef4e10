// Grouping, filtering and roll-ups over the portfolio model. Pure.
import { committedCountsAgainstCap, rolledUpRag } from '../rules/lifecycle';
import { PROJECT_STATUSES, type GroupBy } from '../model/vocabulary';
import { performanceRollup } from './portfolioPerformance';
import type { Portfolio, PortfolioFilter, PortfolioGroup, PortfolioProject, Rollup } from './portfolioTypes';

/** Live projects by health, worst first, then live projects without a report, then those not live. */
const RAG_ORDER = ['red', 'amber', 'green', '', 'not-live'];

export function rollup(projects: PortfolioProject[]): Rollup {
  const result: Rollup = {
    count: projects.length,
    live: projects.filter((p) => p.live).length,
    worstRag: rolledUpRag(projects),
    rag: { green: 0, amber: 0, red: 0, none: 0, invalid: 0 },
    approved: {},
    overdueMilestones: 0,
    findingCounts: { errors: 0, warnings: 0, infos: 0, hints: 0 },
  };
  for (const p of projects) {
    if (p.live) result.rag[p.rag ?? (p.ragInvalid !== undefined ? 'invalid' : 'none')]++;
    if (p.committed && p.budget.approved !== undefined) {
      const currency = p.budget.currency ?? '';
      result.approved[currency] = roundMoney((result.approved[currency] ?? 0) + p.budget.approved);
    }
    result.overdueMilestones += p.milestones.filter((m) => m.overdue).length;
    result.findingCounts.errors += p.findingCounts.errors;
    result.findingCounts.warnings += p.findingCounts.warnings;
    result.findingCounts.infos += p.findingCounts.infos;
    result.findingCounts.hints += p.findingCounts.hints;
  }
  result.performance = performanceRollup(projects);
  return result;
}

export function filterProjects(projects: PortfolioProject[], filter: PortfolioFilter = {}): PortfolioProject[] {
  return projects.filter(
    (p) =>
      (!filter.status?.length || filter.status.includes(p.status ?? '')) &&
      // RAG is the health of live projects: a finished project's last report matches no RAG filter.
      (!filter.rag?.length || (p.live && filter.rag.includes(p.rag ?? 'none'))) &&
      (!filter.hasFindings || p.findings.length > 0),
  );
}

/** Grouped by RAG, projects that are not live (proposals, finished projects) have a group of their own. */
export const NOT_LIVE = 'not-live';

/** The value a project is grouped on; `''` when it has none. */
export function groupKey(project: PortfolioProject, groupBy: GroupBy): string {
  if (groupBy === 'rag') return project.live ? (project.rag ?? '') : NOT_LIVE;
  return project[groupBy] ?? '';
}

/**
 * Projects grouped by one field, each group with its roll-up. Programme groups carry their cap and
 * whether the approved total (in the cap's currency) is above it; every programme appears, empty or not.
 */
export function groupPortfolio(portfolio: Portfolio, groupBy: GroupBy, filter?: PortfolioFilter): PortfolioGroup[] {
  const projects = filterProjects(portfolio.projects, filter);
  const byKey = new Map<string, PortfolioProject[]>();
  if (groupBy === 'programme' && !isFiltering(filter)) for (const programme of portfolio.programmes) byKey.set(programme.id, []);
  for (const project of projects) {
    const key = groupKey(project, groupBy);
    byKey.set(key, [...(byKey.get(key) ?? []), project]);
  }
  const groups = [...byKey.entries()].map(([key, members]): PortfolioGroup => {
    const label = groupBy === 'rag' && key === NOT_LIVE ? 'Not live (proposed, closed, cancelled)' : key || noneLabel(groupBy);
    const group: PortfolioGroup = { key, label, projectIds: members.map((p) => p.id), rollup: rollup(members) };
    if (groupBy === 'programme' && key) {
      const programme = portfolio.programmes.find((p) => p.id === key);
      if (programme) {
        group.label = programme.title ?? key;
        group.location = programme.location;
        if (programme.cap !== undefined) {
          const currency = programme.currency ?? '';
          // What programme/budget-cap counts: committed and closed projects in the cap's currency.
          const approved = roundMoney(members.filter((p) => committedCountsAgainstCap(p.committed, p.status) && p.budget.currency === currency).reduce((sum, p) => sum + (p.budget.approved ?? 0), 0));
          group.cap = { amount: programme.cap, currency, approved, over: approved > programme.cap };
        }
      }
    }
    return group;
  });
  return groups.sort((a, b) => compareKeys(a.key, b.key, groupBy, a.label, b.label));
}

function isFiltering(filter?: PortfolioFilter): boolean {
  return !!(filter && (filter.status?.length || filter.rag?.length || filter.hasFindings));
}

function compareKeys(a: string, b: string, groupBy: GroupBy, labelA: string, labelB: string): number {
  if (groupBy === 'rag') return RAG_ORDER.indexOf(a) - RAG_ORDER.indexOf(b);
  // Projects without a value go last.
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const order: readonly string[] | undefined = groupBy === 'status' ? PROJECT_STATUSES : undefined;
  if (order) {
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    return rank(a) - rank(b) || a.localeCompare(b);
  }
  return labelA.localeCompare(labelB);
}

function noneLabel(groupBy: GroupBy): string {
  return groupBy === 'rag' ? 'No status report' : `No ${groupBy}`;
}

/** Sums of money amounts: integers stay integers; decimal strings are kept to the cent. */
function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
