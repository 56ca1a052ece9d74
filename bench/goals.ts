/**
 * Issue 17's goals, read off the report's rows, so that the report marks each measure that falls short
 * (pure: the same rows give the same marks). A row is judged only when its name says what it measures:
 * a page scenario at 10 connections (≥ 0.10 of the ceiling, p99 under 100 ms), the import in rows/s
 * (≥ 0.25 of the raw insert), evaluate-all (its name holds "target < 2 s"), a server's peak RSS (under
 * 300 MB). Every other row (ceilings, figures with goals of their own) is not judged here.
 */
import type { BenchRow } from './report.js';

export const PAGE_RATIO_GOAL = 0.1;
export const PAGE_P99_GOAL_MS = 100;
export const IMPORT_RATIO_GOAL = 0.25;
export const EVALUATE_ALL_GOAL_S = 2;
export const RSS_GOAL_MB = 300;

/** What a row misses of its goal, in a few words, or null when it meets it or has none here. */
export function shortfall(row: BenchRow): string | null {
  const { name, value, unit, ratio } = row;
  if (name.includes('ceiling (')) return null;
  if (/\(10 conn\.\): requests\/s$/.test(name))
    return ratio !== null && ratio < PAGE_RATIO_GOAL ? `below ${PAGE_RATIO_GOAL} of the ceiling` : null;
  if (/\(10 conn\.\): p99 latency$/.test(name))
    return unit === 'ms' && value >= PAGE_P99_GOAL_MS ? `p99 not under ${PAGE_P99_GOAL_MS} ms` : null;
  if (unit === 'rows/s' && /import/.test(name))
    return ratio !== null && ratio < IMPORT_RATIO_GOAL
      ? `below ${IMPORT_RATIO_GOAL} of the raw insert`
      : null;
  if (name.includes('target < 2 s'))
    return unit === 's' && value >= EVALUATE_ALL_GOAL_S ? `not under ${EVALUATE_ALL_GOAL_S} s` : null;
  if (name.includes('peak resident memory') && unit === 'MB')
    return value >= RSS_GOAL_MB ? `not under ${RSS_GOAL_MB} MB` : null;
  return null;
}

/** The report's list of the measures that fall short, as markdown lines (none: one line saying so). */
export function shortfallLines(rows: readonly BenchRow[]): string[] {
  const short = rows.flatMap((row) => {
    const miss = shortfall(row);
    return miss ? [`- ✗ ${row.name}: ${row.value} ${row.unit} (${miss})`] : [];
  });
  return short.length
    ? [`Falls short of issue 17's goals (${short.length}):`, '', ...short, '']
    : ['Every measure with a goal of issue 17 meets it.', ''];
}
