// `charter report --format csv`: one row per project, for a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { PortfolioProject } from '../portfolioTypes';
import { csvCell } from '../../utils/escape';
import type { PortfolioReport } from './json';
import { PERFORMANCE_COLUMNS } from './performance';

const COLUMNS: Array<[string, (p: PortfolioProject) => string | number | undefined]> = [
  ['id', (p) => p.id],
  ['title', (p) => p.title],
  ['status', (p) => p.status],
  ['live', (p) => String(p.live)],
  ['phase', (p) => p.phase],
  ['programme', (p) => p.programme],
  ['sponsor', (p) => p.sponsor],
  ['manager', (p) => p.manager],
  ['rag', (p) => p.rag],
  ['ragAsOf', (p) => p.ragAsOf],
  ['start', (p) => p.schedule.start],
  ['end', (p) => p.schedule.end],
  ['currency', (p) => p.budget.currency],
  ['approved', (p) => p.budget.approved],
  ['contingency', (p) => p.budget.contingency],
  ['milestones', (p) => p.milestones.length],
  ['overdueMilestones', (p) => p.milestones.filter((m) => m.overdue).length],
  ['nextMilestone', (p) => p.nextMilestone?.name ?? p.nextMilestone?.id],
  ['nextMilestoneDate', (p) => p.nextMilestone?.date],
  ['risks', (p) => p.risks.length],
  ['topRisk', (p) => p.risks[0]?.title ?? p.risks[0]?.id],
  ['dependsOn', (p) => p.dependencies.map((d) => d.project).join(' ')],
  ['errors', (p) => p.findingCounts.errors],
  ['warnings', (p) => p.findingCounts.warnings],
  ['file', (p) => p.location.relativePath],
  ...PERFORMANCE_COLUMNS,
];

export function formatCsvReport(report: PortfolioReport): string {
  return stringify(
    report.projects.map((p) => COLUMNS.map(([, read]) => csvCell(read(p)))),
    { header: true, columns: COLUMNS.map(([name]) => name), record_delimiter: 'unix' },
  );
}
