import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import { submissionDigest } from '../../assignments/assignment.js';
import { registerSubmission } from '../../marking/register-submission.js';
import { type Abstracts, librarySearchText } from '../capstone.js';
import { capstoneAccess, ensureCapstone, proposalOf, stateError } from '../capstone-access.js';
import { capstoneSettings } from '../capstone-settings.js';
import { listAttempts, updateAttempt } from '../capstones.repository.js';
import { finalSchema } from '../capstones.schemas.js';
import { moveCapstone } from '../move-capstone.js';

/** The receipt of a final submission. */
export interface FinalReceipt {
  attempt: number;
  submittedAt: string;
  /** sha256(JSON {text: JSON of the abstracts, files: [sha256 of the document]}) — the assignments' digest. */
  digest: string;
  documentSha256: string;
}

/**
 * The candidate hands in the final capstone: the uploaded document, the abstract in the capstone's
 * language (others optional) and the declaration. Gives a receipt with a SHA-256, and hands the attempt
 * to the marking engine (context: the programme; double marking with the programme's threshold and pass
 * mark; the marker page is the capstone's blind page). Audited.
 */
export async function submitFinal(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<FinalReceipt> {
  const data = parseInput(finalSchema, input);
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.own);
    if (row.state !== 'approved' && row.state !== 'resubmission') throw stateError();
    const pending = (await listAttempts(trx, row.id)).find((a) => a.submitted_at === null);
    if (!pending)
      throw new AppError('validation_failed', {}, [{ path: 'file', key: 'capstones.error.noDocument' }]);
    const abstracts: Abstracts = {};
    if (data.abstract_en) abstracts.en = data.abstract_en;
    if (data.abstract_fr) abstracts.fr = data.abstract_fr;
    if (data.abstract_es) abstracts.es = data.abstract_es;
    const proposal = proposalOf(row);
    if (!abstracts[proposal.language])
      throw new AppError('validation_failed', {}, [
        { path: `abstract_${proposal.language}`, key: 'capstones.error.abstractNeeded' },
      ]);
    const digest = submissionDigest(JSON.stringify(abstracts), [pending.sha256]);
    await updateAttempt(trx, pending.id, {
      abstracts_json: JSON.stringify(abstracts),
      declared: 1,
      digest,
      submitted_at: now,
    });
    const change = await moveCapstone(trx, row, 'submit-final', now, {
      attempts: pending.attempt,
      search_text: librarySearchText({ ...proposal, abstracts }),
    });
    const settings = await capstoneSettings(trx, row.programme_id);
    await registerSubmission(trx, deps, actor, {
      ownerModule: 'capstones',
      ownerId: pending.id,
      contextId: row.programme_id,
      participantId: row.user_id,
      rubricId: settings.rubricId,
      secondMarking: true,
      discrepancy: settings.discrepancy,
      passMark: settings.passMark,
      itemId: null,
      viewPath: `/capstones/marking/${pending.id}`,
      participantPath: `/capstones/${row.id}`,
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.final-submitted',
      targetType: 'capstone',
      targetId: row.id,
      before: change.before,
      after: { ...change.after, attempt: pending.attempt, digest },
    });
    return { attempt: pending.attempt, submittedAt: now, digest, documentSha256: pending.sha256 };
  });
}
