// The side-by-side table: one row per figure, ours, theirs and the ratio ours/theirs. The console and
// RESULTS.md print the same rows.
import { CACHE_COLD, CACHE_WARM, editorPair, type BenchResults } from './results';
import { ratio } from './stats';

export interface Row {
  group: string;
  metric: string;
  ours: string;
  theirs: string;
  ratio: string;
}

export const fmtMs = (v: number | undefined): string => (v === undefined ? 'n/a' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
export const fmtMiB = (v: number | undefined): string => (v === undefined ? 'n/a' : `${(v / 2 ** 20).toFixed(0)} MiB`);
const fmtRatio = (v: number | undefined): string => (v === undefined ? '' : `${v.toFixed(2)}`);

export function sideBySide(r: Omit<BenchResults, 'targets' | 'durationSeconds'>): Row[] {
  const rows: Row[] = [];
  const add = (group: string, metric: string, o: number | undefined, t: number | undefined, fmt: (v: number | undefined) => string, oursText?: string) =>
    rows.push({ group, metric, ours: oursText ?? fmt(o), theirs: fmt(t), ratio: oursText ? '' : fmtRatio(ratio(o, t)) });

  for (const size of r.config.sizes) {
    for (const errors of [false, true]) {
      const { ours, theirs } = editorPair(r, size, errors);
      if (!ours || !theirs) continue;
      const group = `${ours.lines.toLocaleString('en')}-line charter, ${errors ? `${ours.planted} planted errors` : 'clean'}`;
      const o = ours.summary;
      const t = theirs.summary;
      add(group, 'initialise', o.initMs, t.initMs, fmtMs);
      add(group, 'open to first diagnostics', o.openMs, t.openMs, fmtMs);
      add(group, 'per edit, median', o.editMedianMs, t.editMedianMs, fmtMs);
      add(group, 'per edit, p95', o.editP95Ms, t.editP95Ms, fmtMs);
      add(group, 'server CPU per edit', o.cpuPerEditMs, t.cpuPerEditMs, fmtMs);
      if (!errors) {
        add(group, 'completion, median', o.completionMedianMs, t.completionMedianMs, fmtMs, o.completes ? undefined : 'n/a (the server offers no completion)');
        add(group, 'completion, p95', o.completionP95Ms, t.completionP95Ms, fmtMs, o.completes ? undefined : 'n/a (the server offers no completion)');
      }
      add(group, 'peak RSS', o.peakRssBytes, t.peakRssBytes, fmtMiB);
      add(group, `schema problems reported (planted ${ours.planted})`, o.schemaProblems, t.schemaProblems, (v) => (v === undefined ? 'n/a' : String(v)));
      const floor = r.floor.find((f) => f.size === size && f.errors === errors);
      if (floor) {
        rows.push({
          group,
          metric: 'floor: yaml parse + ajv, median',
          ours: fmtMs(floor.medianMs),
          theirs: '',
          ratio: `edit = ${fmtRatio(ratio(o.editMedianMs, floor.medianMs))}x floor`,
        });
        rows.push({
          group,
          metric: 'floor: CPU per validation',
          ours: fmtMs(floor.cpuMeanMs),
          theirs: '',
          ratio: `edit CPU = ${fmtRatio(ratio(o.cpuPerEditMs, floor.cpuMeanMs))}x floor`,
        });
      }
    }
  }

  for (const { projects } of r.config.workspaces) {
    const ours = r.workspace.find((w) => w.server === 'charter' && w.projects === projects);
    const theirs = r.workspace.find((w) => w.server === 'yaml-language-server' && w.projects === projects);
    if (ours || theirs) {
      const modes = ours && theirs && ours.mode !== theirs.mode ? `${ours.mode} / ${theirs.mode}` : (ours ?? theirs)!.mode;
      const group = `workspace, ${projects.toLocaleString('en')} charters (${(ours ?? theirs)!.files.toLocaleString('en')} files, mode ${modes})`;
      const unfinished = (w: typeof ours) => (w && w.summary.missing > 0 ? `${w.summary.missing.toLocaleString('en')} files still without findings after ${fmtMs(Math.max(...w.runs.map((r) => r.allFindingsMs)))}` : undefined);
      rows.push({
        group,
        metric: 'start to findings for every file',
        ours: unfinished(ours) ?? fmtMs(ours?.summary.allFindingsMs),
        theirs: unfinished(theirs) ?? fmtMs(theirs?.summary.allFindingsMs),
        ratio: fmtRatio(ratio(ours?.summary.allFindingsMs, theirs?.summary.allFindingsMs)),
      });
      add(group, 'server CPU until then', ours?.summary.allFindingsCpuMs, theirs?.summary.allFindingsCpuMs, fmtMs);
      add(group, "one edit's update", ours?.summary.editSettledMs, theirs?.summary.editSettledMs, fmtMs);
      add(group, 'other files republished by that edit', ours?.summary.othersRepublished, theirs?.summary.othersRepublished, (v) => (v === undefined ? 'n/a' : String(v)));
      add(group, 'peak RSS', ours?.summary.peakRssBytes, theirs?.summary.peakRssBytes, fmtMiB);
    }
    const check = r.cli.find((c) => c.tool === 'charter check' && c.projects === projects);
    const ajv = r.cli.find((c) => c.tool === 'ajv-cli' && c.projects === projects);
    if (check || ajv) {
      const group = `CLI, ${projects.toLocaleString('en')} charters: charter check vs ajv-cli`;
      const killed = check?.summary.timedOut ? `killed after ${fmtMs(check.summary.wallMs)}` : undefined;
      add(group, 'files per second', check?.summary.filesPerSecond, ajv?.summary.filesPerSecond, (v) => (v === undefined ? 'n/a' : v.toFixed(0)), killed);
      add(group, 'wall time', check?.summary.wallMs, ajv?.summary.wallMs, fmtMs);
      add(group, 'CPU time (user + system)', check?.summary.cpuMs, ajv?.summary.cpuMs, fmtMs);
      add(group, 'peak RSS', check?.summary.peakRssBytes, ajv?.summary.peakRssBytes, fmtMiB);
      for (const tool of [CACHE_COLD, CACHE_WARM] as const) {
        const cached = r.cli.find((c) => c.tool === tool && c.projects === projects);
        if (!cached) continue;
        const which = tool === CACHE_COLD ? '--cache, cold' : '--cache, warm';
        add(group, `files per second (${which})`, cached.summary.filesPerSecond, ajv?.summary.filesPerSecond, (v) => (v === undefined ? 'n/a' : v.toFixed(0)));
        add(group, `CPU time (${which})`, cached.summary.cpuMs, ajv?.summary.cpuMs, fmtMs);
        add(group, `peak RSS (${which})`, cached.summary.peakRssBytes, ajv?.summary.peakRssBytes, fmtMiB);
      }
    }
  }
  return rows;
}

export function printTable(rows: Row[]): string {
  const header: Row = { group: 'case', metric: 'figure', ours: 'charter', theirs: 'yaml-language-server / ajv-cli', ratio: 'ours/theirs' };
  const all = [header, ...rows];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const w = { group: width('group'), metric: width('metric'), ours: width('ours'), theirs: width('theirs'), ratio: width('ratio') };
  const line = (r: Row, i: number) => {
    const group = i > 0 && all[i - 1].group === r.group ? '' : r.group;
    return `${group.padEnd(w.group)}  ${r.metric.padEnd(w.metric)}  ${r.ours.padStart(w.ours)}  ${r.theirs.padStart(w.theirs)}  ${r.ratio.padStart(w.ratio)}`;
  };
  const out = [line(header, 0), '-'.repeat(w.group + w.metric + w.ours + w.theirs + w.ratio + 8)];
  rows.forEach((r, i) => out.push(line(r, i + 1)));
  return out.join('\n');
}

export function markdownTable(rows: Row[]): string {
  const out = ['| case | figure | charter | yaml-language-server / ajv-cli | ours/theirs |', '|---|---|---:|---:|---:|'];
  rows.forEach((r, i) => {
    const group = i > 0 && rows[i - 1].group === r.group ? '' : r.group;
    out.push(`| ${group} | ${r.metric} | ${r.ours} | ${r.theirs} | ${r.ratio} |`);
  });
  return out.join('\n');
}
