// LSP adapters for the language features: find the document, call the engine, map its plain types to
// LSP types. No feature logic lives here.
import {
  CodeActionKind,
  CompletionItemKind,
  ErrorCodes,
  FoldingRangeKind,
  InsertTextFormat,
  InsertTextMode,
  ResponseError,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type Diagnostic,
  type DocumentFormattingParams,
  type DocumentLink,
  type DocumentLinkParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type Hover,
  type HoverParams,
  type Location,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  type SelectionRange,
  type SelectionRangeParams,
  type ServerCapabilities,
  type TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
  type WorkspaceSymbol,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CharterLanguageService, ValidationContext } from '../engine/languageService';
import type { ParsedFile } from '../engine/parser/charterParser';
import { FIX_ALL_KIND, type CodeAction as EngineCodeAction } from '../engine/services/codeActions';
import type { CodeLens as EngineCodeLens } from '../engine/services/codeLens';
import type { CompletionItem as EngineCompletionItem, CompletionKind } from '../engine/services/completion';
import type { DocumentSymbol as EngineSymbol, SymbolKind as EngineSymbolKind } from '../engine/services/documentSymbols';
import type { Finding, Range } from '../engine/types';
import type { IdSymbolKind } from '../engine/model/documentKinds';
import { showReferencesCommand, showRuleDocsCommand } from '../protocol';
import { docsHref, toDiagnostic } from './diagnostics';
import type { SettingsCache } from './settingsCache';
import type { WorkspaceFolders } from './workspaceFolders';

export const LANGUAGE_FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { resolveProvider: false },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  documentSymbolProvider: { label: 'Charter' },
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  workspaceSymbolProvider: true,
  codeLensProvider: { resolveProvider: false },
  selectionRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  documentFormattingProvider: true,
};

const ID_SYMBOL_KIND: Record<IdSymbolKind, SymbolKind> = {
  package: SymbolKind.Package,
  namespace: SymbolKind.Namespace,
  struct: SymbolKind.Struct,
  constant: SymbolKind.Constant,
};

const SYMBOL_KIND: Record<EngineSymbolKind, SymbolKind> = {
  module: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  property: SymbolKind.Property,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  event: SymbolKind.Event,
  item: SymbolKind.Struct,
};

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  constant: CompletionItemKind.Constant,
  reference: CompletionItemKind.Reference,
};

export class LanguageFeatures {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: CharterLanguageService,
    private readonly settings: SettingsCache,
    private readonly folders: WorkspaceFolders,
    /** The findings last published per URI, to match code-action requests with. */
    private readonly published: Map<string, Finding[]>,
  ) {}

  register(connection: Connection): void {
    // Each request is isolated: a failure is logged and answered with "nothing here", never an error or a crash.
    const guard = <P, R>(name: string, handler: (params: P) => R | Promise<R>) => async (params: P): Promise<R | null> => {
      try {
        return await handler(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e; // a deliberate answer, e.g. a refused rename
        const uri = (params as { textDocument?: { uri?: string } }).textDocument?.uri ?? '';
        connection.console.error(`Charter: ${name} failed${uri ? ` on ${uri}` : ''}; please report this bug. ${(e as Error)?.stack ?? String(e)}`);
        return null;
      }
    };
    connection.onCompletion(guard('completion', (params) => this.completion(params)));
    connection.onHover(guard('hover', (params) => this.hover(params)));
    connection.onCodeAction(guard('code actions', (params) => this.codeActions(params)));
    connection.onDocumentSymbol(guard('document symbols', (params) => this.documentSymbols(params)));
    connection.onFoldingRanges(guard('folding ranges', (params) => this.foldingRanges(params)));
    connection.onDefinition(guard('definition', (params) => this.definition(params)));
    connection.onReferences(guard('references', (params) => this.references(params)));
    connection.onPrepareRename(guard('prepare rename', (params) => this.prepareRename(params)));
    connection.onRenameRequest(guard('rename', (params) => this.rename(params)));
    connection.onWorkspaceSymbol(guard('workspace symbols', (params) => this.workspaceSymbols(params)));
    connection.onCodeLens(guard('code lenses', (params) => this.codeLenses(params)));
    connection.onSelectionRanges(guard('selection ranges', (params) => this.selectionRanges(params)));
    connection.onDocumentLinks(guard('document links', (params) => this.documentLinks(params)));
    connection.onDocumentFormatting(guard('formatting', (params) => this.format(params)));
  }

  /** Empty unless `charter.format.enable` is on for the document. */
  async format(params: DocumentFormattingParams): Promise<TextEdit[] | null> {
    const opened = await this.open(params.textDocument.uri);
    return opened ? this.service.format(opened.file, opened.context) : null;
  }

  selectionRanges(params: SelectionRangeParams): SelectionRange[] | null {
    const file = this.parsed(params.textDocument.uri);
    return file ? this.service.getSelectionRanges(file, params.positions) : null;
  }

  documentLinks(params: DocumentLinkParams): DocumentLink[] | null {
    const file = this.parsed(params.textDocument.uri);
    return file ? this.service.findDocumentLinks(file) : null;
  }

  async codeLenses(params: CodeLensParams): Promise<CodeLens[] | null> {
    const uri = params.textDocument.uri;
    const opened = await this.open(uri);
    if (!opened) return null;
    const findings = this.published.get(uri) ?? [];
    // A lens without a command only informs: VS Code shows it as plain text.
    return this.service.getCodeLenses(opened.file, findings, opened.context).map(toCodeLens);
  }

  workspaceSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
    return this.service.findWorkspaceSymbols(params.query).map((s) => ({
      name: s.name,
      kind: ID_SYMBOL_KIND[s.symbolKind],
      containerName: s.detail,
      location: { uri: s.location.uri, range: s.location.range },
    }));
  }

  async completion(params: CompletionParams): Promise<CompletionList | null> {
    const opened = await this.open(params.textDocument.uri);
    if (!opened) return null;
    const result = await this.service.doComplete(opened.file, params.position, opened.context);
    return { isIncomplete: false, items: result.items.map(toCompletionItem) };
  }

  async hover(params: HoverParams): Promise<Hover | null> {
    const opened = await this.open(params.textDocument.uri);
    if (!opened) return null;
    const findings = this.published.get(params.textDocument.uri);
    const result = await this.service.doHover(opened.file, params.position, opened.context, { findings, docsHref });
    return result ? { contents: { kind: 'markdown', value: result.contents }, range: result.range } : null;
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[] | null> {
    const uri = params.textDocument.uri;
    const opened = await this.open(uri);
    if (!opened) return null;
    const findings = this.published.get(uri) ?? (await this.service.validate(opened.file, opened.context));
    const actions = await this.service.getCodeActions(opened.file, params.range, findings, opened.context, { only: params.context.only, docsHref });
    return actions.map((action) => toCodeAction(action, params.context.diagnostics));
  }

  documentSymbols(params: DocumentSymbolParams): DocumentSymbol[] | null {
    const file = this.parsed(params.textDocument.uri);
    return file ? this.service.findDocumentSymbols(file).map(toDocumentSymbol) : null;
  }

  foldingRanges(params: FoldingRangeParams): FoldingRange[] | null {
    const file = this.parsed(params.textDocument.uri);
    if (!file) return null;
    return this.service.getFoldingRanges(file).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'comment' ? FoldingRangeKind.Comment : undefined }));
  }

  async definition(params: DefinitionParams): Promise<Location[] | null> {
    const opened = await this.open(params.textDocument.uri);
    if (!opened) return null;
    const targets = await this.service.findDefinition(opened.file, params.position, opened.context);
    return targets.map(({ uri, range }) => ({ uri, range }));
  }

  async references(params: ReferenceParams): Promise<Location[] | null> {
    const opened = await this.open(params.textDocument.uri);
    if (!opened) return null;
    const found = await this.service.findReferences(opened.file, params.position, opened.context, params.context.includeDeclaration);
    return found.map(({ uri, range }) => ({ uri, range }));
  }

  async prepareRename(params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
    const opened = await this.open(params.textDocument.uri);
    if (!opened) return null;
    const prepared = await this.service.prepareRename(opened.file, params.position, opened.context);
    if (!prepared.ok) throw new ResponseError(ErrorCodes.InvalidRequest, prepared.reason);
    return { range: prepared.range, placeholder: prepared.placeholder };
  }

  async rename(params: RenameParams): Promise<WorkspaceEdit | null> {
    const opened = await this.open(params.textDocument.uri);
    if (!opened) return null;
    const result = await this.service.doRename(opened.file, params.position, params.newName, opened.context);
    if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.reason);
    return { changes: result.edits };
  }

  private parsed(uri: string): ParsedFile | undefined {
    const document = this.documents.get(uri);
    return document ? this.service.parse(uri, document.getText(), document.version) : undefined;
  }

  private async open(uri: string): Promise<{ file: ParsedFile; context: ValidationContext } | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const settings = await this.settings.get(uri);
    const file = this.service.parse(uri, document.getText(), document.version);
    return { file, context: { relativePath: this.folders.relativePath(uri), settings } };
  }
}

function toCompletionItem(item: EngineCompletionItem): CompletionItem {
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: 'markdown', value: item.documentation } : undefined,
    textEdit: { range: item.range, newText: item.insertText },
    insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: item.isSnippet ? InsertTextMode.adjustIndentation : undefined,
    sortText: item.sortText,
    filterText: item.filterText,
    preselect: item.preselect,
    command: item.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  };
}

/** VS Code's own command that opens the Problems panel. */
const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

function toCodeLens(lens: EngineCodeLens): CodeLens {
  const target = lens.opens;
  if (target?.show === 'references') return { range: lens.range, command: showReferencesCommand(lens.title, target.uri, target.position, target.locations) };
  return { range: lens.range, command: { title: lens.title, command: target?.show === 'problems' ? SHOW_PROBLEMS_COMMAND : '' } };
}

function toCodeAction(action: EngineCodeAction, sent: Diagnostic[]): CodeAction {
  // The client matches actions to its diagnostics by identity of content: reuse the ones it sent.
  const diagnostics = action.findings.map(
    (f) =>
      sent.find((d) => d.code === f.rule && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character && d.range.end.line === f.range.end.line && d.range.end.character === f.range.end.character) ??
      toDiagnostic(f),
  );
  return {
    title: action.title,
    kind: action.kind,
    diagnostics: diagnostics.length ? diagnostics : undefined,
    isPreferred: action.isPreferred,
    edit: action.edits ? { changes: action.edits } : undefined,
    command: action.showDocs ? showRuleDocsCommand(action.title, action.showDocs.href, action.showDocs.rule) : undefined,
  };
}

function toDocumentSymbol(symbol: EngineSymbol): DocumentSymbol {
  return {
    name: symbol.name || ' ',
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toDocumentSymbol),
  };
}
