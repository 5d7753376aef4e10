// What ruleset functions see of the workspace index: ids by namespace and the plain values of its
// documents. Computed on first use and kept until the index changes.
import { parseCharterFile, type ParsedFile } from '../parser/charterParser';
import { homeOf, type IdNamespace } from '../model/documentKinds';
import type { DocumentKind } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { RulesetWorkspace } from './rulesetTypes';

class View implements RulesetWorkspace {
  private idSets = new Map<IdNamespace, Set<string>>();
  private valueLists = new Map<DocumentKind, unknown[]>();
  private memos = new Map<string, unknown>();
  /** Parses of indexed files, by URI, kept while their text is the same. */
  private readonly parses = new Map<string, ParsedFile>();

  constructor(private readonly index: WorkspaceIndex) {
    index.onDidChange(() => {
      this.idSets = new Map();
      this.valueLists = new Map();
      this.memos = new Map();
    });
  }

  hasKind(kind: DocumentKind): boolean {
    return this.index.documents(kind).length > 0;
  }

  ids(namespace: IdNamespace): ReadonlySet<string> {
    let ids = this.idSets.get(namespace);
    if (!ids) {
      ids = new Set();
      const home = homeOf(namespace);
      for (const doc of this.index.documents(home.kind)) for (const { id } of home.defines.ids(doc.facts)) ids.add(id.value);
      this.idSets.set(namespace, ids);
    }
    return ids;
  }

  values(kind: DocumentKind): unknown[] {
    let values = this.valueLists.get(kind);
    if (!values) {
      values = [];
      for (const doc of this.index.documents(kind)) {
        const file = this.index.file(doc.ref.uri);
        if (!file) continue;
        let parsed = this.parses.get(file.uri);
        if (!parsed || parsed.text !== file.text) {
          parsed = parseCharterFile(file.uri, file.text, file.version);
          this.parses.set(file.uri, parsed);
        }
        const value = parsed.documents[doc.ref.index]?.value;
        if (value !== undefined) values.push(value);
      }
      this.valueLists.set(kind, values);
    }
    return values;
  }

  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }
}

const views = new WeakMap<WorkspaceIndex, View>();

export function rulesetWorkspace(index: WorkspaceIndex): RulesetWorkspace {
  let view = views.get(index);
  if (!view) {
    view = new View(index);
    views.set(index, view);
  }
  return view;
}
