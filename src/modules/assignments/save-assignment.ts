import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { LOCALES, translator } from '../../i18n/i18n.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { groupSetsOfEdition } from '../groups/groups.port.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { firstSectionOf } from '../spaces/spaces.queries.js';
import { assignmentAccess, editionForStaff, ensureManage } from './assignment-access.js';
import { hasSubmissions, insertAssignment, updateAssignment } from './assignments.repository.js';
import { type AssignmentInput, assignmentSchema } from './assignments.schemas.js';
import type { AssignmentsTable } from './assignments.tables.js';

/** A chosen group set must be one of the edition's (groups port). */
async function ensureGroupSet(db: Executor, editionId: string, groupSetId: string | null): Promise<void> {
  if (!groupSetId) return;
  const sets = await groupSetsOfEdition(db, editionId);
  if (!sets.some((s) => s.id === groupSetId))
    throw new AppError('validation_failed', {}, [{ path: 'groupSetId', key: 'validation.invalidChoice' }]);
}

function columns(
  data: AssignmentInput,
  now: string,
): Omit<AssignmentsTable, 'id' | 'edition_id' | 'item_id' | 'created_by' | 'created_at'> {
  return {
    title: data.title,
    instructions_i18n: serializeLocalized(data.instructions),
    accepts_text: data.acceptsText ? 1 : 0,
    accepts_files: data.acceptsFiles ? 1 : 0,
    file_types: JSON.stringify(data.fileTypes),
    max_files: data.maxFiles,
    max_file_bytes: data.maxFileMb * 1024 * 1024,
    opens_at: data.opensAt,
    due_at: data.dueAt,
    cutoff_at: data.cutoffAt,
    marking_due_at: data.markingDueAt,
    resubmission: data.resubmission,
    max_attempts: data.resubmission === 'attempts' ? data.maxAttempts : null,
    rubric_id: data.rubricId,
    second_marking: data.secondMarking ? 1 : 0,
    discrepancy: data.discrepancy,
    pass_mark: data.passMark,
    late_penalty_kind: data.latePenaltyKind,
    late_penalty_amount: data.latePenaltyKind === 'none' ? 0 : data.latePenaltyAmount,
    late_penalty_cap: data.latePenaltyKind === 'none' ? 0 : data.latePenaltyCap,
    group_work: data.groupWork ? 1 : 0,
    group_set_id: data.groupWork ? data.groupSetId : null,
    peer_adjustment: data.groupWork && data.peerAdjustment ? 1 : 0,
    updated_at: now,
  };
}

/**
 * Creates an assignment in an edition and places it in the edition's space as an `assignment` item (at the
 * end of its first section; a section is made when the space has none), completed when submitted.
 */
export async function createAssignment(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<{ id: string; itemId: string }> {
  const edition = await editionForStaff(db, actor, editionId);
  const data = parseInput(assignmentSchema, input);
  await ensureGroupSet(db, edition.id, data.groupSetId);
  return inTransaction(db, async (trx) => {
    const id = newId();
    const now = deps.clock.now().toISOString();
    await insertAssignment(trx, {
      id,
      edition_id: edition.id,
      item_id: null,
      created_by: actor.kind === 'user' ? actor.id : null,
      created_at: now,
      ...columns(data, now),
    });
    const sectionId =
      (await firstSectionOf(trx, edition.id)) ??
      (
        await saveSection(trx, deps, actor, edition.id, null, {
          title: Object.fromEntries(LOCALES.map((l) => [l, translator(l).t('assignments.section')])),
          phase: 'assignment',
        })
      ).id;
    const { id: itemId } = await saveItem(trx, deps, actor, edition.id, null, {
      sectionId,
      kind: 'assignment',
      title: { en: data.title },
      settings: { assignmentId: id },
      completionRule: 'submitted',
      dueAt: data.dueAt,
      required: true,
    });
    await updateAssignment(trx, id, { item_id: itemId });
    await audit(trx, deps.clock, actor, {
      action: 'assignments.assignment-saved',
      targetType: 'assignment',
      targetId: id,
      after: { editionId: edition.id, title: data.title },
    });
    return { id, itemId };
  });
}

/** Changes an assignment's settings and default dates (staff of its edition). */
export async function updateAssignmentSettings(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  input: unknown,
): Promise<void> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  const data = parseInput(assignmentSchema, input);
  await ensureGroupSet(db, access.assignment.edition_id, data.groupSetId);
  await inTransaction(db, async (trx) => {
    const before = access.assignment;
    const regrouped =
      before.group_work !== (data.groupWork ? 1 : 0) ||
      before.group_set_id !== (data.groupWork ? data.groupSetId : null);
    // Who hands in together is fixed once anyone has started: their drafts belong to a group (or not).
    if (regrouped && (await hasSubmissions(trx, before.id)))
      throw new AppError('validation_failed', {}, [
        { path: 'groupWork', key: 'assignments.error.groupsFixed' },
      ]);
    await updateAssignment(trx, access.assignment.id, columns(data, deps.clock.now().toISOString()));
    await audit(trx, deps.clock, actor, {
      action: 'assignments.assignment-saved',
      targetType: 'assignment',
      targetId: access.assignment.id,
      after: { editionId: access.assignment.edition_id, title: data.title },
    });
  });
}
