/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Group tasks (`group-task` items of course spaces) named their group set by
 * name (`settings.groupSet`); they now reference it by id (`settings.groupSetId`), so renaming a set keeps
 * its tasks. Each task whose name matches a set of its edition gets that set's id (the oldest set of that
 * name, as the task page chose before); a name that matches none is left as it is (the task page still reads
 * a name until a set of that name exists). The spaces module's migration (it owns `space_items`); it reads the
 * groups module's `group_sets` in place, after that module's first migration: a migration is frozen and may not
 * call modules.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const tasks: { id: string; settings_json: string; edition_id: string }[] = await db
    .selectFrom('space_items')
    .innerJoin('spaces', 'spaces.id', 'space_items.space_id')
    .select(['space_items.id', 'space_items.settings_json', 'spaces.edition_id'])
    .where('space_items.kind', '=', 'group-task')
    .execute();
  for (const task of tasks) {
    let settings: Record<string, unknown>;
    try {
      settings = JSON.parse(task.settings_json) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof settings.groupSet !== 'string' || typeof settings.groupSetId === 'string') continue;
    const set: { id: string } | undefined = await db
      .selectFrom('group_sets')
      .select('id')
      .where('edition_id', '=', task.edition_id)
      .where('name', '=', settings.groupSet)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    if (!set) continue;
    const { groupSet: _name, ...rest } = settings;
    await db
      .updateTable('space_items')
      .set({ settings_json: JSON.stringify({ ...rest, groupSetId: set.id }) })
      .where('id', '=', task.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // Back to names: each task referencing a set by id names it again.
  const tasks: { id: string; settings_json: string }[] = await db
    .selectFrom('space_items')
    .select(['id', 'settings_json'])
    .where('kind', '=', 'group-task')
    .execute();
  for (const task of tasks) {
    const settings = JSON.parse(task.settings_json) as Record<string, unknown>;
    if (typeof settings.groupSetId !== 'string') continue;
    const set: { name: string } | undefined = await db
      .selectFrom('group_sets')
      .select('name')
      .where('id', '=', settings.groupSetId)
      .executeTakeFirst();
    const { groupSetId: _id, ...rest } = settings;
    await db
      .updateTable('space_items')
      .set({ settings_json: JSON.stringify({ ...rest, groupSet: set?.name ?? '' }) })
      .where('id', '=', task.id)
      .execute();
  }
}
