import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { findCourseByCode, updateCourseRow } from './catalogue.repository.js';
import { courseCodeSchema } from './catalogue.schemas.js';
import type { CourseStatus } from './course.js';

/**
 * Retires a course (it leaves the public catalogue; its editions and results stay, and equivalences keep
 * it countable) or makes a retired course active again. Programme managers; audited.
 */
export async function setCourseStatus(
  db: Executor,
  deps: Services,
  actor: Actor,
  code: string,
  status: CourseStatus,
): Promise<void> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  const parsed = courseCodeSchema.safeParse(code);
  if (!parsed.success) throw new AppError('not_found');
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const row = await findCourseByCode(trx, parsed.data);
    if (!row) throw new AppError('not_found');
    if (row.status === status) return;
    await updateCourseRow(trx, row.id, {
      status,
      retired_at: status === 'retired' ? now : null,
      updated_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: status === 'retired' ? 'course.retired' : 'course.reactivated',
      targetType: 'course',
      targetId: row.id,
      before: { status: row.status },
      after: { status },
    });
  });
}
