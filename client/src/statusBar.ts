// The status bar item on charter files: which schema applies and where it came from; a click opens it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Requests, type DocumentSchemaStatus, type SchemaStatusResult } from '../../server/src/protocol';


/** What the item shows, for tests and the extension API. */
export interface SchemaStatusSnapshot {
  visible: boolean;
  text: string;
  tooltip: string;
  schemas: DocumentSchemaStatus[];
}

const SOURCE_SHORT: Record<DocumentSchemaStatus['source'], string> = {
  modeline: 'modeline',
  property: '$schema',
  setting: 'settings',
  builtin: 'built-in',
};

const ICON: Record<DocumentSchemaStatus['state'], string> = {
  ready: '$(json)',
  cached: '$(cloud-offline)',
  unavailable: '$(error)',
  untrusted: '$(workspace-untrusted)',
};

export class SchemaStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private schemas: DocumentSchemaStatus[] = [];
  private visible = false;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.item = vscode.window.createStatusBarItem('charter.schema', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Charter Schema';
    this.item.command = Commands.openSchema;
    this.disposables.push(
      this.item,
      vscode.commands.registerCommand(Commands.openSchema, () => this.open()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(300);
      }),
      // A schema reloaded, a setting changed: the server re-validates and publishes, so ask again.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(100);
      }),
    );
    this.schedule(0);
  }

  snapshot(): SchemaStatusSnapshot {
    const tooltip = typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
    return { visible: this.visible, text: this.item.text, tooltip, schemas: [...this.schemas] };
  }

  /** Asks the server again now; resolves once the item shows the answer. */
  async refresh(): Promise<SchemaStatusSnapshot> {
    await this.update();
    return this.snapshot();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delayMs);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'charter') {
      this.hide();
      return;
    }
    let result: SchemaStatusResult;
    try {
      await this.ready;
      result = await this.client.sendRequest(Requests.schemaStatus, { uri: document.uri.toString() });
    } catch {
      return; // the server is restarting; the next event asks again
    }
    if (generation !== this.generation) return;
    this.show(result.schemas);
  }

  private show(schemas: DocumentSchemaStatus[]): void {
    this.schemas = schemas;
    const first = schemas[0];
    if (!first) {
      this.hide();
      return;
    }
    const name = first.source === 'builtin' ? first.label.replace(/^built-in (\w+) schema$/, '$1') : shortName(first.label);
    const others = new Set(schemas.map((s) => s.uri)).size - 1;
    this.item.text = `${ICON[first.state]} ${name} (${SOURCE_SHORT[first.source]})${others > 0 ? ` +${others}` : ''}`;
    const lines = schemas.map((s) => {
      const where = schemas.length > 1 ? `Document ${s.document + 1}: ` : '';
      const state = s.state === 'ready' ? '' : ` - ${s.state === 'cached' ? 'using a cached copy' : s.state}${s.detail ? `: ${s.detail}` : ''}`;
      return `${where}${s.label}, from ${s.sourceDescription}${state}`;
    });
    this.item.tooltip = `Charter schema: ${lines.join('\n')}\nClick to open the schema.`;
    this.item.accessibilityInformation = { label: `Charter schema ${lines.join('. ')}` };
    this.item.backgroundColor = first.state === 'unavailable' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.schemas = [];
    this.visible = false;
    this.item.hide();
  }

  private async open(): Promise<void> {
    if (this.schemas.length === 0) await this.update();
    const target = this.schemas[0];
    if (!target) {
      void vscode.window.showInformationMessage('Charter: no schema applies to the active file.');
      return;
    }
    const uri = vscode.Uri.parse(target.openUri);
    if (uri.scheme === 'file') await vscode.window.showTextDocument(uri, { preview: true });
    else await vscode.env.openExternal(uri);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

function shortName(label: string): string {
  const parts = label.split(/[\\/]/);
  return parts[parts.length - 1] || label;
}
