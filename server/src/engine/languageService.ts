// The engine's one door: the server and the CLI build a language service and call it.
// Nothing here knows about LSP, VS Code or the file system.
import { parseCharterFile, unreadFile, type ParsedFile } from './parser/charterParser';
import { loadFast } from './parser/fastLoad';
import { PhaseTimes } from './utils/phaseTimes';
import { DEFAULT_MAX_SIZE_KB } from './parser/parseLimits';
import { SchemaRegistry } from './schema/schemaRegistry';
import { SchemaService, type DocumentSchema, type SchemaProblem, type SchemaRequestService } from './schema/schemaService';
import { SchemaWalker } from './schema/schemaWalker';
import { DocumentCache } from './documentCache';
import { detectKind } from './kinds';
import { checkDocument } from './services/schemaValidation';
import { COMMA_IN_NUMBER } from './parser/commaNumbers';
import { trustedPastSyntaxErrors, withoutRejectedValues } from './onePerProblem';
import { applyRuleSettings } from './severities';
import type { CharterSettings } from './settings';
import type { Finding } from './types';
import { DOCUMENT_KINDS } from './model/documentKinds';
import { docsFor } from './utils/docs';
import { isClearNearest, suggestionsFor } from './utils/suggest';
import { locate, valueRange } from './utils/yamlNodes';
import type { ParsedDocument } from './parser/charterParser';
import { kindFromFileName } from './kinds';
import { builtinSchemaId } from './schema/builtinSchemas';
import { doComplete, type CompletionResult } from './services/completion';
import { doHover, type HoverResult } from './services/hover';
import { getCodeActions, type CodeAction } from './services/codeActions';
import { findDocumentSymbols, type DocumentSymbol } from './services/documentSymbols';
import { getFoldingRanges, type FoldingRange } from './services/folding';
import { doRename, findDefinition, findReferences, prepareRename, type PrepareRenameResult, type RenameResult } from './services/navigation';
import { findWorkspaceSymbols, type WorkspaceSymbol } from './services/navigation';
import { getCodeLenses, type CodeLens } from './services/codeLens';
import { getSelectionRanges, type SelectionRange } from './services/selectionRanges';
import { findDocumentLinks, type DocumentLink } from './services/documentLinks';
import { formatFile } from './services/formatting';
import type { TextEdit } from './types';
import type { IdLocation } from './services/idReferences';
import type { Position, Range } from './types';
import { todayIso } from './utils/dates';
import { Governance, todayFor } from './rules/governance';
import { applySuppressions, isProtectedRule } from './suppressions';
import { ruleIds } from './ruleIds';
import { ruleFailedFinding } from './rules/ruleFailure';
import { WorkspaceIndex } from './workspace/workspaceIndex';
import { RulesetService, type RulesetProblem } from './rulesets/rulesetService';
import { loadRulesets, rulesetFindings } from './rulesets/rulesetChecks';
import { MAX_TEMPLATE_BYTES, renderTemplate, templateChoices, type TemplateChoice, type TemplateVariables } from './rulesets/templates';
import type { BaseText, BaseTextProvider } from './change/baseline';
import { changeHover } from './change/changeHover';

export interface ValidationContext {
  /** The file's path relative to its workspace folder, `/`-separated: what globs and kind-by-name see. */
  relativePath: string;
  settings: CharterSettings;
  /** The workspace folder's URI, the base of relative `charter.schemas` URLs; derived from the URI and relativePath when absent. */
  folderUri?: string;
  /** The portfolio the file belongs to, for whole-portfolio rules; the service's own `workspace` when absent. */
  workspace?: WorkspaceIndex;
}

export interface TemplateContext {
  settings: CharterSettings;
  /** The workspace folder: relative template and ruleset paths resolve against it. */
  folderUri?: string;
  workspace?: WorkspaceIndex;
}

/**
 * What the outside world provides. The engine never touches the file system or the network itself:
 * the server and the CLI pass these in, tests pass fakes.
 */
export interface LanguageServiceOptions {
  /** Reads a schema (or any JSON) by URI: `file:`, `http:`, `https:`. Rejects with a message a user can act on. */
  schemaRequest?: SchemaRequestService;
  /** Called once each time a schema fails to load (or is skipped as untrusted), so a host can tell the user once. */
  onSchemaProblem?: (problem: SchemaProblem) => void;
  /** Called once each time a PMO ruleset fails to load (or is skipped as untrusted). */
  onRulesetProblem?: (problem: RulesetProblem) => void;
  /** The text of a file on the base ref (change control). Without it, no change rule runs. */
  baseText?: BaseTextProvider;
  /** Adds up the time spent parsing, indexing, validating against schemas and running rules. */
  phaseTimes?: PhaseTimes;
}

export interface CharterLanguageService {
  /** Parses a text once per version; later calls with the same version return the cached parse. */
  parse(uri: string, text: string, version?: number): ParsedFile;
  /**
   * A document nobody is editing, read fast to values (not cached), or undefined when it must be parsed
   * exactly. Its findings are only trustworthy when there are none; see `checkClosed`.
   */
  parseFast(uri: string, text: string, version?: number): ParsedFile | undefined;
  /**
   * A document nobody is editing (a closed file in the editor): read fast when that gives the same
   * findings, else parsed exactly; never cached, so its tree goes once its facts and findings are taken.
   */
  readClosed(uri: string, text: string, version?: number): ParsedFile;
  /** Parses exactly (every node's range) without caching the tree (a cached parse of the same text is reused), for a one-off reader such as the portfolio view. */
  parseUncached(uri: string, text: string, version?: number): ParsedFile;
  /**
   * The findings of a closed document: checked on the fast parse first and, only when that yields a
   * finding (or cannot run), parsed exactly and checked again. `index` puts the parse that was used into
   * the workspace index. Returns the findings and that parse.
   */
  checkClosed(file: ParsedFile, context: ValidationContext, index?: (file: ParsedFile) => void): Promise<{ findings: Finding[]; file: ParsedFile }>;
  forget(uri: string): void;
  /** `charter.files.maxSizeKB`: longer files get one `yaml/too-large` finding and are not parsed. */
  setFileSizeLimit(maxSizeKB: number): void;
  /** All findings for one file. Async because a schema may first have to be loaded. */
  validate(file: ParsedFile, context: ValidationContext): Promise<Finding[]>;
  /** The file's base text and its parse, when a provider is set and the file has a base. */
  baseOf(file: ParsedFile, context: ValidationContext): Promise<{ text: BaseText; file: ParsedFile } | undefined>;
  /** Which schema each document of a file is checked against, where that came from, and whether it loaded. */
  describeSchemas(file: ParsedFile, context: ValidationContext): Promise<Array<DocumentSchema & { document: number }>>;
  /** Drops loaded schemas (all, or those that read `uri` and those that `$ref` them); true when documents need re-validating. */
  forgetSchemas(uri?: string): boolean;
  /** Untrusted: no schema is downloaded and none is read from outside the workspace. Trusted by default. */
  setWorkspaceTrust(trusted: boolean): void;
  /** The URIs of the schema files loaded so far, to watch for changes. */
  loadedSchemaLocations(): string[];
  readonly schemas: SchemaRegistry;
  /** The PMO rulesets (`charter.rulesets`, `rulesets:` in portfolio.yaml), loaded like schemas. */
  readonly rulesets: RulesetService;
  /** Completion at a position: keys still missing, allowed values, snippets; a skeleton in an empty document. */
  doComplete(file: ParsedFile, position: Position, context: ValidationContext): Promise<CompletionResult>;
  /** What the schema says about the key or value at a position, and the given findings there. */
  doHover(file: ParsedFile, position: Position, context: ValidationContext, options?: { findings?: Finding[]; docsHref?: (docs: string) => string }): Promise<HoverResult | undefined>;
  /** Quick-fixes for the file's `findings` that touch `range`, and fix-all; `only` filters by action kind. */
  getCodeActions(file: ParsedFile, range: Range, findings: Finding[], context: ValidationContext, options?: { only?: string[]; docsHref?: (docs: string) => string }): Promise<CodeAction[]>;
  /** The outline: top-level keys, and list items by their name, title or id. */
  findDocumentSymbols(file: ParsedFile): DocumentSymbol[];
  getFoldingRanges(file: ParsedFile): FoldingRange[];
  /** Where the project, programme, person or objective id at a position is defined. */
  findDefinition(file: ParsedFile, position: Position, context: ValidationContext): Promise<IdLocation[]>;
  findReferences(file: ParsedFile, position: Position, context: ValidationContext, includeDeclaration: boolean): Promise<IdLocation[]>;
  prepareRename(file: ParsedFile, position: Position, context: ValidationContext): Promise<PrepareRenameResult>;
  /** Renames an id across the workspace; refused when the new id exists already or has the wrong form. */
  doRename(file: ParsedFile, position: Position, newName: string, context: ValidationContext): Promise<RenameResult>;
  /** Projects, programmes, people and objectives of the workspace whose id or title matches a query. */
  findWorkspaceSymbols(query: string): WorkspaceSymbol[];
  /** The lenses at the top of a project charter: status and RAG, dependencies both ways, open findings. */
  getCodeLenses(file: ParsedFile, findings: Finding[], context: ValidationContext): CodeLens[];
  getSelectionRanges(file: ParsedFile, positions: Position[]): SelectionRange[];
  /** Web addresses, and paths in `links[].url` resolved against the charter. */
  findDocumentLinks(file: ParsedFile): DocumentLink[];
  /** Keys in schema order, two-space indentation, comments kept; nothing unless `charter.format.enable`. */
  format(file: ParsedFile, context: ValidationContext): Promise<TextEdit[]>;
  /** The templates New Charter offers besides the built-in skeleton: `charter.templates`, then each ruleset's. */
  templates(context: TemplateContext): Promise<TemplateChoice[]>;
  /** A new charter from a named template; rejects with a sentence the user can act on. */
  renderTemplate(name: string, variables: TemplateVariables, context: TemplateContext): Promise<string>;
  /** The workspace index: files added to it are one portfolio, checked by the whole-portfolio rules. */
  readonly workspace: WorkspaceIndex;
  /** Time spent so far per phase (the host adds reading and publishing). */
  readonly phaseTimes: PhaseTimes;
  /** Top-level keys that the schema applying to the file's first document requires and the document lacks (a PMO's `costCentre`). */
  missingRequiredKeys(file: ParsedFile, context: ValidationContext): Promise<string[]>;
}

export function getLanguageService(options: LanguageServiceOptions = {}): CharterLanguageService {
  const registry = new SchemaRegistry();
  const schemaService = new SchemaService(registry, options.schemaRequest, options.onSchemaProblem);
  const walker = new SchemaWalker(registry);
  let maxSizeKB = DEFAULT_MAX_SIZE_KB;
  const times = options.phaseTimes ?? new PhaseTimes();
  const parseExactly = (uri: string, text: string, version: number): ParsedFile =>
    times.time('parse', () => {
      try {
        return parseCharterFile(uri, text, version, { maxSizeKB });
      } catch (e) {
        return unreadFile(uri, text, version, [ruleFailedFinding('YAML parsing', uri, e)]);
      }
    });
  const readFast = (uri: string, text: string, version: number) => times.time('parse', () => loadFast(uri, text, version, { maxSizeKB }));
  const cache = new DocumentCache(parseExactly);
  // The index keeps facts, not trees; it re-reads a fast file exactly (uncached) when something must point into it.
  const workspace = new WorkspaceIndex({ parseExactly, phaseTimes: times });
  const governance = new Governance();
  const rulesets = new RulesetService(options.schemaRequest, options.onRulesetProblem);

  /** Schema findings for one document (kind, schema state, what the schema says), and the values the schema rejected. */
  const documentFindings = async (file: ParsedFile, doc: ParsedDocument, context: ValidationContext): Promise<{ findings: Finding[]; rejected: Range[] }> => {
    const findings: Finding[] = [];
    const detection = detectKind(doc, context.relativePath);
    if (detection.unknownKind !== undefined) {
      const located = locate(doc.yaml, ['kind']);
      const range = valueRange(located, doc.start, file.text);
      const suggestions = suggestionsFor(detection.unknownKind, DOCUMENT_KINDS);
      const suggestion = suggestions[0];
      const safe = isClearNearest(detection.unknownKind, suggestions);
      findings.push({
        rule: 'schema/enum',
        severity: 'error',
        message: `kind must be one of ${DOCUMENT_KINDS.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        uri: file.uri,
        range: file.lines.rangeOf(range[0], range[1]),
        docs: docsFor('schema/enum'),
        fixes: suggestion
          ? [{ title: `Change to "${suggestion}"`, safe, preferred: safe, edits: { [file.uri]: [{ range: file.lines.rangeOf(range[0], range[1]), newText: suggestion }] } }]
          : undefined,
      });
      return { findings, rejected: [] };
    }
    const schema = await schemaService.forDocument(file, doc, detection.kind, context);
    if (!schema) return { findings, rejected: [] };
    findings.push(...schema.findings);
    if (!schema.target) return { findings, rejected: [] };
    const checked = checkDocument(file, doc, schema.target, registry, walker);
    findings.push(...checked.findings);
    return { findings, rejected: checked.rejected };
  };

  // One parse per base text: a base changes only when the ref moves.
  const baseParses = new Map<string, ParsedFile>();
  const baseOf = async (file: ParsedFile, context: ValidationContext) => {
    if (!options.baseText) return undefined;
    const text = await options.baseText(file.uri, context.relativePath);
    if (!text) return undefined;
    let parsed = baseParses.get(text.uri);
    if (!parsed || parsed.text !== text.text) {
      if (baseParses.size > 1000) baseParses.clear();
      parsed = parseCharterFile(text.uri, text.text, 0, { maxSizeKB });
      baseParses.set(text.uri, parsed);
    }
    return { text, file: parsed };
  };

  const validate = async (file: ParsedFile, context: ValidationContext): Promise<Finding[]> => {
    if (!context.settings.validate.enable) return [];
    const findings: Finding[] = [...file.findings];
    // A number split by a comma was not written as meant: rules say nothing about the value YAML read.
    const rejected: Range[] = file.findings.filter((f) => f.rule === COMMA_IN_NUMBER).map((f) => f.range);
    await times.timeAsync('validate', async () => {
      for (const doc of file.documents) {
        if (doc.empty || doc.value === undefined) continue;
        try {
          const checked = await documentFindings(file, doc, context);
          findings.push(...checked.findings);
          rejected.push(...checked.rejected);
        } catch (e) {
          findings.push(ruleFailedFinding('schema validation', file.uri, e, file.lines.rangeOf(doc.start, doc.start)));
        }
      }
    });
    const base = await baseOf(file, context);
    // One finding per problem: a value the schema rejects gets the schema's finding, not also a rule's (built-in or a PMO ruleset's).
    let protectedRules: readonly string[] | undefined;
    times.time('rules', () => {
      try {
        findings.push(...withoutRejectedValues(governance.findings(file, context, context.workspace ?? workspace, base), rejected));
        protectedRules = governance.policyFor(file, context, context.workspace ?? workspace).protectedRules;
      } catch (e) {
        findings.push(ruleFailedFinding('governance', file.uri, e));
      }
    });
    await times.timeAsync('rules', async () => {
      try {
        findings.push(...withoutRejectedValues(await rulesetFindings(rulesets, file, context, context.workspace ?? workspace), rejected));
      } catch (e) {
        findings.push(ruleFailedFinding('PMO rulesets', file.uri, e));
      }
    });
    return times.time('rules', () => {
      const unsuppressed = applySuppressions(file, trustedPastSyntaxErrors(file, findings), { today: todayFor(context.settings), relativePath: context.relativePath, protectedRules, rules: ruleIds(registry, rulesets.knownRuleIds()) });
      return applyRuleSettings(unsuppressed, context.settings.rules);
    });
  };

  const describeSchemas = async (file: ParsedFile, context: ValidationContext): Promise<Array<DocumentSchema & { document: number }>> => {
    const out: Array<DocumentSchema & { document: number }> = [];
    for (const doc of file.documents) {
      if (doc.empty || doc.value === undefined) continue;
      const schema = await schemaService.forDocument(file, doc, detectKind(doc, context.relativePath).kind, context);
      if (schema) out.push({ document: doc.index, ...schema });
    }
    return out;
  };

  /** The schema a document is validated against; completion and hover read the same one. */
  const schemaIdFor = async (file: ParsedFile, doc: ParsedDocument, context: ValidationContext): Promise<string | undefined> => {
    const detection = detectKind(doc, context.relativePath);
    const kind = detection.kind ?? kindFromFileName(context.relativePath);
    return (await schemaService.forDocument(file, doc, kind, context))?.target?.id;
  };
  const protectedRulesOf = (file: ParsedFile, context: ValidationContext) => {
    const protectedRules = governance.policyFor(file, context, context.workspace ?? workspace).protectedRules;
    return (rule: string) => isProtectedRule(rule, protectedRules);
  };
  const featureContext = (file: ParsedFile, context: ValidationContext) => {
    const byName = kindFromFileName(context.relativePath);
    return {
      walker,
      schemaIdFor: (doc: ParsedDocument) => schemaIdFor(file, doc, context),
      skeletons: (byName ? [byName] : DOCUMENT_KINDS).map((kind) => ({ kind, schemaId: builtinSchemaId(kind) })),
      today: context.settings.asOf || todayIso(),
      workspace: context.workspace ?? workspace,
      kindOf: (doc: ParsedDocument) => detectKind(doc, context.relativePath).kind ?? byName,
    };
  };

  /**
   * Locations read from the index point into files it may hold fast (facts without ranges): those files
   * are re-read exactly (once; the index keeps their exact facts) and the answer is worked out again.
   */
  const placed = async <T>(context: ValidationContext, compute: () => Promise<T> | T, urisOf: (result: T) => string[]): Promise<T> => {
    const portfolio = context.workspace ?? workspace;
    const result = await compute();
    const fast = [...new Set(urisOf(result))].filter((uri) => portfolio.file(uri)?.fast);
    if (fast.length === 0) return result;
    for (const uri of fast) portfolio.placeExactly(uri);
    return compute();
  };
  const placedSync = <T>(portfolio: WorkspaceIndex, compute: () => T, urisOf: (result: T) => string[]): T => {
    const result = compute();
    const fast = [...new Set(urisOf(result))].filter((uri) => portfolio.file(uri)?.fast);
    if (fast.length === 0) return result;
    for (const uri of fast) portfolio.placeExactly(uri);
    return compute();
  };
  const locationUris = (locations: Array<{ uri: string }>) => locations.map((l) => l.uri);

  const templates = async (context: TemplateContext): Promise<TemplateChoice[]> => {
    const loaded = await loadRulesets(rulesets, undefined, { relativePath: '', settings: context.settings, folderUri: context.folderUri }, context.workspace ?? workspace);
    return templateChoices(context.settings, context.folderUri, loaded.rulesets);
  };

  return {
    templates,
    renderTemplate: async (name, variables, context) => {
      const choices = await templates(context);
      const choice = choices.find((c) => c.name === name);
      if (!choice) throw new Error(choices.length > 0 ? `There is no template "${name}"; the templates are ${choices.map((c) => c.name).join(', ')}.` : `There is no template "${name}": neither charter.templates nor a ruleset names one.`);
      let text: string;
      try {
        text = await rulesets.readText(choice.uri, context.folderUri, context.settings.schemaDownload.enable);
      } catch (e) {
        throw new Error(`The template ${name} (from ${choice.from}) cannot be read: ${(e as Error).message}.`);
      }
      if (text.length > MAX_TEMPLATE_BYTES) throw new Error(`The template ${name} is larger than ${MAX_TEMPLATE_BYTES / 1000} kB, too large for a charter.`);
      return renderTemplate(text.replace(/^\uFEFF/, ''), variables);
    },
    parse: (uri, text, version = 0) => cache.get(uri, text, version),
    parseFast: (uri, text, version = 0) => readFast(uri, text, version),
    readClosed: (uri, text, version = 0) => readFast(uri, text, version) ?? parseExactly(uri, text, version),
    parseUncached: (uri, text, version = 0) => cache.peek(uri, text, version) ?? parseExactly(uri, text, version),
    checkClosed: async (file, context, index) => {
      if (file.fast) {
        let findings: Finding[] | undefined;
        try {
          findings = await validate(file, context);
        } catch {
          // A rule that needs a range it does not have here: the exact parse below answers.
          findings = undefined;
        }
        if (findings && findings.length === 0) return { findings, file };
        // Not cached: nobody edits a closed file, so its tree is dropped once its findings are placed.
        file = parseExactly(file.uri, file.text, file.version);
        // Its own cross-file findings are placed on its facts in the index: they take the ranges too.
        (context.workspace ?? workspace).placeParsed(file);
        index?.(file);
      }
      const portfolio = context.workspace ?? workspace;
      let findings = await validate(file, context);
      // A finding may point into a file the index read fast (a programme's cap lists its projects'
      // amounts): those are re-read exactly, and the file is checked again with their ranges.
      for (let round = 0; round < 3; round++) {
        const targets = new Set(findings.flatMap((f) => (f.related ?? []).map((r) => r.uri)).filter((uri) => portfolio.file(uri)?.fast));
        if (targets.size === 0) break;
        for (const target of targets) portfolio.placeExactly(target);
        findings = await validate(file, context);
      }
      return { findings, file };
    },
    doComplete: (file, position, context) => doComplete(file, position, featureContext(file, context)),
    doHover: async (file, position, context, options = {}) => {
      const hover = await doHover(file, position, { ...featureContext(file, context), ...options });
      const base = await baseOf(file, context);
      const change = base && changeHover(file, context.relativePath, base, position);
      if (!change) return hover;
      return hover ? { contents: `${change.contents}\n\n---\n\n${hover.contents}`, range: hover.range } : change;
    },
    getCodeActions: (file, range, findings, context, options = {}) =>
      getCodeActions(file, range, findings, { ...featureContext(file, context), docsHref: options.docsHref, isProtected: protectedRulesOf(file, context) }, options.only),
    findDocumentSymbols,
    getFoldingRanges,
    findDefinition: (file, position, context) => placed(context, () => findDefinition(file, position, featureContext(file, context)), locationUris),
    findReferences: (file, position, context, includeDeclaration) =>
      placed(context, () => findReferences(file, position, featureContext(file, context), includeDeclaration), locationUris),
    prepareRename: (file, position, context) => prepareRename(file, position, featureContext(file, context)),
    doRename: (file, position, newName, context) =>
      placed(context, () => doRename(file, position, newName, featureContext(file, context)), (result) => ('edits' in result ? Object.keys(result.edits) : [])),
    findWorkspaceSymbols: (query) => placedSync(workspace, () => findWorkspaceSymbols(workspace, query), (symbols) => symbols.map((s) => s.location.uri)),
    getCodeLenses: (file, findings, context) =>
      placedSync(
        context.workspace ?? workspace,
        () => getCodeLenses(file, findings, { ...featureContext(file, context), policy: governance.policyFor(file, context, context.workspace ?? workspace) }),
        (lenses) => lenses.flatMap((lens) => (lens.opens?.show === 'references' ? locationUris(lens.opens.locations) : [])),
      ),
    getSelectionRanges,
    findDocumentLinks,
    format: async (file, context) => (context.settings.format.enable ? formatFile(file, featureContext(file, context)) : []),
    forget: (uri) => cache.delete(uri),
    setFileSizeLimit: (kb) => {
      if (kb === maxSizeKB) return;
      maxSizeKB = kb;
      cache.clear();
    },
    validate,
    baseOf,
    describeSchemas,
    // Ruleset files are watched, refreshed and trusted exactly as schema files are.
    forgetSchemas: (uri) => [schemaService.forget(uri), rulesets.forget(uri)].some(Boolean),
    setWorkspaceTrust: (trusted) => {
      schemaService.setTrusted(trusted);
      rulesets.setTrusted(trusted);
    },
    loadedSchemaLocations: () => [...new Set([...schemaService.loadedLocations(), ...rulesets.loadedLocations()])],
    schemas: registry,
    rulesets,
    workspace,
    phaseTimes: times,
    missingRequiredKeys: async (file, context) => {
      const doc = file.documents.find((d) => !d.empty && d.value !== undefined);
      const schemaId = doc && (await schemaIdFor(file, doc, context));
      const root = schemaId ? walker.root(schemaId) : undefined;
      if (!doc || !root || !doc.value || typeof doc.value !== 'object') return [];
      const present = doc.value as Record<string, unknown>;
      const required = walker.applicable([root], doc.value).flatMap((ref) => {
        const list = (ref.schema as { required?: unknown })?.required;
        return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
      });
      return [...new Set(required)].filter((key) => !(key in present));
    },
  };
}
