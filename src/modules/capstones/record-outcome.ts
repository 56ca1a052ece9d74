import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { toDateString } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { issueCapstoneCredential } from '../credentials/issuing/issue-capstone-credential.js';
import { releasedMarkings } from '../marking/marking.queries.js';
import { notify } from '../notifications/notify.js';
import { setCapstoneStatus } from '../pathway/set-capstone-status.js';
import { resubmissionProblem } from './capstone.js';
import { capstoneAccess, ensureCapstone, stateError } from './capstone-access.js';
import { candidacyStanding } from './capstone-candidate.js';
import type { CapstoneOutcome } from './capstone-notices.js';
import { capstoneSettings } from './capstone-settings.js';
import { canCapstone } from './capstones.policy.js';
import { listAttempts, updateCapstone } from './capstones.repository.js';
import { outcomeSchema } from './capstones.schemas.js';
import { moveCapstone } from './move-capstone.js';

/**
 * A manager records the outcome of a capstone whose mark the marking engine has released: passed (the
 * mark reaches the pass mark), resubmission required (once, with a new deadline inside the window) or
 * failed. Passed is recorded as the pathway's capstone requirement through the pathway's own use case (so
 * the evaluation becomes awardable) and the capstone is issued as an OB 3.0 credential by the credentials
 * module (then bundled in the diploma's CLR). Audited; the candidate is told.
 */
export async function recordOutcome(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const data = parseInput(outcomeSchema, input);
  const now = deps.clock.now();
  const today = toDateString(now);
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.manage);
    if (row.state !== 'submitted') throw stateError();
    const attempt = (await listAttempts(trx, row.id)).filter((a) => a.submitted_at !== null).at(-1);
    const released = attempt
      ? (await releasedMarkings(trx, 'capstones', [attempt.id])).get(attempt.id)?.released
      : null;
    if (!released) throw stateError('capstones.error.notReleased');
    if ((data.outcome === 'pass') !== released.passed)
      throw new AppError('validation_failed', {}, [
        { path: 'outcome', key: 'capstones.error.outcomeMismatch' },
      ]);
    let due: string | null = null;
    if (data.outcome === 'require-resubmission') {
      const standing = await candidacyStanding(trx, row.candidacy_id, today);
      due = data.resubmissionDue;
      const problem = due
        ? resubmissionProblem(row.attempts, due, today, standing?.deadline ?? null)
        : 'capstones.error.milestoneMissing';
      if (problem) throw new AppError('validation_failed', {}, [{ path: 'resubmissionDue', key: problem }]);
    }
    const completedOn = released.releasedAt.slice(0, 10);
    const change = await moveCapstone(trx, row, data.outcome, now.toISOString(), {
      outcome_mark: released.mark,
      resubmission_due: due,
      ...(data.outcome === 'pass' ? { completed_on: completedOn } : {}),
    });
    if (data.outcome === 'pass') {
      await setCapstoneStatus(trx, deps, actor, row.candidacy_id, { status: 'passed', completedOn });
      const settings = await capstoneSettings(trx, row.programme_id);
      const credential = await issueCapstoneCredential(trx, deps, actor, {
        capstoneId: row.id,
        candidacyId: row.candidacy_id,
        programmeId: row.programme_id,
        userId: row.user_id,
        title: row.title,
        country: row.country,
        completedOn,
        mark: settings.showMark ? released.mark : null,
      });
      await updateCapstone(trx, row.id, { credential_id: credential.id });
    } else if (data.outcome === 'fail')
      await setCapstoneStatus(trx, deps, actor, row.candidacy_id, { status: 'failed', completedOn: null });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.outcome-recorded',
      targetType: 'capstone',
      targetId: row.id,
      before: change.before,
      after: { ...change.after, mark: released.mark, resubmissionDue: due },
    });
    const event: CapstoneOutcome = {
      kind: 'capstones.outcome',
      capstoneId: row.id,
      outcome: data.outcome,
      due,
    };
    await notify(trx, deps.clock, {
      recipientId: row.user_id,
      event,
      key: `capstones.outcome:${attempt!.id}`,
    });
  });
}
