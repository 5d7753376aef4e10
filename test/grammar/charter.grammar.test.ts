import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

// Real tokenisation of syntaxes/charter.tmLanguage.json with the engine VS Code uses.

const repoRoot = path.resolve(__dirname, '../..');
const grammarPath = path.join(repoRoot, 'syntaxes/charter.tmLanguage.json');
const onigWasmPath = path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm');

/** The contract example (test/fixtures/contract/fin-invoice-automation.charter.yaml): every construct a charter uses. */
const CONTRACT = `apiVersion: charter/v1
kind: Project
id: fin-invoice-automation          # unique across the portfolio
title: Invoice automation
summary: Replace manual invoice entry with OCR and straight-through processing.
status: active                      # proposed | approved | active | on-hold | closed | cancelled
phase: delivery                     # one of the policy's phases (default: initiation, planning, delivery, closure)
programme: finance-transformation   # a Programme id
sponsor: jane.doe                   # People ids
manager: raj.patel
purpose: Invoice entry costs 4.10 EUR per invoice and delays month-end close by three days.
objectives:
  - id: obj-cost
    statement: Cut the cost of processing an invoice
    metric: cost per invoice (EUR)
    baseline: 4.10
    target: 1.20
    targetDate: 2027-09-30
scope:
  in: [supplier invoices, credit notes]
  out: [expense claims]
schedule:
  start: 2027-01-04
  end: 2027-12-17
milestones:
  - id: m-vendor
    name: Vendor selected
    date: 2027-03-01
    status: done                    # planned | done | missed
budget:
  currency: EUR                     # ISO 4217
  approved: 850000
  contingency: 60000
  breakdown:
    - { category: capex, amount: 500000 }
    - { category: opex, amount: 350000 }
risks:
  - id: r-ocr
    title: OCR accuracy below target
    probability: medium             # low | medium | high
    impact: high                    # low | medium | high
    owner: raj.patel
    response: Pilot three vendors before committing.
stakeholders:
  - { person: jane.doe, role: sponsor }
approvals:
  - { role: sponsor, person: jane.doe, decision: approved, date: 2026-12-01 }
dependencies:
  - { project: fin-erp-upgrade, neededBy: 2027-06-01 }
allocations:
  - { person: raj.patel, percent: 60, from: 2027-01-04, to: 2027-12-17 }
statusReport:
  asOf: 2027-04-30
  rag: amber                        # green | amber | red
  commentary: Vendor contract signed two weeks late.
  recoveryPlan: ...                 # required when rag is red
`;

interface Token {
  text: string;
  start: number;
  scopes: string[];
}

class TokenizedDocument {
  constructor(
    readonly lines: string[],
    readonly tokens: Token[][],
    /** `ruleStack.depth` after each line; 1 is the grammar's root. */
    readonly depths: number[],
  ) {}

  /** The token that starts where `text` first occurs on the line `line` (or the one line containing it). */
  tokenAt(line: string, text: string): Token {
    const numbered = this.lines.map((l, i) => ({ l, i }));
    const exact = numbered.filter(({ l }) => l === line);
    const matches = exact.length === 1 ? exact : numbered.filter(({ l }) => l.includes(line));
    assert.equal(matches.length, 1, `expected exactly one line containing ${JSON.stringify(line)}, found ${matches.length}`);
    const { l, i } = matches[0];
    const after = l.indexOf(text, l.indexOf(line));
    const column = after >= 0 ? after : l.indexOf(text);
    assert.ok(column >= 0, `${JSON.stringify(text)} is not on line ${JSON.stringify(l)}`);
    const token = this.tokens[i].find((t) => t.start === column);
    assert.ok(token, `no token starts at ${JSON.stringify(text)} on line ${JSON.stringify(l)}: ${formatTokens(this.tokens[i])}`);
    return token;
  }

  /** Scopes of the token `text` on the line containing `line`; the token must be exactly `text`. */
  scopesAt(line: string, text: string): string[] {
    const token = this.tokenAt(line, text);
    assert.equal(token.text, text, `token at ${JSON.stringify(text)} on ${JSON.stringify(line)} is ${JSON.stringify(token.text)}`);
    return token.scopes;
  }
}

function formatTokens(tokens: Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)} [${t.scopes.slice(1).join(' ')}]`).join(', ');
}

function assertScope(scopes: string[], expected: string): void {
  assert.ok(scopes.includes(expected), `expected ${expected} in [${scopes.join(', ')}]`);
}

function assertNoCharterScope(scopes: string[]): void {
  const ours = scopes.filter((s) => s.endsWith('.charter') && s !== 'source.charter');
  assert.deepEqual(ours, [], `expected no charter scope in [${scopes.join(', ')}]`);
}

const requestedScopes: string[] = [];
let grammar: textmate.IGrammar;

async function loadCharterGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(onigWasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      requestedScopes.push(scopeName);
      if (scopeName === 'source.charter') {
        return textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
      }
      return null; // source.yaml is VS Code's; outside VS Code the include resolves to nothing
    },
  });
  const loaded = await registry.loadGrammar('source.charter');
  assert.ok(loaded, 'source.charter did not load');
  return loaded;
}

function tokenize(text: string): TokenizedDocument {
  const lines = text.split(/\r?\n/);
  const tokens: Token[][] = [];
  const depths: number[] = [];
  let stack = textmate.INITIAL;
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, stack);
    assert.equal(result.stoppedEarly, false, `tokenising stopped early on ${JSON.stringify(line)}`);
    tokens.push(result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })));
    stack = result.ruleStack;
    depths.push(stack.depth);
  }
  return new TokenizedDocument(lines, tokens, depths);
}

describe('charter grammar', () => {
  before(async () => {
    grammar = await loadCharterGrammar();
  });

  describe('the contract example', () => {
    let doc: TokenizedDocument;
    before(() => {
      doc = tokenize(CONTRACT);
    });

    it('scopes keys as YAML keys, apiVersion and kind also as charter keywords', () => {
      assertScope(doc.scopesAt('title: Invoice automation', 'title'), 'entity.name.tag.yaml');
      assertScope(doc.scopesAt('  - id: m-vendor', 'id'), 'entity.name.tag.yaml');
      assertScope(doc.scopesAt('{ category: capex', 'category'), 'entity.name.tag.yaml');
      const apiVersion = doc.scopesAt('apiVersion: charter/v1', 'apiVersion');
      assertScope(apiVersion, 'entity.name.tag.yaml');
      assertScope(apiVersion, 'keyword.other.apiversion.charter');
      assertScope(doc.scopesAt('kind: Project', 'kind'), 'keyword.other.apiversion.charter');
    });

    it('colours the RAG value of the status report', () => {
      assertScope(doc.scopesAt('  rag: amber', 'amber'), 'constant.language.rag.amber.charter');
    });

    it('colours the project status, before a trailing comment', () => {
      assertScope(doc.scopesAt('status: active', 'active'), 'constant.language.status.charter');
      assertScope(doc.scopesAt('status: active', '#'), 'comment.line.number-sign.yaml');
    });

    it('colours ISO dates wherever they are a plain value', () => {
      assertScope(doc.scopesAt('  start: 2027-01-04', '2027-01-04'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('  end: 2027-12-17', '2027-12-17'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('targetDate: 2027-09-30', '2027-09-30'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('    date: 2027-03-01', '2027-03-01'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('asOf: 2027-04-30', '2027-04-30'), 'constant.numeric.date.charter');
    });

    it('colours money amounts and the currency of the budget', () => {
      assertScope(doc.scopesAt('approved: 850000', '850000'), 'constant.numeric.money.charter');
      assertScope(doc.scopesAt('contingency: 60000', '60000'), 'constant.numeric.money.charter');
      assertScope(doc.scopesAt('currency: EUR', 'EUR'), 'support.constant.currency.charter');
    });

    it('marks ids, references and people handles', () => {
      assertScope(doc.scopesAt('id: fin-invoice-automation', 'fin-invoice-automation'), 'entity.name.id.charter');
      assertScope(doc.scopesAt('  - id: m-vendor', 'm-vendor'), 'entity.name.id.charter');
      assertScope(doc.scopesAt('programme: finance-transformation', 'finance-transformation'), 'variable.other.reference.charter');
      assertScope(doc.scopesAt('sponsor: jane.doe', 'jane.doe'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('manager: raj.patel', 'raj.patel'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('    owner: raj.patel', 'raj.patel'), 'variable.other.person.charter');
    });

    it('recognises charter values inside flow mappings', () => {
      assertScope(doc.scopesAt('{ category: capex, amount: 500000 }', '500000'), 'constant.numeric.money.charter');
      assertScope(doc.scopesAt('{ person: jane.doe, role: sponsor }', 'jane.doe'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('{ project: fin-erp-upgrade', 'fin-erp-upgrade'), 'variable.other.reference.charter');
      assertScope(doc.scopesAt('{ role: sponsor, person: jane.doe', '2026-12-01'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('{ person: raj.patel, percent: 60', 'raj.patel'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('{ person: raj.patel, percent: 60', '2027-12-17'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('{ person: raj.patel, percent: 60', '{'), 'punctuation.definition.mapping.begin.yaml');
    });

    it('leaves ordinary values without charter scopes', () => {
      const title = doc.scopesAt('title: Invoice automation', 'Invoice automation');
      assert.deepEqual(title, ['source.charter', 'string.unquoted.plain.out.yaml']);
      assertNoCharterScope(doc.scopesAt('phase: delivery', 'delivery'));
      assertNoCharterScope(
        doc.scopesAt('purpose: Invoice entry', 'Invoice entry costs 4.10 EUR per invoice and delays month-end close by three days.'),
      );
      assertNoCharterScope(doc.scopesAt('baseline: 4.10', '4.10'));
      // a role and a decision are not a person handle or a status, even when they read like one
      assertNoCharterScope(doc.scopesAt('{ person: jane.doe, role: sponsor }', 'sponsor'));
      assertNoCharterScope(doc.scopesAt('decision: approved', 'approved'));
      assertNoCharterScope(doc.scopesAt('in: [supplier invoices', 'supplier invoices'));
    });

    it('scopes comments', () => {
      assertScope(doc.scopesAt('id: fin-invoice-automation', '#'), 'punctuation.definition.comment.yaml');
      const comment = doc.scopesAt('id: fin-invoice-automation', ' unique across the portfolio');
      assert.deepEqual(comment, ['source.charter', 'comment.line.number-sign.yaml']);
    });

    it('understands every token itself, without falling back to source.yaml', () => {
      doc.tokens.forEach((line, i) => {
        for (const token of line) {
          if (token.text.trim() === '') continue;
          assert.ok(token.scopes.length > 1, `line ${i + 1}: ${JSON.stringify(token.text)} has only the root scope`);
        }
      });
    });

    it('never grows the rule stack: every line ends back at the root', () => {
      assert.deepEqual(
        doc.depths.map((d, i) => ({ line: i + 1, depth: d })).filter(({ depth }) => depth !== 1),
        [],
      );
    });

    it('asks the registry for source.yaml and tolerates its absence', () => {
      assert.ok(requestedScopes.includes('source.yaml'), `requested: ${requestedScopes.join(', ')}`);
    });
  });

  describe('values', () => {
    it('gives each RAG value its own scope', () => {
      const doc = tokenize('- rag: green\n- rag: amber\n- rag: red\n');
      assertScope(doc.scopesAt('rag: green', 'green'), 'constant.language.rag.green.charter');
      assertScope(doc.scopesAt('rag: amber', 'amber'), 'constant.language.rag.amber.charter');
      assertScope(doc.scopesAt('rag: red', 'red'), 'constant.language.rag.red.charter');
    });

    it('knows every project status, and nothing else after status:', () => {
      for (const status of ['proposed', 'approved', 'active', 'on-hold', 'closed', 'cancelled']) {
        assertScope(tokenize(`status: ${status}`).scopesAt('status:', status), 'constant.language.status.charter');
      }
      assertNoCharterScope(tokenize('status: almost done').scopesAt('status:', 'almost done'));
    });

    it('accepts a quoted decimal as money, and quoted ids', () => {
      const doc = tokenize(['budget: { currency: GBP, cap: "1250000.50" }', "owner: 'jane.doe'", 'id: "fin-quoted"'].join('\n'));
      assertScope(doc.scopesAt('cap:', '1250000.50'), 'constant.numeric.money.charter');
      assertScope(doc.scopesAt('cap:', '1250000.50'), 'string.quoted.double.yaml');
      assertScope(doc.scopesAt('currency: GBP', 'GBP'), 'support.constant.currency.charter');
      assertScope(doc.scopesAt('owner:', 'jane.doe'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('id:', 'fin-quoted'), 'entity.name.id.charter');
    });

    it('marks money of policy thresholds and programme caps', () => {
      const doc = tokenize(
        ['policy:', '  approvalThresholds:', '    - { above: 500000, role: sponsor }', 'budget:', '  cap: 4000000'].join('\n'),
      );
      assertScope(doc.scopesAt('above: 500000', '500000'), 'constant.numeric.money.charter');
      assertScope(doc.scopesAt('cap: 4000000', '4000000'), 'constant.numeric.money.charter');
    });

    it('marks every kind of reference and people handle', () => {
      const doc = tokenize(
        ['- strategicObjective: so-growth', '  approver: jane.doe', '  by: raj.patel', '  person: ana.silva # the delivery lead'].join(
          '\n',
        ),
      );
      assertScope(doc.scopesAt('strategicObjective', 'so-growth'), 'variable.other.reference.charter');
      assertScope(doc.scopesAt('approver:', 'jane.doe'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('by:', 'raj.patel'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('person:', 'ana.silva'), 'variable.other.person.charter');
      assertScope(doc.scopesAt('person:', '#'), 'comment.line.number-sign.yaml');
    });

    it('does not call a value a handle or a date when it is not one', () => {
      const doc = tokenize(['sponsor: Jane Doe', 'end: 2027-13-45', 'when: 2027-01-01, maybe later'].join('\n'));
      assertNoCharterScope(doc.scopesAt('sponsor:', 'Jane Doe'));
      assertNoCharterScope(doc.scopesAt('end:', '2027-13-45'));
      assertNoCharterScope(doc.scopesAt('when:', '2027-01-01, maybe later'));
    });

    it('finds dates in flow sequences and list items', () => {
      const doc = tokenize(['holidays: [2027-12-24, 2027-12-31]', 'dates:', '  - 2027-05-01'].join('\n'));
      assertScope(doc.scopesAt('holidays:', '2027-12-24'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('holidays:', '2027-12-31'), 'constant.numeric.date.charter');
      assertScope(doc.scopesAt('  - 2027-05-01', '2027-05-01'), 'constant.numeric.date.charter');
    });
  });

  describe('suppression comments', () => {
    it('marks the directive and the rule of charter-disable-next-line', () => {
      const doc = tokenize('# charter-disable-next-line budget/contingency-band -- agreed with the PMO\ncontingency: 1000');
      const directive = doc.scopesAt('charter-disable-next-line', 'charter-disable-next-line');
      assertScope(directive, 'keyword.control.directive.charter');
      assertScope(directive, 'comment.line.number-sign.yaml');
      assertScope(doc.scopesAt('charter-disable-next-line', 'budget/contingency-band'), 'entity.name.function.rule.charter');
      const reason = doc.scopesAt('charter-disable-next-line', ' agreed with the PMO');
      assertScope(reason, 'comment.line.number-sign.yaml');
      assertNoCharterScope(reason.filter((s) => s !== 'meta.directive.suppression.charter' && s !== 'string.unquoted.reason.charter'));
    });

    it('marks the file-level charter-disable and a list of rules', () => {
      const doc = tokenize('# charter-disable schema/required, risks/owned -- legacy import');
      assertScope(doc.scopesAt('#', 'charter-disable'), 'keyword.control.directive.charter');
      assertScope(doc.scopesAt('#', 'schema/required'), 'entity.name.function.rule.charter');
      assertScope(doc.scopesAt('#', 'risks/owned'), 'entity.name.function.rule.charter');
    });

    it('treats other comments mentioning the directive as plain comments', () => {
      const doc = tokenize('# see charter-disable in the docs');
      assertScope(doc.scopesAt('#', ' see charter-disable in the docs'), 'comment.line.number-sign.yaml');
      assertNoCharterScope(doc.scopesAt('#', ' see charter-disable in the docs'));
    });
  });

  describe('YAML structure', () => {
    it('keeps block scalar text a string and ends it at the first less indented line', () => {
      const doc = tokenize(
        ['statusReport:', '  recoveryPlan: |', '    rag: red until the vendor signs', '', '    # not a comment', '  rag: red'].join('\n'),
      );
      assertScope(doc.scopesAt('recoveryPlan: |', '|'), 'keyword.control.flow.block-scalar.yaml');
      const inside = doc.scopesAt('    rag: red until', '    rag: red until the vendor signs');
      assertScope(inside, 'string.unquoted.block.yaml');
      assertNoCharterScope(inside);
      assertScope(doc.scopesAt('# not a comment', '    # not a comment'), 'string.unquoted.block.yaml');
      assertScope(doc.scopesAt('  rag: red', 'red'), 'constant.language.rag.red.charter');
      assert.equal(doc.depths[doc.depths.length - 1], 1);
    });

    it('ends a block scalar of a list item at the next key of that item', () => {
      const doc = tokenize(['risks:', '  - response: >-', '      pilot first', '    owner: raj.patel'].join('\n'));
      assertScope(doc.scopesAt('pilot first', '      pilot first'), 'string.unquoted.block.yaml');
      assertScope(doc.scopesAt('owner:', 'raj.patel'), 'variable.other.person.charter');
    });

    it('follows a flow mapping over several lines', () => {
      const doc = tokenize(['stakeholders:', '  - { person: jane.doe,', '      role: sponsor }', 'rag: green'].join('\n'));
      assertScope(doc.scopesAt('role: sponsor }', 'role'), 'meta.flow.mapping.yaml');
      assertScope(doc.scopesAt('role: sponsor }', '}'), 'punctuation.definition.mapping.end.yaml');
      assert.deepEqual(doc.depths, [1, 2, 1, 1]);
    });

    it('recovers from an unclosed flow mapping or quote at the next top-level key', () => {
      const doc = tokenize(['stakeholders:', '  - { person: jane.doe', 'title: "Invoice automation', 'rag: red'].join('\n'));
      assertScope(doc.scopesAt('title:', 'title'), 'entity.name.tag.yaml');
      assertNoCharterScope(doc.scopesAt('title:', 'title'));
      assert.ok(!doc.scopesAt('title:', 'title').includes('meta.flow.mapping.yaml'));
      assertScope(doc.scopesAt('rag: red', 'red'), 'constant.language.rag.red.charter');
      assert.equal(doc.depths[doc.depths.length - 1], 1);
    });

    it('scopes anchors, aliases, tags and document markers', () => {
      const doc = tokenize(['---', 'base: &defaults { rag: green }', 'copy: *defaults', 'note: !!str 2027-01-01', '...'].join('\n'));
      assertScope(doc.scopesAt('base:', 'defaults'), 'variable.other.anchor.yaml');
      assertScope(doc.scopesAt('base:', 'green'), 'constant.language.rag.green.charter');
      assertScope(doc.scopesAt('copy:', 'defaults'), 'variable.other.alias.yaml');
      assertScope(doc.scopesAt('note:', '!!str'), 'storage.type.tag.yaml');
      assertScope(doc.scopesAt('...', '...'), 'entity.other.document.end.yaml');
    });

    it('hands a line it does not understand to source.yaml for that line only', () => {
      const doc = tokenize(['weird: @reserved indicator', 'rag: red'].join('\n'));
      assertScope(doc.scopesAt('weird:', 'weird'), 'entity.name.tag.yaml');
      assertScope(doc.scopesAt('rag: red', 'red'), 'constant.language.rag.red.charter');
      assert.equal(doc.depths[1], 1);
    });

    it('tokenises long prose lines in linear time', () => {
      const started = Date.now();
      tokenize(`summary: ${'word '.repeat(4000)}:x\nin: [${'word '.repeat(4000)}:x]`);
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });
  });
});
