/** Allocating markers evenly (optionally by language), pure: each unallocated submission goes to the least-loaded marker. */

/**
 * Pure core: for each submission id (in order) the least-loaded of its candidate markers (ties: the one
 * listed first); `counts` (every marker's current load) is updated as submissions are given out.
 */
function allocateAmong(
  submissionIds: readonly string[],
  candidatesOf: (id: string) => readonly string[],
  counts: Map<string, number>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of submissionIds) {
    let best: string | null = null;
    for (const m of candidatesOf(id))
      if (best === null || (counts.get(m) ?? 0) < (counts.get(best) ?? 0)) best = m;
    if (best === null) continue;
    out.set(id, best);
    counts.set(best, (counts.get(best) ?? 0) + 1);
  }
  return out;
}

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
  return allocateAmong(submissionIds, (id) => markers.filter((m) => exclude.get(id) !== m), counts);
}

/** Why a submission could not be allocated by language. */
export type LanguageRefusal = 'no-marker-for-language' | 'only-marker-is-first';

export interface LanguageAllocation {
  /** Submission id → marker id. */
  plan: Map<string, string>;
  /** The submissions no chosen marker can take, with the reason, in the order given. */
  refused: { id: string; reason: LanguageRefusal }[];
}

/**
 * Pure: allocation by language. Each submission goes to the least-loaded of the markers who mark in its
 * language (a submission whose language is not said: any marker), never to its `exclude`d marker; loads
 * (`load`, then what this allocation gives) are counted across languages, so a marker of two languages is
 * not given twice the work. A submission no marker can take is refused with the reason, not allocated.
 */
export function allocateByLanguage(
  submissions: readonly { id: string; language: string | null }[],
  markers: readonly { id: string; languages: readonly string[] }[],
  load: ReadonlyMap<string, number> = new Map(),
  exclude: ReadonlyMap<string, string> = new Map(),
): LanguageAllocation {
  const counts = new Map(markers.map((m) => [m.id, load.get(m.id) ?? 0]));
  const languageOf = new Map(submissions.map((s) => [s.id, s.language]));
  const speakers = (id: string) => {
    const language = languageOf.get(id) ?? null;
    return markers.filter((m) => language === null || m.languages.includes(language)).map((m) => m.id);
  };
  const plan = allocateAmong(
    submissions.map((s) => s.id),
    (id) => speakers(id).filter((m) => exclude.get(id) !== m),
    counts,
  );
  const refused = submissions
    .filter((s) => !plan.has(s.id))
    .map((s): { id: string; reason: LanguageRefusal } => ({
      id: s.id,
      reason: speakers(s.id).length === 0 ? 'no-marker-for-language' : 'only-marker-is-first',
    }));
  return { plan, refused };
}
