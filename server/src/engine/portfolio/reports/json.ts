// `charter report --format json`: the portfolio model, plus the groups the report was asked for.
import type { Portfolio, PortfolioGroup, GroupBy } from '../portfolioTypes';

export interface PortfolioReport extends Portfolio {
  groupBy: GroupBy;
  groups: PortfolioGroup[];
}

export function formatJsonReport(report: PortfolioReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
