import { strict as assert } from 'node:assert';
import { getLanguageService } from '../../../../server/src/engine/languageService';
import { baseUri } from '../../../../server/src/engine/change/baseline';
import { normaliseSettings } from '../../../../server/src/engine/settings';
import { PROJECT } from '../harness';

const PATH = 'projects/fin-invoice.charter.yaml';

async function hoverAt(base: string | undefined, head: string, needle: string) {
  const service = getLanguageService({ baseText: async () => (base === undefined ? undefined : { text: base, uri: baseUri('main', PATH), ref: 'main', path: PATH }) });
  const file = service.parse(`file:///portfolio/${PATH}`, head, 1);
  const offset = head.indexOf(needle) + 1;
  return service.doHover(file, file.lines.positionAt(offset), { relativePath: PATH, settings: normaliseSettings({ asOf: '2027-05-15' }) });
}

describe('hover on a value changed against the base', () => {
  it('shows the base value and the delta above what the schema says', async () => {
    const hover = await hoverAt(PROJECT, PROJECT.replace('approved: 850000', 'approved: 900000'), '900000');
    assert.ok(hover);
    assert.ok(hover.contents.startsWith('**Changed against main**\n\n- approved budget changed 850,000 -&gt; 900,000 EUR (+5.9 %) (on main: `850,000`)\n\n---\n\n**Approved budget**'), hover.contents);
    assert.deepEqual(hover.range.start.character, hover.range.end.character - '900000'.length);
  });

  it('adds nothing on an unchanged value, or without a base', async () => {
    const unchanged = await hoverAt(PROJECT, PROJECT.replace('approved: 850000', 'approved: 900000'), 'EUR');
    assert.ok(unchanged && !unchanged.contents.includes('Changed against'));
    const noBase = await hoverAt(undefined, PROJECT.replace('approved: 850000', 'approved: 900000'), '900000');
    assert.ok(noBase && !noBase.contents.includes('Changed against'));
  });

  it('shows a moved date with its day count', async () => {
    const hover = await hoverAt(PROJECT, PROJECT.replace('end: 2027-12-17', 'end: 2028-01-17'), '2028-01-17');
    assert.match(hover!.contents, /- end date moved 2027-12-17 -&gt; 2028-01-17 \(\+31 days\) \(on main: `2027-12-17`\)/);
  });
});
