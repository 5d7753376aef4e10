// The kind table (model/documentKinds.ts) drives kind detection, schema association, the index,
// references and symbols: every kind in it must be wired to each of them.
import { strict as assert } from 'node:assert';
import { detectKind, kindFromFileName } from '../../server/src/engine/kinds';
import { DEFAULT_INCLUDE, DOCUMENT_KINDS, homeOf, ID_NAMESPACES, KIND_TABLE, kindDescriptors, namespaceOfDefinition } from '../../server/src/engine/model/documentKinds';
import { parseCharterFile } from '../../server/src/engine/parser/charterParser';
import { BUILTIN_SCHEMAS, builtinSchemaId } from '../../server/src/engine/schema/builtinSchemas';
import { matchesFile, resolveSchemaFor } from '../../server/src/engine/schema/schemaAssociation';
import { idsIn, referencesTo } from '../../server/src/engine/services/idReferences';
import { findWorkspaceSymbols } from '../../server/src/engine/services/navigation';
import { WorkspaceIndex } from '../../server/src/engine/workspace/workspaceIndex';

/** A path a glob finds: `**\/` as a folder, `*` as a name. */
const sampleOf = (glob: string) => glob.replace(/^\*\*\//, 'some/folder/').replace(/\*/g, 'sample');

/** One small document of each kind; each defines an id of its namespace, the Project refers to all of them. */
const DOCUMENTS: Record<(typeof DOCUMENT_KINDS)[number], { path: string; text: string; defines: string }> = {
  Project: {
    path: 'projects/alpha.charter.yaml',
    text: 'kind: Project\nid: alpha\ntitle: Alpha\nprogramme: prog\nsponsor: ann\nobjectives:\n  - strategicObjective: grow\ndependencies:\n  - project: beta\n',
    defines: 'alpha',
  },
  Programme: { path: 'prog.programme.yaml', text: 'kind: Programme\nid: prog\ntitle: Prog\nowner: ann\n', defines: 'prog' },
  Portfolio: { path: 'portfolio.yaml', text: 'kind: Portfolio\nobjectives:\n  - id: grow\n    title: Grow\n', defines: 'grow' },
  People: { path: 'people.yaml', text: 'kind: People\npeople:\n  - id: ann\n    name: Ann\n', defines: 'ann' },
};

describe('document kinds as data', () => {
  it('the table has one descriptor per kind, keyed by its kind', () => {
    assert.deepEqual(Object.keys(KIND_TABLE), [...DOCUMENT_KINDS]);
    for (const kind of DOCUMENT_KINDS) assert.equal(KIND_TABLE[kind].kind, kind);
  });

  for (const descriptor of kindDescriptors()) {
    const kind = descriptor.kind;
    describe(kind, () => {
      it('has its built-in schema: bundled, by its $id, for the kind, and named builtin:<kind>', () => {
        assert.equal(descriptor.schema.$id, builtinSchemaId(kind));
        assert.ok(BUILTIN_SCHEMAS.includes(descriptor.schema));
        const kindProperty = (descriptor.schema as { properties?: { kind?: { const?: string } } }).properties?.kind;
        if (kindProperty?.const !== undefined) assert.equal(kindProperty.const, kind);
        const byKind = resolveSchemaFor({ documentUri: 'file:///w/x.yaml', documentText: '', value: {}, kind, relativePath: 'x.yaml', associations: [] });
        assert.equal(byKind?.uri, descriptor.schema.$id);
        const byName = resolveSchemaFor({ documentUri: 'file:///w/x.yaml', documentText: `# $schema: builtin:${kind.toLowerCase()}\n`, value: {}, relativePath: 'x.yaml', associations: [] });
        assert.equal(byName?.builtin, kind);
      });

      it('has default globs that the default include holds and that name files of this kind', () => {
        assert.ok(descriptor.defaultGlobs.length > 0);
        for (const glob of descriptor.defaultGlobs) {
          assert.ok(DEFAULT_INCLUDE.includes(glob), glob);
          const sample = sampleOf(glob);
          assert.ok(matchesFile(DEFAULT_INCLUDE, sample), sample);
          assert.equal(kindFromFileName(sample), kind, sample);
          const doc = parseCharterFile(`file:///w/${sample}`, 'title: x\n').documents[0];
          assert.deepEqual(detectKind(doc, sample), { kind, source: 'filename' });
        }
      });

      it('is indexed: its facts are its kind, its ids are found and show as symbols of its symbol kind', () => {
        const index = new WorkspaceIndex();
        for (const { path, text } of Object.values(DOCUMENTS)) index.setFile(parseCharterFile(`file:///w/${path}`, text), path);
        const [indexed] = index.documents(kind);
        assert.equal(indexed.kind, kind);
        assert.equal(indexed.facts.kind, kind);
        const defines = descriptor.defines;
        if (!defines) return;
        assert.deepEqual(idsIn(index, defines.namespace).map((t) => t.id), [DOCUMENTS[kind].defines]);
        const symbols = findWorkspaceSymbols(index, DOCUMENTS[kind].defines).filter((s) => s.namespace === defines.namespace);
        assert.equal(symbols.length, 1);
        assert.equal(symbols[0].symbolKind, defines.symbolKind);
      });
    });
  }

  it('every id namespace has one home kind, whose schema defines the id', () => {
    for (const namespace of ID_NAMESPACES) {
      const homes = kindDescriptors().filter((d) => d.defines?.namespace === namespace);
      assert.equal(homes.length, 1, namespace);
      const { kind, defines } = homeOf(namespace);
      assert.ok((KIND_TABLE[kind].schema as { $defs?: Record<string, unknown> }).$defs?.[defines.schemaDef], `${kind} schema has $defs/${defines.schemaDef}`);
      assert.equal(namespaceOfDefinition(defines.schemaDef), namespace);
    }
  });

  it('references to every namespace are found where the referring kind keeps them', () => {
    const index = new WorkspaceIndex();
    for (const { path, text } of Object.values(DOCUMENTS)) index.setFile(parseCharterFile(`file:///w/${path}`, text), path);
    const referrers = (namespace: (typeof ID_NAMESPACES)[number], id: string) => referencesTo(index, namespace, id).map((r) => r.relativePath).sort();
    assert.deepEqual(referrers('Programme', 'prog'), ['projects/alpha.charter.yaml']);
    assert.deepEqual(referrers('People', 'ann'), ['prog.programme.yaml', 'projects/alpha.charter.yaml']);
    assert.deepEqual(referrers('objective', 'grow'), ['projects/alpha.charter.yaml']);
    assert.deepEqual(referrers('Project', 'beta'), ['projects/alpha.charter.yaml']);
  });
});
