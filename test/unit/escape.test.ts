import { strict as assert } from 'node:assert';
import { classToken, csvCell, escapeHtml, markdownCell, markdownCode, markdownText, mermaidText, pullRequestText, terminalText, terminalVisible } from '../../server/src/engine/utils/escape';

describe('escape', () => {
  it('escapeHtml: markup and quotes become entities, control characters and bidi overrides go', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>\u0000\u202e`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('classToken: only letters, digits and dashes', () => {
    assert.equal(classToken('in-progress'), 'in-progress');
    assert.equal(classToken('done" onclick="x'), 'done-onclick-x');
    assert.equal(classToken('"><'), 'other');
  });

  it('markdownText and markdownCell: one line, no HTML, no link, no emphasis, `|` stays in its cell', () => {
    assert.equal(markdownText('a\nb\r\nc'), 'a b c');
    assert.equal(markdownText('<b>x</b> [l](u) *e* _u_ `c` a|b'), '&lt;b&gt;x&lt;/b&gt; \\[l\\](u) \\*e\\* \\_u\\_ \\`c\\` a\\|b');
    assert.equal(markdownCell('a | b'), 'a \\| b');
  });

  it('markdownCode: a fence longer than any backtick run inside, `|` escaped', () => {
    assert.equal(markdownCode('fin-erp'), '`fin-erp`');
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`x'), '`` `x ``');
    assert.equal(markdownCode('a|b'), '`a\\|b`');
  });

  it('mermaidText: no colon, comment, statement end, markup or line break', () => {
    assert.equal(mermaidText('Go-live: phase #2; <b>now</b>\nclick x'), 'Go-live phase 2 b now /b click x');
    assert.equal(mermaidText(':#;'), '-');
  });

  it('csvCell: a formula becomes text (OWASP), numbers stay numbers', () => {
    for (const formula of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) assert.equal(csvCell(formula), `'${formula}`);
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell(-5), -5);
    assert.equal(csvCell(undefined), '');
  });

  it('terminalText: escape sequences and control characters are removed, line breaks become spaces', () => {
    assert.equal(terminalText('\u001b[31mred\u001b[0m'), 'red');
    assert.equal(terminalText('\u001b]0;title\u0007x'), 'x');
    assert.equal(terminalText('\u001b]8;;https://e\u001b\\link\u001b]8;;\u001b\\'), 'link');
    assert.equal(terminalText('a\nb\tc\u0000\u0007\u009b2J\u202ed'), 'a b cd');
    assert.equal(terminalText('a\r\nb\u001b[2Jc', { keepLineBreaks: true }), 'a\r\nbc');
  });

  it('terminalVisible: control characters and bidi overrides are shown as escapes, not removed', () => {
    assert.equal(terminalVisible('a\u001b[2Jb\u202ec\nd'), 'a\\u001b[2Jb\\u202ec\\u000ad');
  });

  it('keeps a pull-request comment from mentioning anyone, on top of the Markdown escaping', () => {
    assert.equal(pullRequestText('@octocat and @org/team <b>x</b>'), '@\u200boctocat and @\u200borg/team &lt;b&gt;x&lt;/b&gt;');
  });
});
