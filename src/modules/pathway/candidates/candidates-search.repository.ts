import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { containsText } from '../../../db/helpers.js';
import type { DB } from '../../../db/schema.js';
import { foldForSearch } from '../../../kernel/search-fold.js';
import { credentialsView } from '../../credentials/credentials.read-models.repository.js';
import { usersView } from '../../identity/identity.read-models.repository.js';

/** The SQL of the managers' candidates list: filters, count and one page, read from covering indexes. */

export interface CandidateFilter {
  programmeId: string;
  status?: string | undefined;
  atRisk?: boolean | undefined;
  awardable?: boolean | undefined;
  /** Deadlines from this date (today: a deadline already past is not "within N months")… */
  deadlineFrom?: string | undefined;
  /** …up to this date. */
  deadlineBefore?: string | undefined;
  country?: string | undefined;
  constituency?: string | undefined;
  language?: string | undefined;
  text?: string | undefined;
  sort: 'name' | 'deadline' | 'registered' | 'progress';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * When the list is sorted by name and at least this many times more candidacies match than the page
 * reaches (offset + limit), the page is read in name order from the people's (full_name, id) index,
 * stopping at the page, rather than by sorting every matching candidacy.
 */
const NAME_ORDER_FROM_INDEX = 4;

const LIST_COLUMNS = [
  'candidacies.id',
  'candidacies.user_id',
  'candidacies.rule_version_id',
  'candidacies.registered_on',
  'candidacies.status',
  'candidacies.standing_status',
  'candidacies.standing_deadline',
  'candidacies.standing_at_risk',
  'candidacies.standing_awardable',
  'candidacies.standing_met',
  'candidacies.standing_json',
  'users.full_name',
  'users.email',
  'users.country',
  'users.constituency',
  'users.preferred_locale',
] as const;

/** The filter's conditions, on candidacies only (the person's fields through a subquery on users). */
function candidacyConditions(
  db: Executor,
  eb: ExpressionBuilder<DB, 'candidacies'>,
  filter: Omit<CandidateFilter, 'limit' | 'offset'>,
) {
  const conditions: Expression<SqlBool>[] = [eb('candidacies.programme_id', '=', filter.programmeId)];
  if (filter.status) conditions.push(eb('candidacies.standing_status', '=', filter.status));
  if (filter.atRisk) conditions.push(eb('candidacies.standing_at_risk', '=', 1));
  if (filter.awardable) {
    // Ready for the diploma: awardable and not holding one yet (a revoked diploma can be awarded again).
    conditions.push(eb('candidacies.standing_awardable', '=', 1));
    conditions.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom(credentialsView(db).as('credentials'))
            .select('credentials.id')
            .whereRef('credentials.candidacy_id', '=', 'candidacies.id')
            .where('credentials.kind', '=', sql.lit('diploma'))
            .where('credentials.status', '<>', sql.lit('revoked')),
        ),
      ),
    );
  }
  if (filter.deadlineBefore) {
    conditions.push(eb('candidacies.standing_deadline', '<=', filter.deadlineBefore));
    conditions.push(eb('candidacies.standing_deadline', 'is not', null));
  }
  if (filter.deadlineFrom) conditions.push(eb('candidacies.standing_deadline', '>=', filter.deadlineFrom));
  const { country, constituency, language, text } = filter;
  if (country || constituency || language || text) {
    let people = eb.selectFrom(usersView(db).as('users')).select('users.id');
    if (country) people = people.where('users.country', '=', country);
    if (constituency) people = people.where('users.constituency', '=', constituency);
    if (language) people = people.where('users.preferred_locale', '=', language);
    if (text)
      people = people.where((p) =>
        p.or([containsText('users.search_name', foldForSearch(text)), containsText('users.email', text)]),
      );
    conditions.push(eb('candidacies.user_id', 'in', people));
  }
  return eb.and(conditions);
}

/**
 * Candidates of a programme with their person and cached standing, filtered, sorted and paged.
 * Name order: full name, then the person's id, both in the chosen direction (one candidacy per person
 * and programme). Other orders:
 * the column (a missing deadline last), then full name, then the candidacy's id.
 * Three steps, so that no step reads or sorts whole rows of all the candidates (each cached standing
 * is a JSON document): the count (candidacies and their indexes only), the page's ids, then the rows.
 */
export async function searchCandidacies(db: Executor, filter: CandidateFilter) {
  const page =
    filter.sort === 'name' ? await pageByName(db, filter) : await pageByColumn(db, filter, filter.sort);
  return { rows: await candidacyListRows(db, page.ids), total: page.total };
}

/** The list's rows of these candidacies (a page), in the order of `ids`. */
export async function candidacyListRows(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('candidacies')
    .innerJoin(usersView(db).as('users'), 'users.id', 'candidacies.user_id')
    .select(LIST_COLUMNS)
    .where('candidacies.id', 'in', ids)
    .execute();
  const position = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return rows;
}

/** Every table the list's filters, order and rows are read from (what a kept list depends on). */
export const CANDIDATE_LIST_TABLES = ['candidacies', 'users', 'credentials'] as const;

/**
 * Every table a kept page of lines depends on: the ordered ids' (a page is a slice of them), and what
 * `candidacyListRows` and the titles of the courses they name read.
 */
export const CANDIDATE_PAGE_TABLES = [...CANDIDATE_LIST_TABLES, 'courses'] as const;

/**
 * The id of every matching candidacy, in the list's order (the same order as `searchCandidacies`' pages):
 * the whole list, to be kept and paged in memory until one of CANDIDATE_LIST_TABLES changes.
 */
export async function orderedCandidacyIds(
  db: Executor,
  filter: Omit<CandidateFilter, 'limit' | 'offset'>,
): Promise<string[]> {
  if (filter.sort !== 'name') {
    const rows = await columnOrder(db, filter, filter.sort).select('candidacies.id').execute();
    return rows.map((r) => r.id);
  }
  // Every match, then sorted by name: for the whole list this is 2–3 times cheaper on SQLite than walking
  // the people's (full_name, id) index and looking each person's candidacy up (100,000 candidacies: 0.3–0.55
  // s against 0.9–1.4 s, read on the main thread), which only pays when a page stops early.
  const rows = await db
    .selectFrom('candidacies')
    .innerJoin(usersView(db).as('users'), 'users.id', 'candidacies.user_id')
    .select('candidacies.id')
    .where((eb) => candidacyConditions(db, eb, filter))
    .orderBy('users.full_name', filter.direction)
    .orderBy('users.id', filter.direction)
    .execute();
  return rows.map((r) => r.id);
}

/** How many candidacies match (candidacies and their indexes only). */
async function countCandidacies(db: Executor, filter: CandidateFilter): Promise<number> {
  const count = await db
    .selectFrom('candidacies')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
    .where((eb) => candidacyConditions(db, eb, filter))
    .executeTakeFirstOrThrow();
  return Number(count.total);
}

/** The page in name order: the count first, since it decides how to read the page. */
async function pageByName(db: Executor, filter: CandidateFilter): Promise<{ ids: string[]; total: number }> {
  const { direction, limit, offset } = filter;
  const total = await countCandidacies(db, filter);
  if (offset >= total) return { ids: [], total };
  // Read in name order (people first) when the page is found long before the matches run out;
  // otherwise the matches are fewer than a few pages: sorting them is cheaper. (SQLite keeps the join
  // order of a CROSS JOIN; PostgreSQL plans it as any inner join.)
  const byName =
    total >= NAME_ORDER_FROM_INDEX * (offset + limit)
      ? db
          .selectFrom(usersView(db).as('users'))
          .crossJoin('candidacies')
          .whereRef('candidacies.user_id', '=', 'users.id')
      : db.selectFrom('candidacies').innerJoin(usersView(db).as('users'), 'users.id', 'candidacies.user_id');
  const rows = await byName
    .select('candidacies.id')
    .where((eb) => candidacyConditions(db, eb, filter))
    .orderBy('users.full_name', direction)
    .orderBy('users.id', direction)
    .limit(limit)
    .offset(offset)
    .execute();
  return { ids: rows.map((r) => r.id), total };
}

/**
 * The page in the order of a candidacy's column: every match is sorted anyway, so the same query counts
 * them (a window count) rather than a second pass.
 */
async function pageByColumn(
  db: Executor,
  filter: CandidateFilter,
  sort: Exclude<CandidateFilter['sort'], 'name'>,
): Promise<{ ids: string[]; total: number }> {
  const rows = await columnOrder(db, filter, sort)
    .select((eb) => ['candidacies.id', eb.cast<number>(eb.fn.countAll().over(), 'integer').as('total')])
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  // A page past the end has no row to carry the count.
  const total = rows[0] ? Number(rows[0].total) : await countCandidacies(db, filter);
  return { ids: rows.map((r) => r.id), total };
}

/** The matches in the order of a candidacy's column (a missing deadline last), then name, then id. */
function columnOrder(
  db: Executor,
  filter: Omit<CandidateFilter, 'limit' | 'offset'>,
  sort: Exclude<CandidateFilter['sort'], 'name'>,
) {
  const sortColumn = {
    deadline: 'candidacies.standing_deadline',
    registered: 'candidacies.registered_on',
    progress: 'candidacies.standing_met',
  } as const;
  let query = db
    .selectFrom('candidacies')
    .innerJoin(usersView(db).as('users'), 'users.id', 'candidacies.user_id')
    .where((eb) => candidacyConditions(db, eb, filter));
  // Without a deadline (nothing counted yet) sorts last in both directions and on both engines
  // (SQLite puts NULL first in ascending order, PostgreSQL last). The other columns are never null.
  if (sort === 'deadline')
    query = query.orderBy(
      sql`case when ${sql.ref('candidacies.standing_deadline')} is null then 1 else 0 end`,
    );
  return query
    .orderBy(sortColumn[sort], filter.direction)
    .orderBy('users.full_name')
    .orderBy('candidacies.id');
}
