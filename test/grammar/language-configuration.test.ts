import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// syntaxes/language-configuration.json, read the way VS Code reads it (patterns become RegExps).

interface OnEnterRule {
  beforeText: string;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}
interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { offSide: boolean };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
}

const config = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../syntaxes/language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/** The word VS Code would take at `offset` (double-click, rename, completion range). */
function wordAt(text: string, offset: number): string | undefined {
  const pattern = new RegExp(config.wordPattern, 'g');
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start <= offset && offset <= start + match[0].length) return match[0];
  }
  return undefined;
}

function wordIn(line: string, inside: string): string | undefined {
  return wordAt(line, line.indexOf(inside) + 1);
}

/** The action of the first on-enter rule whose beforeText matches, as VS Code picks it. */
function onEnter(beforeText: string): OnEnterRule['action'] | undefined {
  return config.onEnterRules.find((rule) => new RegExp(rule.beforeText).test(beforeText))?.action;
}

describe('charter language configuration', () => {
  it('comments with #, pairs brackets and quotes, folds by indentation', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [
      ['{', '}'],
      ['[', ']'],
    ]);
    assert.deepEqual(
      config.autoClosingPairs.map((p) => p.open + p.close),
      ['{}', '[]', '""', "''"],
    );
    assert.deepEqual(
      config.surroundingPairs.map((p) => p.join('')),
      ['{}', '[]', '""', "''"],
    );
    assert.equal(config.folding.offSide, true);
  });

  it('keeps ids, people handles, dates and amounts as one word', () => {
    assert.equal(wordIn('id: fin-invoice-automation', 'invoice'), 'fin-invoice-automation');
    assert.equal(wordIn('sponsor: jane.doe', 'doe'), 'jane.doe');
    assert.equal(wordIn('  - { person: raj.patel, percent: 60 }', 'raj'), 'raj.patel');
    assert.equal(wordIn('  start: 2027-01-04', '01-04'), '2027-01-04');
    assert.equal(wordIn('    baseline: 4.10', '4.10'), '4.10');
    assert.equal(wordIn('# charter-disable-next-line budget/contingency-band', 'contingency'), 'contingency-band');
  });

  it('stops words at YAML punctuation and at the end of a sentence', () => {
    assert.equal(wordIn('sponsor: jane.doe', 'sponsor'), 'sponsor');
    assert.equal(wordIn('  - { person: raj.patel, percent: 60 }', 'person'), 'person');
    assert.equal(wordIn('response: Pilot three vendors before committing.', 'committing'), 'committing');
  });

  it('indents after a line that opens a mapping, a list item mapping or a block scalar', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    for (const line of [
      'budget:',
      '  breakdown:',
      '  - scope:',
      'summary: |',
      'commentary: >-  # folded',
      'policy: &policy',
      'objectives:   # required',
      '"quoted key":',
      'in: [',
      'budget: {',
    ]) {
      assert.ok(increase.test(line), `should indent after ${JSON.stringify(line)}`);
    }
    for (const line of [
      'title: Invoice automation',
      '# note:',
      '  - { person: jane.doe, role: sponsor }',
      'url: https://charter.dev',
      'in: [a, b]',
    ]) {
      assert.ok(!increase.test(line), `should not indent after ${JSON.stringify(line)}`);
    }
    assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  ]'));
  });

  it('on Enter, indents under a key and lines up with the key of a list item', () => {
    assert.deepEqual(onEnter('budget:'), { indent: 'indent' });
    assert.deepEqual(onEnter('  recoveryPlan: |'), { indent: 'indent' });
    assert.deepEqual(onEnter('  - scope:'), { indent: 'indent', appendText: '  ' });
    assert.deepEqual(onEnter('  - id: m-vendor'), { indent: 'none', appendText: '  ' });
    assert.equal(onEnter('title: Invoice automation'), undefined);
    assert.equal(onEnter('  - { person: jane.doe, role: sponsor }'), undefined);
    assert.equal(onEnter('  - supplier invoices'), undefined);
    assert.equal(onEnter('# a comment:'), undefined);
  });
});
