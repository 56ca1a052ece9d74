import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { librarySearchDocument } from '../capstone.js';
import { capstoneAccess, ensureCapstone } from '../capstone-access.js';
import { updateCapstone } from '../capstones.repository.js';
import { consentSchema } from '../capstones.schemas.js';
import { indexLibraryEntry, unindexLibraryEntry } from './capstone-library.repository.js';

/**
 * The author of a passed capstone consents to its publication in the public library (with a licence,
 * their name or anonymous, a link to their verified diploma or not), or withdraws consent: the entry is
 * removed at once. Audited.
 */
export async function setLibraryConsent(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  const data = parseInput(consentSchema, input);
  const publish = data.consent !== undefined;
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.own);
    if (publish && row.state !== 'passed')
      throw new AppError('invalid_state', {}, [{ path: 'consent', key: 'capstones.error.notPassed' }]);
    if (publish && !data.licence)
      throw new AppError('validation_failed', {}, [
        { path: 'licence', key: 'capstones.error.licenceNeeded' },
      ]);
    const now = deps.clock.now().toISOString();
    await updateCapstone(trx, row.id, {
      published_at: publish ? (row.published_at ?? now) : null,
      library_licence: publish ? data.licence : null,
      library_show_author: publish && data.showAuthor ? 1 : 0,
      library_link_diploma: publish && data.linkDiploma ? 1 : 0,
      updated_at: now,
    });
    if (publish) await indexLibraryEntry(trx, row.id, librarySearchDocument(row));
    else await unindexLibraryEntry(trx, row.id);
    await audit(trx, deps.clock, actor, {
      action: 'capstones.library-consent-changed',
      targetType: 'capstone',
      targetId: row.id,
      before: { published: row.published_at !== null },
      after: { published: publish, licence: publish ? data.licence : null },
    });
  });
}
