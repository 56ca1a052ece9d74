import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId, newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { fillPlacesAfterEditionChange } from '../places/fill-places.js';
import { canCatalogue } from './catalogue.policy.js';
import {
  filterFacilitators,
  findCourseByCode,
  findEditionByCode,
  findEditionById,
  insertEdition,
  setEditionFacilitators,
  updateEditionRow,
} from './catalogue.repository.js';
import { courseCodeSchema, type EditionInput } from './catalogue.schemas.js';
import type { Edition } from './course.js';
import { parseEditionInput } from './edition-input.js';
import { getEdition } from './get-edition.js';

async function checkCodeAndFacilitators(
  db: Executor,
  data: EditionInput,
  editionId: string | null,
): Promise<void> {
  const problems = [];
  if (data.code) {
    const existing = await findEditionByCode(db, data.code);
    if (existing && existing.id !== editionId)
      problems.push({ path: 'code', key: 'validation.editionCodeTaken' });
  }
  const ids = [...new Set(data.facilitatorIds)];
  const valid = await filterFacilitators(db, ids.filter(isId));
  if (valid.length !== ids.length)
    problems.push({ path: 'facilitatorIds', key: 'validation.notFacilitator' });
  if (problems.length) throw new AppError('validation_failed', {}, problems);
}

/** Adds an edition to a course (programme managers; audited). A retired course gets no new edition. */
export async function createEdition(
  db: Executor,
  deps: Services,
  actor: Actor,
  courseCode: string,
  input: unknown,
): Promise<Edition> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  const code = courseCodeSchema.safeParse(courseCode);
  if (!code.success) throw new AppError('not_found');
  const { data, columns } = parseEditionInput(input);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const course = await findCourseByCode(trx, code.data);
    if (!course) throw new AppError('not_found');
    if (course.status === 'retired') throw new AppError('invalid_state', { reason: 'course-retired' });
    await checkCodeAndFacilitators(trx, data, null);
    await insertEdition(trx, { id, course_id: course.id, ...columns, created_at: now, updated_at: now });
    await setEditionFacilitators(trx, id, [...new Set(data.facilitatorIds)]);
    await audit(trx, deps.clock, actor, {
      action: 'edition.created',
      targetType: 'edition',
      targetId: id,
      after: { course: course.code, ...columns, facilitatorIds: data.facilitatorIds },
    });
  });
  return (await getEdition(db, deps, actor, id)).edition;
}

/** Replaces an edition's details (programme managers; audited with before and after). */
export async function updateEdition(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<Edition> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  if (!isId(editionId)) throw new AppError('not_found');
  const { data, columns } = parseEditionInput(input);
  await inTransaction(db, async (trx) => {
    const before = await findEditionById(trx, editionId);
    if (!before) throw new AppError('not_found');
    await checkCodeAndFacilitators(trx, data, editionId);
    await updateEditionRow(trx, editionId, { ...columns, updated_at: deps.clock.now().toISOString() });
    await setEditionFacilitators(trx, editionId, [...new Set(data.facilitatorIds)]);
    const { id: _id, created_at: _c, updated_at: _u, ...beforeColumns } = before;
    await audit(trx, deps.clock, actor, {
      action: 'edition.updated',
      targetType: 'edition',
      targetId: editionId,
      before: beforeColumns,
      after: { ...columns, facilitatorIds: data.facilitatorIds },
    });
    // A larger capacity frees places: the waiting list moves up in the same transaction.
    await fillPlacesAfterEditionChange(trx, deps, editionId);
  });
  return (await getEdition(db, deps, actor, editionId)).edition;
}
