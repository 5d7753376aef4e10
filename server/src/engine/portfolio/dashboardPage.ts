// The dashboard's page body and styles, rendered by the server from the portfolio model and styled
// with VS Code's theme variables; the client only wraps them in a webview with a strict CSP.
import { performanceCss } from './performanceCharts';
import { chartCss } from './portfolioCharts';
import { pageCss, portfolioPageBody } from './portfolioPage';
import type { Portfolio, PortfolioGroup } from './portfolioTypes';

export function dashboardBody(result: { portfolio: Portfolio; groups: PortfolioGroup[] } | undefined): string {
  if (!result) return '<p class="empty">Reading the portfolio…</p>';
  if (result.portfolio.projects.length === 0) return '<p class="empty">No project charters (*.charter.yaml) in this workspace yet.</p>';
  return portfolioPageBody(result.portfolio, result.groups);
}

export function dashboardCss(): string {
  return [
    pageCss({
      foreground: 'var(--vscode-foreground)',
      background: 'var(--vscode-editor-background)',
      muted: 'var(--vscode-descriptionForeground)',
      border: 'var(--vscode-panel-border, var(--vscode-editorWidget-border))',
      red: 'var(--vscode-charts-red)',
      amber: 'var(--vscode-charts-orange)',
      green: 'var(--vscode-charts-green)',
      none: 'var(--vscode-disabledForeground)',
      font: 'var(--vscode-font-family)',
    }),
    chartCss({
      foreground: 'var(--vscode-foreground)',
      background: 'var(--vscode-editor-background)',
      muted: 'var(--vscode-descriptionForeground)',
      grid: 'var(--vscode-editorWidget-border, var(--vscode-panel-border))',
      today: 'var(--vscode-charts-blue)',
      red: 'var(--vscode-charts-red)',
      amber: 'var(--vscode-charts-orange)',
      green: 'var(--vscode-charts-green)',
      none: 'var(--vscode-disabledForeground)',
      blue: 'var(--vscode-charts-blue)',
      focus: 'var(--vscode-focusBorder)',
    }),
    performanceCss({
      foreground: 'var(--vscode-foreground)',
      muted: 'var(--vscode-descriptionForeground)',
      grid: 'var(--vscode-editorWidget-border, var(--vscode-panel-border))',
      red: 'var(--vscode-charts-red)',
      amber: 'var(--vscode-charts-orange)',
      green: 'var(--vscode-charts-green)',
      blue: 'var(--vscode-charts-blue)',
    }),
    'body { font-size: var(--vscode-font-size); } tr.project:hover, tr.project:focus { background: var(--vscode-list-hoverBackground); outline: none; }',
  ].join('\n');
}
