/** Allocating markers evenly, pure: each unallocated submission goes to the least-loaded marker. */

/**
 * Pure: for each submission id (in order) the marker it goes to, among `markers`, keeping every marker's
 * load (their current allocations in `load`) as even as possible; `exclude` names, per submission, a marker
 * it must not go to (the first marker when allocating second markers). Ties go to the marker listed first.
 */
export function allocateEvenly(
  submissionIds: readonly string[],
  markers: readonly string[],
  load: ReadonlyMap<string, number> = new Map(),
  exclude: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const counts = new Map(markers.map((m) => [m, load.get(m) ?? 0]));
  const out = new Map<string, string>();
  for (const id of submissionIds) {
    let best: string | null = null;
    for (const m of markers) {
      if (exclude.get(id) === m) continue;
      if (best === null || (counts.get(m) ?? 0) < (counts.get(best) ?? 0)) best = m;
    }
    if (best === null) continue;
    out.set(id, best);
    counts.set(best, (counts.get(best) ?? 0) + 1);
  }
  return out;
}
