import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { giveConfirmedPlace } from '../enrol-directly.js';
import { lockedEdition } from '../place-changes.js';
import { canPlaces } from '../places.policy.js';
import { placesImportSchema } from '../places.schemas.js';
import { checkPlacesImport, type PlacesImportCheck } from './places-import-lookups.js';

/** The problems of a refused bulk enrolment, as field errors `rows.<line>.<column>`. */
function refusal(check: PlacesImportCheck): AppError {
  return new AppError(
    'validation_failed',
    {},
    check.problems.map((p) => ({
      path: p.line === 0 ? 'csv' : `rows.${p.line}.${p.column ?? 'row'}`,
      key: p.key,
      ...(p.values ? { values: p.values } : {}),
    })),
  );
}

/**
 * Commits a bulk enrolment (programme managers): all or nothing. The rows are checked again inside the
 * transaction, the editions locked (in id order, so two imports cannot deadlock); any problem refuses
 * the whole file and nothing is written. Each person gets a confirmed place (audited, told).
 */
export async function commitPlacesImport(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ enrolled: number }> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const { csv } = parseInput(placesImportSchema, input);
  return inTransaction(db, async (trx) => {
    const check = await checkPlacesImport(trx, csv, async (ids) => {
      for (const id of ids) await lockedEdition(trx, id);
    });
    if (check.problems.length > 0) throw refusal(check);
    for (const row of check.planned) {
      await giveConfirmedPlace(trx, deps, actor, row.editionId, {
        userId: row.userId,
        fundingKind: row.fundingKind,
        fundingName: row.fundingName,
      });
    }
    await audit(trx, deps.clock, actor, {
      action: 'places.imported',
      targetType: 'places',
      targetId: 'bulk',
      after: { enrolled: check.planned.length },
    });
    return { enrolled: check.planned.length };
  });
}
