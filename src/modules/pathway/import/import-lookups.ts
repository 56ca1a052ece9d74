import type { Executor } from '../../../db/database.js';
import { isId } from '../../../kernel/ids.js';
import {
  findCoursesByCodes,
  findEditionsByCodesOrIds,
  findPeopleByEmails,
  listEnrolmentsWithResults,
  listLegacyResultsOfUsers,
} from './import.repository.js';
import {
  enrolmentKey,
  type ImportLookups,
  type KnownEdition,
  type KnownResult,
  legacyKey,
} from './import-check.js';
import type { ImportRow } from './import-format.js';

/** Rows looked up per round (progress is reported after each). */
const ROWS_PER_ROUND = 5000;

function newKeys(values: Iterable<string>, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(value);
  }
  return out;
}

/**
 * Loads what the rows refer to (people by email, courses by code, editions by code or id, enrolments
 * with their results, legacy certificates) into maps, a few set queries per 5,000 rows, each key once.
 */
export async function loadImportLookups(
  db: Executor,
  rows: readonly ImportRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportLookups> {
  const people = new Map<string, string>();
  const courses = new Map<string, { id: string; credentialOnSuccess: string }>();
  const editions = new Map<string, KnownEdition>();
  const enrolments = new Map<string, { id: string; result: KnownResult | null }>();
  const legacy = new Map<string, KnownResult>();
  const seen = { emails: new Set<string>(), courses: new Set<string>(), editions: new Set<string>() };
  const seenLegacyUsers = new Set<string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_ROUND) {
    const round = rows.slice(start, start + ROWS_PER_ROUND);
    for (const p of await findPeopleByEmails(
      db,
      newKeys(
        round.map((r) => r.email),
        seen.emails,
      ),
    ))
      people.set(p.email, p.id);
    for (const c of await findCoursesByCodes(
      db,
      newKeys(
        round.map((r) => r.course),
        seen.courses,
      ),
    ))
      courses.set(c.code, { id: c.id, credentialOnSuccess: c.credential_on_success });
    const editionKeys = newKeys(
      round.flatMap((r) => (r.edition === null ? [] : [r.edition])),
      seen.editions,
    );
    const found = await findEditionsByCodesOrIds(
      db,
      editionKeys.filter((k) => !isId(k)),
      editionKeys.filter((k) => isId(k)),
    );
    for (const e of found) {
      const edition = {
        id: e.id,
        code: e.code,
        courseId: e.course_id,
        startsOn: e.starts_on,
        status: e.status,
      };
      editions.set(e.id, edition);
      if (e.code) editions.set(e.code, edition);
    }
    await loadResults(db, round, { people, editions, enrolments, legacy }, seenLegacyUsers);
    onProgress?.(Math.min(rows.length, start + round.length), rows.length);
  }
  return { people, courses, editions, enrolments, legacy };
}

async function loadResults(
  db: Executor,
  round: readonly ImportRow[],
  maps: Pick<ImportLookups, 'people' | 'editions'> & {
    enrolments: Map<string, { id: string; result: KnownResult | null }>;
    legacy: Map<string, KnownResult>;
  },
  seenLegacyUsers: Set<string>,
) {
  const editionUsers = new Set<string>();
  const editionIds = new Set<string>();
  const legacyUsers = new Set<string>();
  for (const row of round) {
    const userId = maps.people.get(row.email);
    if (!userId) continue;
    const edition = row.edition === null ? undefined : maps.editions.get(row.edition);
    if (edition) {
      editionUsers.add(userId);
      editionIds.add(edition.id);
    } else if (row.edition === null) legacyUsers.add(userId);
  }
  for (const e of await listEnrolmentsWithResults(db, [...editionUsers], [...editionIds])) {
    maps.enrolments.set(enrolmentKey(e.edition_id, e.user_id), {
      id: e.id,
      result:
        e.result_id && e.outcome && e.completed_on
          ? {
              outcome: e.outcome,
              grade: e.grade,
              startedOn: e.started_on,
              completedOn: e.completed_on,
              reference: e.reference,
            }
          : null,
    });
  }
  for (const r of await listLegacyResultsOfUsers(db, newKeys(legacyUsers, seenLegacyUsers))) {
    maps.legacy.set(legacyKey(r.user_id, r.course_id, r.completed_on), {
      outcome: r.outcome,
      grade: r.grade,
      startedOn: r.started_on,
      completedOn: r.completed_on,
      reference: r.reference,
    });
  }
}
