/**
 * Finding a case item for an actor: the item (through the spaces module), the actor's standing in its
 * edition (others are told it does not exist), the case's row (made on first use by staff changes).
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { type SpaceAccess, spaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { findItemOfKind, isItemOpenTo } from '../spaces/spaces.queries.js';
import { type CaseAction, canCase } from './cases.policy.js';
import { findCase, insertCase } from './cases.repository.js';
import type { CaseRow } from './cases.tables.js';

export const CASE_KIND = 'case';

export interface CaseAccess {
  item: SpaceItemRef;
  space: SpaceAccess;
  can: Record<'view' | 'answer' | 'manage', boolean>;
}

/** The case item as `actor` may see it (`not_found` otherwise; locked items too for participants). */
export async function caseAccess(
  db: Executor,
  actor: Actor,
  itemId: string,
  now: string,
  options: { openChecked?: boolean } = {},
): Promise<CaseAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const item = await findItemOfKind(db, CASE_KIND, itemId);
  if (!item) throw new AppError('not_found');
  const space = await spaceAccess(db, actor, item.editionId);
  return caseAccessToItem(db, actor, item, space, now, options);
}

/** The standing of `actor` in a case item already found with its space (the space's item page). */
export async function caseAccessToItem(
  db: Executor,
  actor: Actor,
  item: SpaceItemRef,
  space: SpaceAccess,
  now: string,
  options: { openChecked?: boolean } = {},
): Promise<CaseAccess> {
  const learnerOnly = space.can.learn && !space.can.build && actor.kind === 'user';
  if (
    learnerOnly &&
    actor.kind === 'user' &&
    !options.openChecked &&
    !(await isItemOpenTo(db, space, item.id, actor.id, now))
  )
    throw new AppError('not_found');
  return {
    item,
    space,
    can: {
      view: canCase(space.can, 'case.view'),
      answer: canCase(space.can, 'case.answer'),
      manage: canCase(space.can, 'case.manage'),
    },
  };
}

/** The access, refused (403) when the actor may not do `action`. */
export async function caseAccessFor(
  db: Executor,
  actor: Actor,
  itemId: string,
  action: CaseAction,
  now: string,
): Promise<CaseAccess> {
  const access = await caseAccess(db, actor, itemId, now);
  const allowed = {
    'case.view': access.can.view,
    'case.answer': access.can.answer,
    'case.manage': access.can.manage,
  };
  if (!allowed[action]) throw new AppError('forbidden');
  return access;
}

/** The case's row, made with empty texts on first use. */
export async function ensureCase(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  itemId: string,
): Promise<CaseRow> {
  const found = await findCase(db, itemId);
  if (found) return found;
  await insertCase(db, {
    item_id: itemId,
    context_i18n: '{}',
    questions_i18n: '{}',
    answer_mode: 'individual',
    group_set_id: null,
    deadline_at: null,
    debrief_i18n: '{}',
    updated_at: deps.clock.now().toISOString(),
  });
  return (await findCase(db, itemId)) as CaseRow;
}
