// Loads the rulesets a workspace names (`charter.rulesets`, `rulesets:` in portfolio.yaml) through the
// same request function, trust rules, cache and offline behaviour as schemas, and turns a ruleset that
// cannot be used into one `ruleset/unavailable` finding per document instead of an error.
import type { ParsedDocument, ParsedFile } from '../parser/charterParser';
import { isInside, resolveReference, schemaLabel } from '../schema/schemaAssociation';
import { firstLineRange } from '../schema/schemaFindings';
import type { SchemaRequestService } from '../schema/schemaService';
import type { Finding, Severity } from '../types';
import { docsFor } from '../utils/docs';
import { BUILTIN_RULESETS } from './builtinRulesets';
import { isRecord } from './jsonPath';
import { readRuleset } from './rulesetFile';
import type { Ruleset } from './rulesetTypes';

/** Where a ruleset is named: its absolute URI, how it was written, and where that was. */
export interface RulesetReference {
  uri: string;
  label: string;
  source: 'setting' | 'portfolio';
}

export type RulesetState =
  | { state: 'ready'; ruleset: Ruleset; cached?: { savedAt: string; reason: string } }
  | { state: 'unavailable' | 'untrusted'; reason: string };

export interface RulesetProblem {
  uri: string;
  label: string;
  reason: string;
  state: 'unavailable' | 'untrusted';
}

/** Findings about rulesets themselves, for SARIF rule metadata. */
export const RULESET_NOTES = [
  { id: 'ruleset/unavailable', severity: 'error' as Severity, summary: 'A PMO ruleset named in the settings or portfolio.yaml can be read and is valid.', docs: docsFor('ruleset/unavailable') },
  { id: 'ruleset/cached', severity: 'info' as Severity, summary: 'A ruleset on a web server could not be downloaded, so a cached copy is used.', docs: docsFor('ruleset/cached') },
  { id: 'ruleset/untrusted', severity: 'info' as Severity, summary: 'In an untrusted workspace no ruleset is downloaded or read from outside the workspace.', docs: docsFor('ruleset/untrusted') },
];

const FROM: Record<RulesetReference['source'], string> = { setting: 'the charter.rulesets setting', portfolio: 'rulesets in portfolio.yaml' };

/** The rulesets named by the settings (relative to the workspace folder) and by the portfolio (relative to its file). */
export function rulesetReferences(setting: readonly string[], folderUri: string | undefined, portfolio?: { uri: string; value: unknown }): RulesetReference[] {
  const out: RulesetReference[] = [];
  const add = (written: string, base: string | undefined, source: RulesetReference['source']) => {
    let uri: string;
    if (/^builtin:/i.test(written)) uri = written.toLowerCase();
    else {
      try {
        uri = resolveReference(written, base ? (base.endsWith('/') || source === 'portfolio' ? base : `${base}/`) : 'file:///');
      } catch {
        uri = written;
      }
    }
    if (!out.some((r) => r.uri === uri)) out.push({ uri, label: uri.startsWith('file:') ? schemaLabel(uri, folderUri) : written, source });
  };
  for (const written of setting) add(written, folderUri, 'setting');
  const listed = portfolio && isRecord(portfolio.value) ? portfolio.value.rulesets : undefined;
  if (Array.isArray(listed)) for (const written of listed) if (typeof written === 'string' && written) add(written, portfolio!.uri, 'portfolio');
  return out;
}

export class RulesetService {
  private trusted = true;
  private readonly loads = new Map<string, Promise<RulesetState>>();
  /** The rule ids of each ruleset loaded so far, by load key. */
  private readonly ids = new Map<string, string[]>();

  constructor(
    private readonly request: SchemaRequestService | undefined,
    private readonly onProblem?: (problem: RulesetProblem) => void,
  ) {}

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.loads.clear();
    this.ids.clear();
  }

  /** A ruleset, loaded once until `forget`. */
  load(reference: RulesetReference, folderUri: string | undefined, download: boolean): Promise<RulesetState> {
    const key = this.trusted ? reference.uri : `${reference.uri}\u0000${folderUri ?? ''}`;
    let promise = this.loads.get(key);
    if (!promise) {
      promise = this.read(reference, folderUri, download).then((state) => {
        if (state.state !== 'ready') this.onProblem?.({ uri: reference.uri, label: reference.label, reason: state.reason, state: state.state });
        else if (this.loads.get(key) === promise) this.ids.set(key, state.ruleset.rules.map((r) => r.id));
        return state;
      });
      this.loads.set(key, promise);
    }
    return promise;
  }

  /** Reads a template (or any text a ruleset names) under the same trust rules; rejects with a reason. */
  async readText(uri: string, folderUri: string | undefined, download: boolean): Promise<string> {
    const denied = this.denied(uri, folderUri);
    if (denied) throw new Error(denied);
    if (!this.request) throw new Error('this Charter host cannot read files');
    const response = await this.request(uri, { download });
    return typeof response === 'string' ? response : response.content;
  }

  /** Drops loaded rulesets (all, or the one read from `uri`); true when documents need checking again. */
  forget(uri?: string): boolean {
    if (uri === undefined) {
      const any = this.loads.size > 0;
      this.loads.clear();
      this.ids.clear();
      return any;
    }
    let dropped = false;
    for (const key of [...this.loads.keys()]) {
      if (key === uri || key.startsWith(`${uri}\u0000`)) {
        this.loads.delete(key);
        this.ids.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  /** The ids of every rule of the rulesets loaded so far, and of the findings about rulesets: names suppressions, waivers and charter.rules may use. */
  knownRuleIds(): string[] {
    return [...RULESET_NOTES.map((n) => n.id), ...[...this.ids.values()].flat()];
  }

  /** The files rulesets were read from, to watch them. */
  loadedLocations(): string[] {
    return [...new Set([...this.loads.keys()].map((k) => k.split('\u0000')[0]).filter((u) => u.startsWith('file:')))];
  }

  private async read(reference: RulesetReference, folderUri: string | undefined, download: boolean): Promise<RulesetState> {
    const builtin = /^builtin:(.*)$/.exec(reference.uri);
    if (builtin) {
      const text = BUILTIN_RULESETS.get(builtin[1]);
      if (text === undefined) return { state: 'unavailable', reason: `"${reference.uri}" is not a built-in ruleset; use ${[...BUILTIN_RULESETS.keys()].map((n) => `builtin:${n}`).join(', ')}` };
      const read = readRuleset(text, reference.uri, reference.label);
      if (!read.ok) throw new Error(`built-in ruleset ${reference.uri} is broken: ${read.reason}`);
      return { state: 'ready', ruleset: read.ruleset };
    }
    const denied = this.denied(reference.uri, folderUri);
    if (denied) return { state: 'untrusted', reason: denied };
    if (!this.request) return { state: 'unavailable', reason: 'this Charter host cannot read ruleset files' };
    let content: string;
    let cached: { savedAt: string; reason: string } | undefined;
    try {
      const response = await this.request(reference.uri, { download });
      content = typeof response === 'string' ? response : response.content;
      cached = typeof response === 'string' ? undefined : response.cached;
    } catch (e) {
      return { state: 'unavailable', reason: e instanceof Error ? e.message : String(e) };
    }
    const read = readRuleset(content, reference.uri, reference.label);
    if (!read.ok) return { state: 'unavailable', reason: read.reason };
    return { state: 'ready', ruleset: read.ruleset, cached };
  }

  private denied(uri: string, folderUri: string | undefined): string | undefined {
    if (this.trusted) return undefined;
    if (/^https?:/i.test(uri)) return 'this workspace is not trusted, and in Restricted Mode Charter downloads no ruleset';
    if (!folderUri || !isInside(uri, folderUri)) return 'this workspace is not trusted, and in Restricted Mode Charter reads no ruleset from outside the workspace';
    return undefined;
  }
}

/** The finding on a document's first line when a ruleset it is checked with cannot be used. */
export function rulesetNote(file: ParsedFile, doc: ParsedDocument, reference: RulesetReference, state: RulesetState): Finding | undefined {
  let rule: string;
  let severity: Severity;
  let message: string;
  if (state.state === 'ready') {
    if (!state.cached) return undefined;
    [rule, severity] = ['ruleset/cached', 'info'];
    message = `The ruleset ${reference.label} could not be downloaded (${state.cached.reason}), so the copy saved ${state.cached.savedAt.slice(0, 16).replace('T', ' ')} UTC is used. Run "Charter: Refresh Schemas" once it can be reached again.`;
  } else if (state.state === 'untrusted') {
    [rule, severity] = ['ruleset/untrusted', 'info'];
    message = `The ruleset ${reference.label} (from ${FROM[reference.source]}) was not loaded: ${state.reason}. Its rules apply once you trust the workspace.`;
  } else {
    [rule, severity] = ['ruleset/unavailable', 'error'];
    message = `The ruleset ${reference.label} (from ${FROM[reference.source]}) cannot be used: ${state.reason}. Fix the ruleset or the entry that names it; until then its rules are not checked.`;
  }
  return { rule, severity, message, uri: file.uri, range: firstLineRange(file, doc), docs: docsFor(rule), origin: reference.label };
}
