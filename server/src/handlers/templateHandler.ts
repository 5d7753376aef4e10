// Templates on the LSP side: New Charter asks which PMO templates a folder has and for a new charter's
// text from one. The engine reads the templates through the same request function as schemas.
import type { Connection } from 'vscode-languageserver/node';
import type { CharterLanguageService } from '../engine/languageService';
import { todayIso } from '../engine/utils/dates';
import { Requests, type RenderTemplateParams, type RenderTemplateResult, type TemplateInfo, type TemplatesParams } from '../protocol';
import type { SettingsCache } from './settingsCache';

export class TemplateHandler {
  constructor(
    private readonly connection: Connection,
    private readonly service: CharterLanguageService,
    private readonly settings: SettingsCache,
  ) {}

  listen(): void {
    this.connection.onRequest(Requests.templates, (params: TemplatesParams) => this.templates(params));
    this.connection.onRequest(Requests.renderTemplate, (params: RenderTemplateParams) => this.render(params));
  }

  async templates(params: TemplatesParams): Promise<TemplateInfo[]> {
    const settings = await this.settings.get(params.folderUri);
    const choices = await this.service.templates({ settings, folderUri: params.folderUri });
    return choices.map(({ name, description, tiers, from }) => ({ name, description, tiers, from }));
  }

  async render(params: RenderTemplateParams): Promise<RenderTemplateResult> {
    const settings = await this.settings.get(params.folderUri);
    const text = await this.service.renderTemplate(
      params.name,
      { id: params.id, title: params.title, programme: params.programme, manager: params.manager, today: todayIso() },
      { settings, folderUri: params.folderUri },
    );
    return { text };
  }
}
