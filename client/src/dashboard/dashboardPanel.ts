// The portfolio dashboard: one webview panel, re-rendered whenever the portfolio tree refreshes.
// A click on a project in the page opens its charter, but only at a location the portfolio holds.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type ReportResult } from '../../../server/src/protocol';
import type { PortfolioProvider } from '../portfolio/portfolioProvider';
import { dashboardHtml } from './dashboardHtml';

const DASHBOARD_VIEW_TYPE = 'charter.dashboard';

interface OpenMessage {
  type: 'open';
  project?: string;
  uri: string;
  line: number;
  character: number;
}

export class Dashboard implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private html: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly provider: PortfolioProvider,
    private readonly client: LanguageClient,
  ) {
    this.subscription = provider.onDidChangeTreeData(() => void this.update());
  }

  get isOpen(): boolean {
    return !!this.panel;
  }

  /** The page as last rendered (the full document when opened, the body after updates). */
  get content(): string | undefined {
    return this.html;
  }

  async open(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Charter Portfolio', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'portfolio.svg');
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((message: OpenMessage | { type: string }) => {
      if (message.type === 'open') void this.openCharter(message as OpenMessage);
    });
    if (!this.provider.result) await this.provider.getChildren();
    await this.render();
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }

  /** The page, rendered by the server from the same portfolio the tree shows. */
  private page(): Promise<ReportResult> {
    return this.client.sendRequest(Requests.report, { format: 'dashboard', groupBy: this.provider.groupBy });
  }

  private async render(): Promise<void> {
    const page = await this.page();
    if (!this.panel) return;
    const nonce = randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
    this.html = dashboardHtml({ body: page.content, css: page.css ?? '' }, { nonce, cspSource: this.panel.webview.cspSource });
    this.panel.webview.html = this.html;
  }

  private async update(): Promise<void> {
    if (!this.panel) return;
    const body = (await this.page()).content;
    if (!this.panel) return;
    this.html = this.html?.replace(/<main id="dashboard">[\s\S]*<\/main>/, () => `<main id="dashboard">${body}</main>`);
    void this.panel.webview.postMessage({ type: 'update', body });
  }

  private async openCharter(message: OpenMessage): Promise<void> {
    const portfolio = this.provider.result?.portfolio;
    const known = portfolio?.projects.some((p) => p.location.uri === message.uri || p.findings.some((f) => f.location.uri === message.uri));
    if (!known || !Number.isInteger(message.line) || !Number.isInteger(message.character)) return;
    const position = new vscode.Position(message.line, message.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
  }
}
