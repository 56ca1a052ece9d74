/**
 * The group task, its use cases: the task page (a member sees their group's work area; staff every
 * group's), and saving a group's work (a version number guards against overwriting another member's save;
 * submitting records `submitted` on the item for every member of the group).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import { type SpaceAccess, spaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { findItemOfKind, isItemOpenTo } from '../spaces/spaces.queries.js';
import { findTaskWork, listTaskWork, saveTaskWork } from './group-work.repository.js';
import { type GroupSetView, type GroupView, groupSetsOfEdition } from './groups.port.js';
import type { GroupTaskWorkRow } from './groups.tables.js';
import { EditConflict, PAGE_MAX } from './shared-page.js';
import { markdownText, versionField } from './texts.js';

export const GROUP_TASK_KIND = 'group-task';
export const INSTRUCTIONS_MAX = 20_000;

export const groupTaskSettingsSchema = z
  .object({
    /** The group set's id (one of the edition's, chosen in the builder): renaming the set keeps the task. */
    groupSetId: z
      .string()
      .trim()
      .max(64, 'validation.tooLong')
      .optional()
      .transform((v) => v || undefined),
    /**
     * PERSISTED, read only: tasks saved before 2026-12-08 named their set. The migration
     * `2026-12-08T0110-group-task-set-ids` gave each its set's id; a name that matched no set stays here and
     * still finds a set of that name.
     */
    groupSet: z.string().trim().max(120, 'validation.tooLong').optional(),
    /** Markdown. */
    instructions: z.string().max(INSTRUCTIONS_MAX, 'validation.tooLong').default(''),
  })
  .refine((s) => Boolean(s.groupSetId || s.groupSet), {
    path: ['groupSetId'],
    message: 'validation.required',
  });
export type GroupTaskSettings = z.infer<typeof groupTaskSettingsSchema>;

export const workSchema = z.object({
  version: versionField,
  body: markdownText(PAGE_MAX),
  submit: z.string().optional(),
});

/** Pure: is the task done in this set? By the set's id (an older task: by the name it kept). */
export function isTaskOfSet(settings: GroupTaskSettings, set: { id: string; name: string }): boolean {
  return settings.groupSetId ? settings.groupSetId === set.id : settings.groupSet === set.name;
}

/** The set of a task among the edition's (the oldest one, for an older task's name), else null. */
export function setOfTask(sets: readonly GroupSetView[], settings: GroupTaskSettings): GroupSetView | null {
  return sets.find((s) => isTaskOfSet(settings, s)) ?? null;
}

export interface GroupTaskPage {
  item: SpaceItemRef<GroupTaskSettings>;
  space: SpaceAccess;
  set: GroupSetView | null;
  /** The groups the viewer sees (their own; staff: all), with their work. */
  groups: { group: GroupView; work: GroupTaskWorkRow | null }[];
  staff: boolean;
}

async function taskAccess(db: Executor, deps: Services, actor: Actor, itemId: string) {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const found = await findItemOfKind(db, GROUP_TASK_KIND, itemId);
  if (!found) throw new AppError('not_found');
  const space = await spaceAccess(db, actor, found.editionId);
  const parsed = groupTaskSettingsSchema.safeParse(found.settings);
  if (!parsed.success) throw new AppError('not_found');
  const staff = space.can.build;
  if (
    !staff &&
    actor.kind === 'user' &&
    !(await isItemOpenTo(db, space, found.id, actor.id, deps.clock.now().toISOString()))
  )
    throw new AppError('not_found');
  const item = { ...found, settings: parsed.data };
  const set = setOfTask(await groupSetsOfEdition(db, found.editionId), parsed.data);
  return { item, space, set, staff };
}

export async function getGroupTaskPage(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<GroupTaskPage> {
  const { item, space, set, staff } = await taskAccess(db, deps, actor, itemId);
  const me = actor.kind === 'user' ? actor.id : '';
  const visible = (set?.groups ?? []).filter((g) => staff || g.memberIds.includes(me));
  const work = new Map((await listTaskWork(db, item.id)).map((w) => [w.group_id, w]));
  return {
    item,
    space,
    set,
    staff,
    groups: visible.map((group) => ({ group, work: work.get(group.id) ?? null })),
  };
}

/** Saves (and with `submit`, submits) a group's work on the task; a member of the group only. */
export async function saveGroupTaskWork(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<{ version: number; submitted: boolean }> {
  const { item, set } = await taskAccess(db, deps, actor, itemId);
  const me = actor.kind === 'user' ? actor.id : '';
  const group = set?.groups.find((g) => g.memberIds.includes(me));
  if (!group) throw new AppError('forbidden');
  const data = parseInput(workSchema, input);
  const submit = data.submit !== undefined && data.submit !== '';
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const current = await findTaskWork(trx, item.id, group.id);
    const version = current?.version ?? 0;
    if (data.version !== version) throw new EditConflict({ version, body: current?.body ?? '' }, data.body);
    const saved = await saveTaskWork(
      trx,
      {
        item_id: item.id,
        group_id: group.id,
        body: data.body,
        version: version + 1,
        updated_by: me,
        updated_at: now,
        submitted_by: submit ? me : (current?.submitted_by ?? null),
        submitted_at: submit ? now : (current?.submitted_at ?? null),
      },
      version,
    );
    if (!saved) {
      const again = await findTaskWork(trx, item.id, group.id);
      throw new EditConflict({ version: again?.version ?? version, body: again?.body ?? '' }, data.body);
    }
    if (submit) {
      for (const personId of group.memberIds)
        await recordItemOutcome(trx, deps, { itemId: item.id, personId, outcome: { kind: 'submitted' } });
      await audit(trx, deps.clock, actor, {
        action: 'groups.task-submitted',
        targetType: 'space_item',
        targetId: item.id,
        after: { groupId: group.id, version: version + 1 },
      });
    }
    return { version: version + 1, submitted: submit };
  });
}
