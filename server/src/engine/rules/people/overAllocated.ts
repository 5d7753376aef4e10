import { docsFor } from '../../utils/docs';
import type { Range, RelatedLocation } from '../../types';
import { isLive } from '../lifecycle';
import { ruleOptions } from '../policyOptions';
import { portfolioRule } from '../ruleTypes';
const DAY = 86_400_000;
/** A person booked on thousands of projects gets a readable message, not all of them: the largest few, then a count. */
const MAX_LISTED = 5;
const MAX_RELATED = 20;

interface Booking {
  projectId: string;
  uri: string;
  own: boolean;
  percent: number;
  range: Range;
  /** Day numbers; the end is inclusive. Open ends are infinite. */
  from: number;
  to: number;
}

/**
 * A person is over-allocated when their allocations that overlap in time add up to more than their
 * `capacityPercent` in people.yaml, else the policy's `maxAllocationPercent`. Both are shares of a
 * full-time week, so a part-timer at 60 % is full with a 60 % allocation. Only live projects book anyone:
 * a proposal has not taken the person yet, a finished project has let them go.
 */
export const overAllocated = portfolioRule({
  id: 'people/over-allocated',
  scope: 'portfolio',
  severity: 'warning',
  summary: "Nobody's overlapping allocations, across all projects, add up to more than their capacity.",
  docs: docsFor('people/over-allocated'),
  kinds: ['Project'],
  messages: {
    overCapacity: '{{person}} is booked {{load}} % {{period}} ({{parts}}), above their capacity of {{capacity}} %. Lower an allocation or move its dates.',
    overPolicyMaximum: "{{person}} is booked {{load}} % {{period}} ({{parts}}), above the policy's maximum of {{capacity}} %. Lower an allocation or move its dates.",
  },
  options: ruleOptions('maxAllocationPercent', 'liveStatuses'),
  check({ target, portfolio, policy, report }) {
    const facts = target.facts;
    if (facts.kind !== 'Project' || !isLive(facts.status?.value, policy)) return;
    const persons = [...new Set(facts.allocations.filter((a) => a.percent).map((a) => a.person.value))];
    for (const person of persons) {
      const listed = portfolio.people(person).find((p) => p.capacityPercent !== undefined);
      const capacity = listed?.capacityPercent ?? policy.maxAllocationPercent;
      const above = listed ? 'overCapacity' : 'overPolicyMaximum';
      const bookings: Booking[] = portfolio
        .allocationsOf(person)
        .filter((entry) => isLive(entry.status, policy))
        .flatMap((entry) =>
          entry.allocations.map((a) => ({
            projectId: entry.projectId ?? entry.ref.relativePath,
            uri: entry.ref.uri,
            own: entry.ref.key === target.ref.key,
            percent: a.percent.value,
            range: a.percent.range,
            from: a.from ? dayOf(a.from) : -Infinity,
            to: a.to ? dayOf(a.to) : Infinity,
          })),
        );
      for (const own of bookings.filter((b) => b.own)) {
        const peak = peakWithin(own, bookings);
        if (peak.load <= capacity) continue;
        const others = peak.active.filter((b) => b !== own).sort((a, b) => b.percent - a.percent);
        const listed = others.slice(0, MAX_LISTED);
        const parts = [`${own.percent} % here`, ...listed.map((b) => (b.uri === own.uri ? `${b.percent} % more here` : `${b.percent} % on ${b.projectId}`))];
        if (others.length > listed.length) parts.push(`... and ${(others.length - listed.length).toLocaleString('en')} more`);
        report(
          own.range,
          { messageId: above, data: { person, load: peak.load, period: period(peak.from, peak.to), parts: parts.join(', '), capacity } },
          { related: others.slice(0, MAX_RELATED).map((b): RelatedLocation => ({ uri: b.uri, range: b.range, message: `${person}: ${b.percent} % on ${b.projectId}` })) },
        );
      }
    }
  },
});

/**
 * The highest total load during `own`'s period, where it first occurs, and the bookings making it up:
 * one sweep over the start and end days of the overlapping bookings, O(n log n) in bookings.
 */
function peakWithin(own: Booking, all: Booking[]): { load: number; from: number; to: number; active: Booking[] } {
  const overlapping = all.filter((b) => b.from <= own.to && own.from <= b.to);
  const events: Array<{ day: number; delta: number }> = [];
  for (const b of overlapping) {
    events.push({ day: Math.max(b.from, own.from), delta: b.percent });
    if (b.to < own.to) events.push({ day: b.to + 1, delta: -b.percent });
  }
  events.sort((a, b) => a.day - b.day);
  let load = 0;
  let best = { load: -1, from: own.from, to: own.to };
  for (let i = 0; i < events.length; ) {
    const day = events[i].day;
    while (i < events.length && events[i].day === day) load += events[i++].delta;
    const to = i < events.length ? events[i].day - 1 : own.to;
    if (load > best.load) best = { load, from: day, to };
  }
  const active = overlapping.filter((b) => b.from <= best.from && best.from <= b.to);
  return { ...best, load: active.reduce((sum, b) => sum + b.percent, 0), active };
}

function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function period(from: number, to: number): string {
  if (from === -Infinity && to === Infinity) return 'with no end date';
  if (from === -Infinity) return `until ${isoOf(to)}`;
  if (to === Infinity) return `from ${isoOf(from)} on`;
  return from === to ? `on ${isoOf(from)}` : `from ${isoOf(from)} to ${isoOf(to)}`;
}
