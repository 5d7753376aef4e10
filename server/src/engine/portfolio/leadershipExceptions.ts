// The live projects leadership must look at first: beyond tolerance (the sponsor must decide), red,
// or worse than at the last report. One list for the Markdown and HTML reports and the dashboard.
import type { Portfolio, PortfolioProject } from './portfolioTypes';

export interface ProjectException {
  project: PortfolioProject;
  /** Plain reasons: "forecast beyond tolerance: ...", "red", "worsening: amber -> red since last report". */
  reasons: string[];
  /** Beyond tolerance: the sponsor must decide. */
  needsDecision: boolean;
}

/** Live projects leadership must look at, those needing a decision first, then red, then worsening. */
export function projectExceptions(report: Portfolio): ProjectException[] {
  const out: ProjectException[] = [];
  for (const p of report.projects) {
    if (!p.live) continue;
    const perf = p.performance;
    const reasons: string[] = [];
    for (const fact of perf?.beyondTolerance ?? []) reasons.push(`beyond tolerance: ${fact}`);
    if (p.rag === 'red') reasons.push(perf?.trend.ragDays !== undefined && perf.trend.rag === 'red' ? `red for ${perf.trend.ragDays} days` : 'red');
    if (perf?.trend.direction === 'worse' && perf.trend.previousRag && perf.trend.rag) reasons.push(`worsening: ${perf.trend.previousRag} -> ${perf.trend.rag} since last report`);
    if (reasons.length) out.push({ project: p, reasons, needsDecision: (perf?.beyondTolerance.length ?? 0) > 0 });
  }
  const rank = (e: ProjectException) => (e.needsDecision ? 0 : e.project.rag === 'red' ? 1 : 2);
  return out.sort((a, b) => rank(a) - rank(b) || a.project.id.localeCompare(b.project.id));
}

