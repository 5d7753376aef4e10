// The portfolio tree view: asks the server for the portfolio, maps it with buildTree (pure) and shows
// it. Refreshes when the server says the portfolio changed, when findings change, and on settings.
import * as vscode from 'vscode';
// The base client: the desktop's (Node) and the web extension's (browser) are both one.
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, Notifications, Requests, type GroupBy, type PortfolioFilter, type PortfolioParams, type PortfolioResult } from '../../../server/src/protocol';
import { allNodes, buildTree, type TreeNode } from './treeItems';

const VIEW_ID = 'charter.portfolio';
const REFRESH_DELAY_MS = 150;

export class PortfolioProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private roots: TreeNode[] = [];
  private parents = new Map<string, TreeNode>();
  private last: PortfolioResult | undefined;
  private loading: Promise<TreeNode[]> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Set by the group-by command; the `charter.portfolio.groupBy` setting otherwise. */
  private groupByOverride: GroupBy | undefined;
  private filterValue: PortfolioFilter = {};

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('charter')) this.scheduleRefresh();
      }),
      // Findings arrive after the change that caused them: follow them too.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.last && e.uris.some((uri) => this.knows(uri.toString()))) this.scheduleRefresh();
      }),
    );
    void ready.then(() => this.disposables.push(client.onNotification(Notifications.portfolioChanged, () => this.scheduleRefresh())));
    void this.setContext();
  }

  get groupBy(): GroupBy {
    return this.groupByOverride ?? this.last?.groupBy ?? vscode.workspace.getConfiguration('charter').get<GroupBy>('portfolio.groupBy', 'programme');
  }

  get filter(): PortfolioFilter {
    return this.filterValue;
  }

  /** The server's last answer. */
  get result(): PortfolioResult | undefined {
    return this.last;
  }

  async setGroupBy(groupBy: GroupBy | undefined): Promise<TreeNode[]> {
    this.groupByOverride = groupBy;
    return this.refresh();
  }

  async setFilter(filter: PortfolioFilter): Promise<TreeNode[]> {
    this.filterValue = filter;
    await this.setContext();
    return this.refresh();
  }

  /** Asks the server again; resolves with the new top-level nodes. */
  refresh(): Promise<TreeNode[]> {
    const run = (async () => {
      await this.ready;
      const params: PortfolioParams = { groupBy: this.groupByOverride, filter: this.filterValue };
      const result = await this.client.sendRequest(Requests.portfolio, params);
      this.last = result;
      this.roots = buildTree(result);
      this.parents = new Map();
      for (const node of allNodes(this.roots)) for (const child of node.children) this.parents.set(child.id, node);
      const errors = result.portfolio.summary.findingCounts.errors;
      this.view.badge = errors ? { value: errors, tooltip: `${errors} error${errors === 1 ? '' : 's'} in the portfolio's charters` } : undefined;
      this.view.message = result.portfolio.projects.length === 0 ? 'No project charters (*.charter.yaml) in this workspace yet.' : filterMessage(this.filterValue);
      this.changed.fire(undefined);
      return this.roots;
    })();
    this.loading = run;
    return run;
  }

  /** Children as plain data (the e2e tests' view of the tree). */
  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children;
    if (!this.last) await (this.loading ?? this.refresh());
    return this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node.id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    item.contextValue = node.contextValue;
    if (node.open) {
      item.resourceUri = node.kind === 'project' ? vscode.Uri.parse(node.open.uri) : undefined;
      item.command = { command: Commands.portfolioOpen, title: 'Open', arguments: [node] };
    }
    return item;
  }

  /** The project node for an id, in the current tree. */
  findProject(projectId: string): TreeNode | undefined {
    return allNodes(this.roots).find((n) => n.kind === 'project' && n.projectId === projectId);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }

  private knows(uri: string): boolean {
    return !!this.last?.portfolio.projects.some((p) => p.location.uri === uri);
  }

  private scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh().catch(() => undefined); // the server restarting: the next notification refreshes
    }, REFRESH_DELAY_MS);
  }

  private async setContext(): Promise<void> {
    const f = this.filterValue;
    await vscode.commands.executeCommand('setContext', 'charter.portfolio.filtered', !!(f.status?.length || f.rag?.length || f.hasFindings));
  }
}

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

function filterMessage(filter: PortfolioFilter): string | undefined {
  const parts = [
    filter.status?.length ? `status ${filter.status.join(', ')}` : '',
    filter.rag?.length ? `RAG ${filter.rag.join(', ')}` : '',
    filter.hasFindings ? 'with findings' : '',
  ].filter(Boolean);
  return parts.length ? `Showing projects: ${parts.join('; ')}` : undefined;
}

/** What the extension's API exposes of the tree, for end-to-end tests. Nodes are plain data. */
export interface PortfolioApi {
  /** Top-level nodes without a node; a node's children with one. Waits for the first answer from the server. */
  getChildren(node?: TreeNode): Promise<TreeNode[]>;
  /** Asks the server again and resolves with the new top-level nodes. */
  refresh(): Promise<TreeNode[]>;
  /** The project node for an id, in the tree as last built (filtered projects are absent). */
  findProject(projectId: string): TreeNode | undefined;
  readonly groupBy: GroupBy;
  readonly filter: PortfolioFilter;
  /** The server's last answer: the whole portfolio model and the groups shown. */
  readonly result: PortfolioResult | undefined;
  readonly view: vscode.TreeView<TreeNode>;
}

export function portfolioApi(provider: PortfolioProvider): PortfolioApi {
  return {
    getChildren: (node) => provider.getChildren(node),
    refresh: () => provider.refresh(),
    findProject: (id) => provider.findProject(id),
    get groupBy() {
      return provider.groupBy;
    },
    get filter() {
      return provider.filter;
    },
    get result() {
      return provider.result;
    },
    view: provider.view,
  };
}
