// Trends from the history of a project's status reports: how long it has had its RAG, whether it got
// better or worse since the last report, how often the forecasts moved. History is data: the charter's
// own `statusReports:` list, or snapshots the CLI or a trusted workspace read from git and hand in.
// Nothing here runs git.
import { parseAllDocuments } from 'yaml';
import { isDict } from '../model/charterReader';
import { parseMoney, type Money } from '../rules/money';
import { daysBetween, isIsoDate } from '../utils/dates';
import type { Rag } from '../model/vocabulary';
import { DOCUMENT_KINDS, type DocumentKind } from '../model/documentKinds';

/** An old version's project is its first document of no other known kind (a charter may omit `kind:`). */
const NOT_PROJECTS: readonly DocumentKind[] = DOCUMENT_KINDS.filter((k) => k !== 'Project');
import { isRag, isWorseRag } from '../rules/lifecycle';


/** What one status report said, with the figures of its day. */
export interface StatusSnapshot {
  asOf: string;
  rag?: Rag;
  confidence?: string;
  forecastEnd?: string;
  forecastAtCompletion?: Money;
}

/** The most snapshots a trend reads: history beyond a few years of monthly reports adds nothing but work. */
export const MAX_SNAPSHOTS = 200;
/** A past version longer than this is skipped, not parsed: charters are a few kilobytes. */
const MAX_VERSION_CHARS = 2_000_000;

/** Where the history came from: the charter's list, git, only the current report, or nothing. */
export type TrendSource = 'statusReports' | 'git' | 'current' | 'none';

export interface Trend {
  source: TrendSource;
  /** Oldest first, one per reporting day: the points of a trend line. */
  points: Array<{ asOf: string; rag?: Rag }>;
  rag?: Rag;
  /** The first report of the current unbroken run of this RAG, and its length to today in days. */
  ragSince?: string;
  ragDays?: number;
  /** The RAG of the report before the latest. */
  previousRag?: Rag;
  direction: 'worse' | 'better' | 'same' | 'unknown';
  /** How many times the forecast end (and the forecast cost) changed from one report to the next. */
  forecastEndMoves: number;
  forecastCostMoves: number;
  /** Plain phrases for tooltips and reports: "Red for 63 days", "amber -> red since last report", "forecast end moved 3 times". */
  phrases: string[];
}

/** The current report (with today's forecasts) and the `statusReports:` list of a Project value, newest first. */
export function snapshotsFromCharter(project: unknown): StatusSnapshot[] {
  const root = isDict(project) ? project : {};
  const schedule = isDict(root.schedule) ? root.schedule : {};
  const budget = isDict(root.budget) ? root.budget : {};
  const snapshots: StatusSnapshot[] = [];
  const current = snapshotOf(root.statusReport, { forecastEnd: schedule.forecastEnd, forecastAtCompletion: budget.forecastAtCompletion });
  if (current) snapshots.push(current);
  const history = Array.isArray(root.statusReports) ? root.statusReports.slice(0, MAX_SNAPSHOTS) : [];
  for (const entry of history) {
    const past = snapshotOf(entry, isDict(entry) ? entry : {});
    if (past) snapshots.push(past);
  }
  return newestFirst(snapshots);
}

/**
 * The current report of each past version of a charter file (the texts git kept, in any order): one
 * snapshot per reporting day. A version that does not parse, or has no dated report, adds nothing.
 */
export function snapshotsFromVersions(texts: string[]): StatusSnapshot[] {
  const snapshots: StatusSnapshot[] = [];
  for (const text of texts.slice(0, MAX_SNAPSHOTS)) {
    if (text.length > MAX_VERSION_CHARS) continue;
    let value: unknown;
    try {
      const docs = parseAllDocuments(text, { uniqueKeys: false });
      const list = Array.isArray(docs) ? docs : [docs];
      value = list.map((d) => d.toJS({ maxAliasCount: 100 })).find((v) => isDict(v) && !NOT_PROJECTS.includes(v.kind as DocumentKind));
    } catch {
      continue; // an old version that does not parse is no data point
    }
    const first = snapshotsFromCharter(value)[0];
    if (first) snapshots.push(first);
  }
  return newestFirst(snapshots);
}

/** Snapshots newest first, one per `asOf` (the first seen wins: the charter's current report over history). */
function newestFirst(snapshots: StatusSnapshot[]): StatusSnapshot[] {
  const seen = new Set<string>();
  const unique = snapshots.filter((s) => (seen.has(s.asOf) ? false : (seen.add(s.asOf), true)));
  return unique.sort((a, b) => b.asOf.localeCompare(a.asOf)).slice(0, MAX_SNAPSHOTS);
}

function snapshotOf(report: unknown, figures: { forecastEnd?: unknown; forecastAtCompletion?: unknown }): StatusSnapshot | undefined {
  if (!isDict(report) || typeof report.asOf !== 'string' || !isIsoDate(report.asOf)) return undefined;
  const rag = isRag(report.rag) ? report.rag : undefined;
  const snapshot: StatusSnapshot = { asOf: report.asOf, rag };
  if (typeof report.confidence === 'string') snapshot.confidence = report.confidence;
  if (typeof figures.forecastEnd === 'string' && isIsoDate(figures.forecastEnd)) snapshot.forecastEnd = figures.forecastEnd;
  const cost = parseMoney(figures.forecastAtCompletion);
  if (cost !== undefined) snapshot.forecastAtCompletion = cost;
  return snapshot;
}

/** The trend of snapshots given newest first, as of `today`. */
export function computeTrend(snapshots: StatusSnapshot[], today: string, source: TrendSource): Trend {
  const rated = snapshots.filter((s) => s.rag);
  const trend: Trend = {
    source: snapshots.length > 0 ? source : 'none',
    points: snapshots.slice().reverse().map((s) => ({ asOf: s.asOf, rag: s.rag })),
    direction: 'unknown',
    forecastEndMoves: moves(snapshots.map((s) => s.forecastEnd)),
    forecastCostMoves: moves(snapshots.map((s) => s.forecastAtCompletion)),
    phrases: [],
  };
  const latest = rated[0];
  if (latest?.rag) {
    let since = latest.asOf;
    for (const s of rated) {
      if (s.rag !== latest.rag) break;
      since = s.asOf;
    }
    trend.rag = latest.rag;
    trend.ragSince = since;
    trend.ragDays = Math.max(daysBetween(since, today), 0);
    const capital = latest.rag.charAt(0).toUpperCase() + latest.rag.slice(1);
    if (rated.length > 1 || trend.ragDays > 0) trend.phrases.push(`${capital} for ${trend.ragDays} day${trend.ragDays === 1 ? '' : 's'}`);
    const previous = rated[1]?.rag;
    if (previous) {
      trend.previousRag = previous;
      trend.direction = isWorseRag(latest.rag, previous) ? 'worse' : isWorseRag(previous, latest.rag) ? 'better' : 'same';
      if (trend.direction !== 'same') trend.phrases.push(`${previous} -> ${latest.rag} since last report`);
    }
  }
  if (trend.forecastEndMoves > 0) trend.phrases.push(`forecast end moved ${times(trend.forecastEndMoves)}`);
  if (trend.forecastCostMoves > 0) trend.phrases.push(`forecast cost moved ${times(trend.forecastCostMoves)}`);
  return trend;
}

/** How many times a value changed between consecutive reports that give it. */
function moves<T>(values: Array<T | undefined>): number {
  const given = values.filter((v): v is T => v !== undefined);
  let count = 0;
  for (let i = 1; i < given.length; i++) if (given[i] !== given[i - 1]) count++;
  return count;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
