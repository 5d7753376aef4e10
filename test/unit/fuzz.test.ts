// A few hundred mutated charters through the engine on every `npm test`; `npm run fuzz` runs many more,
// through the CLI and one long-lived server as well.
import { getLanguageService } from '../../server/src/engine/languageService';
import { runEngineCase } from '../fuzz/engineCase';
import { loadCorpus, makeCase } from '../fuzz/mutator';

const CASES = 300;

describe('fuzz: mutated charters through the engine', function () {
  this.timeout(120_000);
  it(`survives ${CASES} seeded cases: no throw, no failed check, every range inside the text`, async () => {
    const corpus = loadCorpus();
    const service = getLanguageService();
    for (let seed = 1; seed <= CASES; seed++) await runEngineCase(service, makeCase(corpus, seed));
  });
});
