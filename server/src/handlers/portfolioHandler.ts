// `charter/portfolio`: the portfolio model built from the workspace index (every charter of the
// workspace, open or not) and the findings last published for each file. `charter/portfolioChanged`
// tells the client when to ask again.
import type { Connection } from 'vscode-languageserver/node';
import type { CharterLanguageService } from '../engine/languageService';
import { groupPortfolio } from '../engine/portfolio/portfolioGroups';
import { buildPortfolio, type PortfolioSource } from '../engine/portfolio/portfolioModel';
import type { Finding } from '../engine/types';
import { todayIso } from '../engine/utils/dates';
import { REPORT_FORMATTERS } from '../engine/portfolio/reports';
import { dashboardBody, dashboardCss } from '../engine/portfolio/dashboardPage';
import { Notifications, Requests, type PortfolioParams, type PortfolioResult, type ReportParams, type ReportResult } from '../protocol';
import type { SettingsCache } from './settingsCache';
import type { WorkspaceFolders } from './workspaceFolders';
import { pairProjects } from '../engine/change/changeRules';
import { projectDeltas } from '../engine/change/deltas';
import type { PortfolioProject } from '../engine/portfolio/portfolioTypes';

/** Changes closer together than this are announced once; findings follow a change within about this long. */
const SETTLE_MS = 250;

export class PortfolioHandler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: CharterLanguageService,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
    /** The findings last published for a file, open or closed. */
    private readonly findingsOf: (uri: string) => Finding[] | undefined,
    /**
     * Earlier texts of the charters (relative path -> texts), for trends: the Node server reads them from
     * git in a trusted workspace (gitHistory.ts); the web server has none.
     */
    private readonly pastVersions: (sources: PortfolioSource[]) => Promise<Record<string, string[]>> = async () => ({}),
  ) {}

  listen(): void {
    this.service.workspace.onDidChange(() => this.changed());
    this.connection.onRequest(Requests.portfolio, (params: PortfolioParams | undefined) => this.portfolio(params ?? {}));
    this.connection.onRequest(Requests.report, (params: ReportParams) => this.report(params));
  }

  /** Something the portfolio shows may have changed: a charter, its findings, or the settings. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connection.sendNotification(Notifications.portfolioChanged);
    }, SETTLE_MS);
  }

  async report(params: ReportParams): Promise<ReportResult> {
    const result = await this.portfolio({ groupBy: params.groupBy });
    if (params.format === 'dashboard') return { content: dashboardBody(result), css: dashboardCss() };
    const render = REPORT_FORMATTERS[params.format];
    if (!render) throw new Error(`Unknown report format "${String(params.format)}". Use md, html, csv or json.`);
    return { content: render({ ...result.portfolio, groupBy: result.groupBy, groups: result.groups }) };
  }

  async portfolio(params: PortfolioParams): Promise<PortfolioResult> {
    const files = this.service.workspace.allFiles();
    const sources: PortfolioSource[] = files.map((f) => ({
      // Closed files' trees are not kept: the index holds their facts, the view is built and dropped.
      file: this.service.parseUncached(f.uri, f.text, f.version),
      relativePath: f.relativePath,
      findings: this.findingsOf(f.uri) ?? [],
    }));
    // One portfolio per window: the first folder's settings decide the as-of day and the grouping.
    const folder = this.folders.folderOf(files[0]?.uri ?? '') ?? files[0]?.uri;
    const settings = folder ? await this.settings.get(folder) : undefined;
    const history = await this.pastVersions(sources);
    const portfolio = buildPortfolio(sources, { asOf: settings?.asOf ?? todayIso(), settingPolicy: settings?.policy, history });
    await this.markChanged(sources, portfolio.projects);
    const groupBy = params.groupBy ?? settings?.portfolio.groupBy ?? 'programme';
    return { portfolio, groupBy, groups: groupPortfolio(portfolio, groupBy, params.filter) };
  }

  /** Marks the projects whose charter changed against the change-control base (none without one). */
  private async markChanged(sources: PortfolioSource[], projects: PortfolioProject[]): Promise<void> {
    const byLocation = new Map(projects.map((p) => [`${p.location.uri}\u0000${p.id}`, p]));
    for (const source of sources) {
      const base = await this.service.baseOf(source.file, { relativePath: source.relativePath, settings: await this.settings.get(source.file.uri) });
      if (!base) continue;
      for (const { head, base: before } of pairProjects(source.file, source.relativePath, base.file, base.text.path)) {
        const project = byLocation.get(`${source.file.uri}\u0000${head.text(['id'])}`);
        if (!project) continue;
        const changes = before ? projectDeltas(before, head).map((d) => d.text) : ['new on this branch'];
        if (changes.length > 0) project.changedAgainstBase = { ref: base.text.ref, changes: changes.slice(0, 20) };
      }
    }
  }
}
