// A few dozen mutated charters against one long-lived server on every `npm test`; `npm run fuzz` runs thousands.
import { startServer } from '../support/lspClient';
import { FUZZ_SETTINGS } from '../fuzz/engineCase';
import { loadCorpus, makeCase } from '../fuzz/mutator';
import { runServerCase, SERVER_ROOT } from '../fuzz/serverCase';

const CASES = 100;

describe('fuzz: mutated charters against one long-lived server', function () {
  this.timeout(180_000);
  it(`answers every request of ${CASES} seeded cases, with every range inside the text`, async () => {
    const corpus = loadCorpus();
    const server = await startServer({ rootUri: SERVER_ROOT, settings: FUZZ_SETTINGS });
    try {
      for (let seed = 1; seed <= CASES; seed++) await runServerCase(server, makeCase(corpus, seed));
    } finally {
      await server.stop();
    }
  });
});
