import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { librarySearchText, proposalEditable } from '../capstone.js';
import { capstoneAccess, ensureCapstone, stateOf } from '../capstone-access.js';
import { candidateStandings } from '../capstone-candidate.js';
import { findCapstoneOfCandidacy, insertCapstone, updateCapstone } from '../capstones.repository.js';
import { approachesFromForm, proposalSchema } from '../capstones.schemas.js';

/**
 * A candidate saves their proposal as a draft (allowed before the capstone is unlocked): the country, the
 * policy question, themes, the approach taken from each counted course, the language and the planned
 * milestones. Creates the capstone of their (first) candidacy on first save; a rejected proposal becomes a
 * new draft. Only while the proposal is theirs to change (draft, returned, rejected). Audited.
 */
export async function saveProposal(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: Record<string, unknown>,
  capstoneId?: string,
): Promise<{ id: string }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  // From a capstone's page: only its own candidate may change it (anyone else: 404 or 403).
  if (capstoneId !== undefined) ensureCapstone((await capstoneAccess(db, actor, capstoneId)).can.own);
  const data = parseInput(proposalSchema, input);
  const approaches = approachesFromForm(input);
  const now = deps.clock.now();
  const [standing] = await candidateStandings(db, actor.id, toDateString(now));
  // Not a candidate of any programme: no capstone to write.
  if (!standing) throw new AppError('forbidden');
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    const existing = await findCapstoneOfCandidacy(trx, standing.candidacy.id);
    if (existing && !proposalEditable(stateOf(existing)))
      throw new AppError('invalid_state', {}, [{ path: 'state', key: 'capstones.error.notEditable' }]);
    const fields = {
      title: data.title,
      country: data.country,
      policy_question: data.policyQuestion,
      themes_json: JSON.stringify(data.themes),
      approaches_json: JSON.stringify(approaches),
      language: data.language,
      outline_due: data.outlineDue,
      draft_due: data.draftDue,
      final_due: data.finalDue,
      search_text: librarySearchText({ ...data, abstracts: {} }),
      updated_at: at,
    };
    const id = existing?.id ?? newId();
    if (existing)
      await updateCapstone(trx, id, {
        ...fields,
        state: existing.state === 'rejected' ? 'draft' : existing.state,
      });
    else
      await insertCapstone(trx, {
        id,
        candidacy_id: standing.candidacy.id,
        user_id: actor.id,
        programme_id: standing.candidacy.programmeId,
        state: 'draft',
        ...fields,
        attempts: 0,
        library_show_author: 0,
        library_link_diploma: 0,
        created_at: at,
      });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.proposal-saved',
      targetType: 'capstone',
      targetId: id,
      after: { title: data.title, country: data.country },
    });
    return { id };
  });
}
