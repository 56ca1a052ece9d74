/**
 * Course spaces: the pure rules. An edition's phases (from its dates), when an item is available to a
 * person, whether a reported outcome completes an item under its rule, progress roll-ups and the next
 * thing to do, and date shifting for copies. No I/O. PERSISTED: the phase codes.
 */
import type { EditionPhases } from '../catalogue/course.js';
import type { CompletionRule, ItemOutcome } from './space-item-kind.js';

/** The phases a section may belong to (the edition's dated phases). */
export const PHASES = ['self-paced', 'live', 'residential', 'assignment'] as const;
export type Phase = (typeof PHASES)[number];

/** Where an edition stands on a day: before it, in a phase, between phases, or over. */
export type PhaseNow = 'before' | Phase | 'between' | 'ended';

/** The dated span of each phase an edition has (the assignment runs from the end of the live or residential phase to its due date). */
export function phaseSpans(
  edition: EditionPhases & { startsOn: string; endsOn: string },
): { phase: Phase; start: string; end: string }[] {
  const spans: { phase: Phase; start: string; end: string }[] = [];
  if (edition.selfPacedStart && edition.selfPacedEnd)
    spans.push({ phase: 'self-paced', start: edition.selfPacedStart, end: edition.selfPacedEnd });
  if (edition.liveStart && edition.liveEnd)
    spans.push({ phase: 'live', start: edition.liveStart, end: edition.liveEnd });
  if (edition.residentialStart && edition.residentialEnd)
    spans.push({ phase: 'residential', start: edition.residentialStart, end: edition.residentialEnd });
  if (edition.assignmentDue) {
    const lastEnd = latestOf(
      spans.map((s) => s.end),
      edition.startsOn,
    );
    if (edition.assignmentDue > lastEnd)
      spans.push({ phase: 'assignment', start: nextDay(lastEnd), end: edition.assignmentDue });
  }
  return spans.sort((a, b) => a.start.localeCompare(b.start));
}

/** Pure: the phase of `today` (`YYYY-MM-DD`). */
export function currentPhase(
  edition: EditionPhases & { startsOn: string; endsOn: string },
  today: string,
): PhaseNow {
  const spans = phaseSpans(edition);
  const first = spans[0]?.start ?? edition.startsOn;
  const last = latestOf(
    spans.map((s) => s.end),
    edition.endsOn,
  );
  if (today < first) return 'before';
  if (today > last) return 'ended';
  return spans.find((s) => s.start <= today && today <= s.end)?.phase ?? 'between';
}

/** The latest of some `YYYY-MM-DD` days (ISO dates sort as text). */
function latestOf(days: readonly string[], floor: string): string {
  let latest = floor;
  for (const day of days) if (day > latest) latest = day;
  return latest;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Pure: does `outcome` complete an item whose rule is `rule`? */
export function outcomeCompletes(rule: CompletionRule, outcome: ItemOutcome['kind']): boolean {
  switch (rule) {
    case 'viewed':
      return outcome !== 'failed';
    case 'marked-done':
      return outcome === 'marked-done';
    case 'passed':
      return outcome === 'passed';
    // A package is completed whether its score passed or failed (SCORM's completion and success are separate).
    case 'completed':
      return outcome === 'completed' || outcome === 'passed' || outcome === 'failed';
    case 'attended':
      return outcome === 'attended';
    case 'submitted':
      return outcome === 'submitted';
  }
}

/** The facts about one item that availability and progress read. */
export interface ItemFacts {
  id: string;
  required: boolean;
  availableFrom: string | null;
  afterItemId: string | null;
  dueAt: string | null;
}

/** Why an item is not open to a person yet (null: it is open). */
export type Locked = { reason: 'date'; from: string } | { reason: 'after'; itemId: string } | null;

/** Pure: whether `item` is open at `now` to a person who completed `completed`. */
export function lockOf(item: ItemFacts, now: string, completed: ReadonlySet<string>): Locked {
  if (item.availableFrom && item.availableFrom > now) return { reason: 'date', from: item.availableFrom };
  if (item.afterItemId && !completed.has(item.afterItemId))
    return { reason: 'after', itemId: item.afterItemId };
  return null;
}

/** Done out of total, for required items (and all items). */
export interface Tally {
  requiredDone: number;
  requiredTotal: number;
  done: number;
  total: number;
}

/** Pure: the tally of `items` for a person who completed `completed`. */
export function tally(items: readonly ItemFacts[], completed: ReadonlySet<string>): Tally {
  const out: Tally = { requiredDone: 0, requiredTotal: 0, done: 0, total: 0 };
  for (const item of items) {
    const done = completed.has(item.id);
    out.total += 1;
    if (done) out.done += 1;
    if (item.required) {
      out.requiredTotal += 1;
      if (done) out.requiredDone += 1;
    }
  }
  return out;
}

/** Pure: a tally as a whole percentage (required items when there are any, else all items). */
export function percent(t: Tally): number {
  const [done, total] = t.requiredTotal ? [t.requiredDone, t.requiredTotal] : [t.done, t.total];
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

/** Pure: the first open, not yet completed item in order (required ones first), or null. */
export function nextToDo<T extends ItemFacts>(
  ordered: readonly T[],
  now: string,
  completed: ReadonlySet<string>,
): T | null {
  let firstOpen: T | null = null;
  for (const item of ordered) {
    if (completed.has(item.id) || lockOf(item, now, completed) !== null) continue;
    if (item.required) return item;
    firstOpen ??= item;
  }
  return firstOpen;
}

/** Pure: the open or upcoming items not completed that have a due date, soonest first. */
export function dueItems<T extends ItemFacts>(ordered: readonly T[], completed: ReadonlySet<string>): T[] {
  return ordered
    .filter((i) => i.dueAt !== null && !completed.has(i.id))
    .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}

/** Pure: whole days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** Pure: an ISO instant (or null) moved by `days` whole days. */
export function shiftInstant(iso: string | null, days: number): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString();
}

/** Pure: the local date and time of an instant in `timeZone`, for a `datetime-local` field (`YYYY-MM-DDTHH:mm`). */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Pure: the UTC instant of a local `YYYY-MM-DDTHH:mm` in `timeZone` (null when empty or invalid). */
export function fromLocalInput(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at that wall-clock time (twice, to settle across a daylight-saving change).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = toLocalInput(new Date(guess).toISOString(), timeZone);
    const shownUtc = Date.parse(`${shown}:00Z`);
    guess += asUtc - shownUtc;
  }
  return new Date(guess).toISOString();
}
