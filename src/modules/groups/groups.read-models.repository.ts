/**
 * The groups module's published read model: who is in which group, as other modules join to it in their own
 * queries (a role-play role held by a group, a forum whose members are a group's). Only groups names its
 * tables; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

/** Every membership: `group_id`, `group_set_id`, `user_id` (an account id). */
export function groupMembersView(db: Executor) {
  return db.selectFrom('group_members').select(['group_id', 'group_set_id', 'user_id']);
}
