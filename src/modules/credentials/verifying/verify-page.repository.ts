import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { reusableQuery } from '../../../db/reusable-query.js';

/**
 * What the public verification page (`/verify/{id}`) reads of the credentials module's tables: on every
 * visit, so its statements are built and compiled once (reusableQuery) and read the columns it shows, not
 * the signed documents (most of a row), which `listCredentialJsons` reads for those not already kept.
 */

/** What the public verification page reads of a credential (not its signed texts: see `listCredentialJsons`). */
export async function findCredentialToVerify(db: Executor, by: { id: string } | { shortCode: string }) {
  return ('id' in by ? credentialToVerifyById(db, by.id) : credentialToVerifyByCode(db, by.shortCode)).then(
    (rows) => rows[0],
  );
}

// The public verification page's statements, on every visit: built and compiled once (reusableQuery).
const credentialToVerifyById = reusableQuery((db, id: string) =>
  db
    .selectFrom('credentials')
    .select(VERIFIED_COLUMNS)
    .select(['credentials.locale', 'credentials.status_changed_at'])
    .where('credentials.id', '=', id),
);
const credentialToVerifyByCode = reusableQuery((db, shortCode: string) =>
  db
    .selectFrom('credentials')
    .select(VERIFIED_COLUMNS)
    .select(['credentials.locale', 'credentials.status_changed_at'])
    .where('credentials.short_code', '=', shortCode),
);

/**
 * A credential by id and, when it is a diploma, its components in their order, in one statement: the
 * credential first (`position` −1), then each component (a credential that is no diploma has none).
 */
export async function findCredentialWithComponentsToVerify(db: Executor, id: string) {
  return credentialWithComponentsById(db, id);
}

const credentialWithComponentsById = reusableQuery((db, id: string) =>
  db
    .selectFrom('credentials')
    .select(VERIFIED_COLUMNS)
    .select(['credentials.locale', 'credentials.status_changed_at', sql<number>`-1`.as('position')])
    .where('credentials.id', '=', id)
    .unionAll(
      db
        .selectFrom('credential_components')
        .innerJoin('credentials', 'credentials.id', 'credential_components.component_id')
        .select(VERIFIED_COLUMNS)
        .select(['credentials.locale', 'credentials.status_changed_at', 'credential_components.position'])
        .where('credential_components.diploma_id', '=', id),
    )
    .orderBy('position'),
);

const VERIFIED_COLUMNS = [
  'credentials.id',
  'credentials.short_code',
  'credentials.kind',
  'credentials.status',
  'credentials.status_reason',
  'credentials.superseded_by',
  'credentials.issued_at',
] as const;

/** The signed credentials (JSON) of some credentials, by id. */
export async function listCredentialJsons(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('credentials').select(['id', 'credential_json']).where('id', 'in', ids).execute();
}

/** A diploma's components as the verification page lists them (their texts: `listCredentialJsons`). */
export async function listComponentsToVerify(db: Executor, diplomaId: string) {
  return db
    .selectFrom('credential_components')
    .innerJoin('credentials', 'credentials.id', 'credential_components.component_id')
    .select(VERIFIED_COLUMNS)
    .select('credentials.status_changed_at')
    .where('credential_components.diploma_id', '=', diplomaId)
    .orderBy('credential_components.position')
    .execute();
}
