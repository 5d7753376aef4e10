// `charter report --format html`: one self-contained file (inline styles and SVG, no scripts, no
// remote references) with the dashboard's charts, in light or dark as the reader's system prefers.
import { performanceCss } from '../performanceCharts';
import { chartCss } from '../portfolioCharts';
import { pageCss, portfolioPageBody } from '../portfolioPage';
import { escapeHtml } from '../../utils/escape';
import type { PortfolioReport } from './json';

const LIGHT = `:root { --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --grid: #d1d9e0; --border: #d1d9e0; --red: #cf222e; --amber: #bc4c00; --green: #1a7f37; --none: #818b98; --blue: #0969da; }`;
const DARK = `@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --grid: #3d444d; --border: #3d444d; --red: #f85149; --amber: #db6d28; --green: #3fb950; --none: #9198a1; --blue: #4493f8; } }`;

export function formatHtmlReport(report: PortfolioReport): string {
  const css = [
    LIGHT,
    DARK,
    pageCss({ foreground: 'var(--fg)', background: 'var(--bg)', muted: 'var(--muted)', border: 'var(--border)', red: 'var(--red)', amber: 'var(--amber)', green: 'var(--green)', none: 'var(--none)', font: 'system-ui, -apple-system, "Segoe UI", sans-serif' }),
    chartCss({ foreground: 'var(--fg)', background: 'var(--bg)', muted: 'var(--muted)', grid: 'var(--grid)', today: 'var(--blue)', red: 'var(--red)', amber: 'var(--amber)', green: 'var(--green)', none: 'var(--none)', blue: 'var(--blue)', focus: 'var(--blue)' }),
    performanceCss({ foreground: 'var(--fg)', muted: 'var(--muted)', grid: 'var(--grid)', red: 'var(--red)', amber: 'var(--amber)', green: 'var(--green)', blue: 'var(--blue)' }),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Portfolio report ${escapeHtml(report.asOf)}</title>
<style>${css}</style>
</head>
<body>
${portfolioPageBody(report, report.groups)}
</body>
</html>
`;
}
