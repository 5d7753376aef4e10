import { strict as assert } from 'node:assert';
import { computeTrend, snapshotsFromCharter, snapshotsFromVersions } from '../../../server/src/engine/metrics/trends';

const PROJECT = {
  schedule: { start: '2027-01-04', end: '2027-12-17', forecastEnd: '2028-02-01' },
  budget: { currency: 'EUR', approved: 850000, forecastAtCompletion: 900000 },
  statusReport: { asOf: '2027-04-30', rag: 'red', confidence: 'amber-red' },
  statusReports: [
    { asOf: '2027-03-31', rag: 'red', forecastEnd: '2028-01-14', forecastAtCompletion: 900000 },
    { asOf: '2027-02-28', rag: 'amber', forecastEnd: '2027-12-31', forecastAtCompletion: 850000 },
    { asOf: '2027-01-31', rag: 'green', forecastEnd: '2027-12-17', forecastAtCompletion: 850000 },
  ],
};

describe('trends', () => {
  it('reads the current report with today\'s forecasts and the history, newest first', () => {
    const snapshots = snapshotsFromCharter(PROJECT);
    assert.deepEqual(snapshots.map((s) => [s.asOf, s.rag, s.forecastEnd]), [
      ['2027-04-30', 'red', '2028-02-01'],
      ['2027-03-31', 'red', '2028-01-14'],
      ['2027-02-28', 'amber', '2027-12-31'],
      ['2027-01-31', 'green', '2027-12-17'],
    ]);
    assert.equal(snapshots[0].confidence, 'amber-red');
  });

  it('says how long the RAG has held, whether it got worse, and how often the forecasts moved', () => {
    const trend = computeTrend(snapshotsFromCharter(PROJECT), '2027-06-02', 'statusReports');
    // Red since the 2027-03-31 report: 63 days to 2027-06-02.
    assert.equal(trend.rag, 'red');
    assert.equal(trend.ragSince, '2027-03-31');
    assert.equal(trend.ragDays, 63);
    assert.equal(trend.previousRag, 'red');
    assert.equal(trend.direction, 'same');
    assert.equal(trend.forecastEndMoves, 3);
    assert.equal(trend.forecastCostMoves, 1);
    assert.deepEqual(trend.phrases, ['Red for 63 days', 'forecast end moved 3 times', 'forecast cost moved once']);
    assert.deepEqual(trend.points.map((p) => p.rag), ['green', 'amber', 'red', 'red']);
  });

  it('reports a change since the last report', () => {
    const worse = { ...PROJECT, statusReports: PROJECT.statusReports.slice(1) };
    const trend = computeTrend(snapshotsFromCharter(worse), '2027-05-15', 'statusReports');
    assert.equal(trend.direction, 'worse');
    assert.deepEqual(trend.phrases.slice(0, 2), ['Red for 15 days', 'amber -> red since last report']);
    const better = computeTrend(snapshotsFromCharter({ statusReport: { asOf: '2027-04-30', rag: 'green' }, statusReports: [{ asOf: '2027-03-31', rag: 'amber' }] }), '2027-04-30', 'statusReports');
    assert.equal(better.direction, 'better');
    assert.deepEqual(better.phrases, ['Green for 0 days', 'amber -> green since last report']);
  });

  it('has no trend without reports, and skips malformed history entries', () => {
    const none = computeTrend(snapshotsFromCharter({}), '2027-05-15', 'statusReports');
    assert.deepEqual([none.source, none.direction, none.phrases, none.points], ['none', 'unknown', [], []]);
    const odd = snapshotsFromCharter({ statusReport: { asOf: '2027-04-30', rag: 'purple' }, statusReports: ['x', { rag: 'red' }, { asOf: '2027-02-30', rag: 'red' }, null] });
    assert.deepEqual(odd, [{ asOf: '2027-04-30', rag: undefined }]);
    assert.equal(computeTrend(odd, '2027-05-15', 'statusReports').direction, 'unknown');
  });

  it('reads one data point per reporting day from past versions of the file (git history)', () => {
    const version = (asOf: string, rag: string, forecastEnd: string) =>
      `apiVersion: charter/v1\nkind: Project\nid: p\nschedule: { start: 2027-01-04, end: 2027-12-17, forecastEnd: ${forecastEnd} }\nstatusReport: { asOf: ${asOf}, rag: ${rag} }\n`;
    const snapshots = snapshotsFromVersions([
      version('2027-04-30', 'red', '2028-01-14'),
      version('2027-04-30', 'red', '2028-01-14'), // a commit that changed something else
      version('2027-03-31', 'amber', '2027-12-31'),
      'kind: [unclosed',
      version('2027-02-28', 'green', '2027-12-17'),
    ]);
    assert.deepEqual(snapshots.map((s) => s.asOf), ['2027-04-30', '2027-03-31', '2027-02-28']);
    const trend = computeTrend(snapshots, '2027-05-15', 'git');
    assert.deepEqual(trend.phrases, ['Red for 15 days', 'amber -> red since last report', 'forecast end moved twice']);
    assert.equal(trend.source, 'git');
  });
});
