import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { saveStepInputSchema } from './admissions.schemas.js';
import {
  type ApplicationStatus,
  furthestStep,
  isApplicationStep,
  isEditableByApplicant,
  MOTIVATION_MIN_LENGTH,
  mergeStepAnswers,
  nextStep,
  readAnswers,
  stepSchemas,
} from './application.js';
import { applicationFor } from './application-access.js';
import { type Application, loadApplication } from './application-view.js';
import { findApplicationRow, updateApplicationRow } from './applications.repository.js';

/**
 * Saves one step of the applicant's own application (a draft, or one whose information was requested):
 * the step's answers replace the ones saved before; the draft then resumes at the next step.
 */
export async function saveApplicationStep(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<Application> {
  const { step, answers, continuing } = parseInput(saveStepInputSchema, input);
  const stepAnswers = parseInput(stepSchemas[step].strict(), answers);
  if (continuing && step === 'motivation') {
    // Moving on with a statement below the minimum would only be refused at submission, far from here.
    const count = [...String(stepAnswers.motivation ?? '')].length;
    if (count < MOTIVATION_MIN_LENGTH)
      throw new AppError('validation_failed', {}, [
        {
          path: 'motivation',
          key: 'admissions.error.motivationTooShort',
          values: { min: MOTIVATION_MIN_LENGTH, count },
        },
      ]);
  }
  return inTransaction(db, async (trx) => {
    const row = await applicationFor(trx, actor, applicationId, 'application.apply', { lock: true });
    if (!isEditableByApplicant(row.status as ApplicationStatus)) throw new AppError('invalid_state');
    const merged = mergeStepAnswers(readAnswers(row.answers_json), step, stepAnswers);
    const saved = isApplicationStep(row.step) ? row.step : 'person';
    const now = deps.clock.now().toISOString();
    await updateApplicationRow(trx, row.id, {
      answers_json: JSON.stringify(merged),
      step: furthestStep(saved, nextStep(step)),
      updated_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'application.step-saved',
      targetType: 'application',
      targetId: row.id,
      after: { step },
    });
    return loadApplication(trx, (await findApplicationRow(trx, row.id))!);
  });
}
