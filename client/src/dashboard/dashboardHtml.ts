// The dashboard webview's page: the portfolio page body, styled from the VS Code theme, under a strict
// content-security policy (one nonce for its style and script, nothing remote). Pure: no vscode import.
import type { DashboardPage } from '../../../server/src/protocol';

export interface DashboardPageOptions {
  nonce: string;
  /** The webview's `cspSource`. */
  cspSource: string;
}

export function dashboardHtml(page: DashboardPage, options: DashboardPageOptions): string {
  const { nonce, cspSource } = options;
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:; font-src ${cspSource};`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Charter Portfolio</title>
<style nonce="${nonce}">${page.css}</style>
</head>
<body>
<main id="dashboard">${page.body}</main>
<script nonce="${nonce}">${DASHBOARD_SCRIPT}</script>
</body>
</html>`;
}

/** Clicks (and Enter) on a project ask the extension to open its charter; `update` replaces the body. */
const DASHBOARD_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('dashboard');
  function open(target) {
    const el = target.closest('[data-uri]');
    if (!el) return;
    vscode.postMessage({ type: 'open', project: el.getAttribute('data-project'), uri: el.getAttribute('data-uri'), line: Number(el.getAttribute('data-line')), character: Number(el.getAttribute('data-character')) });
  }
  main.addEventListener('click', function (e) { open(e.target); });
  main.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { open(e.target); e.preventDefault(); } });
  window.addEventListener('message', function (e) {
    const message = e.data;
    if (message && message.type === 'update') main.innerHTML = message.body;
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
