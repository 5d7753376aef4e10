// What ruleset functions see of the workspace index: ids by namespace and the plain values of its
// documents. Computed on first use and kept until the index changes.
import { parseCharterFile } from '../parser/charterParser';
import { homeOf, type IdNamespace } from '../model/documentKinds';
import type { DocumentKind } from '../types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { RulesetWorkspace } from './rulesetTypes';

class View implements RulesetWorkspace {
  private idSets = new Map<IdNamespace, Set<string>>();
  private valueLists = new Map<DocumentKind, unknown[]>();
  private memos = new Map<string, unknown>();
  /** The plain values of indexed files' documents, by URI, kept while their text is the same (the trees are not kept). */
  private readonly fileValues = new Map<string, { text: string; values: unknown[] }>();

  constructor(private readonly index: WorkspaceIndex) {
    index.onDidChange((change) => {
      if (change.placement) return; // ranges added, values the same
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
        let read = this.fileValues.get(file.uri);
        if (!read || read.text !== file.text) {
          read = { text: file.text, values: parseCharterFile(file.uri, file.text, file.version).documents.map((d) => d.value) };
          this.fileValues.set(file.uri, read);
        }
        const value = read.values[doc.ref.index];
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
