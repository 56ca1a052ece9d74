import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { saveStepInputSchema } from './admissions.schemas.js';
import {
  type ApplicationAnswers,
  type ApplicationStatus,
  type ApplicationStep,
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
import { updateApplicationAnswers } from './applications.repository.js';

/** What a save leaves: the answers as saved and the step the draft resumes at. */
export interface SavedStep {
  id: string;
  status: ApplicationStatus;
  step: ApplicationStep;
  answers: ApplicationAnswers;
  updatedAt: string;
}

/**
 * Each step's schema refusing unknown fields, made once: `.strict()` makes a new schema at each call, and zod
 * compiles a schema on its first parse (about a tenth of a save's time when it was made per request).
 */
const STRICT_STEP_SCHEMAS = Object.fromEntries(
  Object.entries(stepSchemas).map(([step, schema]) => [step, schema.strict()]),
) as Record<ApplicationStep, z.ZodObject>;

/**
 * The input as `saveStepInputSchema` reads it. What the form and the API send is already of that shape, and
 * zod then only copies it (the answers are checked by the step's own schema next): a well-formed input is
 * taken as it is, anything else goes through the schema for its field errors.
 */
function saveStepInput(input: unknown): z.output<typeof saveStepInputSchema> {
  if (typeof input === 'object' && input !== null) {
    const { step, answers, continuing, ...rest } = input as Record<string, unknown>;
    if (
      Object.keys(rest).length === 0 &&
      isApplicationStep(step) &&
      (answers === undefined || isPlainRecord(answers)) &&
      (continuing === undefined || typeof continuing === 'boolean')
    )
      return { step, answers: answers ?? {}, ...(continuing === undefined ? {} : { continuing }) };
  }
  return parseInput(saveStepInputSchema, input);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Saves one step of the applicant's own application (a draft, or one whose information was requested):
 * the step's answers replace the ones saved before; the draft then resumes at the next step. Three
 * statements in one transaction (the row read and locked, rewritten, the audit event); the saved state is
 * what was written, not read again.
 */
export async function saveApplicationStep(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<SavedStep> {
  const { step, answers, continuing } = saveStepInput(input);
  const stepAnswers = parseInput(STRICT_STEP_SCHEMAS[step], answers);
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
    const resumeAt = furthestStep(saved, nextStep(step));
    await updateApplicationAnswers(trx, row.id, JSON.stringify(merged), resumeAt, now);
    await audit(trx, deps.clock, actor, {
      action: 'application.step-saved',
      targetType: 'application',
      targetId: row.id,
      after: { step },
    });
    return {
      id: row.id,
      status: row.status as ApplicationStatus,
      step: resumeAt,
      answers: merged,
      updatedAt: now,
    };
  });
}
