import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { parseLocalized, pickLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import type { UploadedUserFile } from '../../kernel/uploaded-file.js';
import { getThread, postInForum } from '../forums/forums.port.js';
import { phaseState } from './roleplay.js';
import { roleplayAccessFor } from './roleplay-access.js';
import { listPhases, listRoles } from './roleplays.repository.js';

/**
 * Posts in a phase's in-character discussion (a new topic with `subject`, or a reply in `threadId`) under
 * the name of the role the author holds, in the edition's language: participants see the role, staff see
 * who, with an optional file as any forum post. Someone holding more than one role names the one the post is written as (`roleId`, one they hold);
 * without it, the first in `orderHeldRoles`' order. The post keeps that name. Holders post while the phase
 * is open; the edition's staff post at any time (as themselves).
 */
export async function postInCharacter(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  phaseId: string,
  input: {
    subject?: string;
    threadId?: string;
    body: string;
    roleId?: string;
    /** A file attached to the post (checked by the forum as any post's file). */
    attachment?: UploadedUserFile | null;
  },
): Promise<{ threadId: string; postId: string }> {
  const access = await roleplayAccessFor(db, actor, itemId, 'roleplay.view', deps.clock.now().toISOString());
  const phase = (await listPhases(db, access.item.id)).find((p) => p.id === phaseId);
  if (!phase?.forum_id) throw new AppError('not_found');
  if (input.roleId && !access.heldRoleIds.includes(input.roleId))
    throw new AppError('validation_failed', {}, [{ path: 'roleId', key: 'validation.invalidChoice' }]);
  const roleId = input.roleId || access.heldRoleIds[0];
  if (!access.can.manage) {
    if (!roleId) throw new AppError('forbidden');
    if (
      phaseState({ startsAt: phase.starts_at, endsAt: phase.ends_at }, deps.clock.now().toISOString()) !==
      'open'
    )
      throw new AppError('invalid_state', {}, [{ path: 'body', key: 'roleplays.error.phaseClosed' }]);
  }
  // A reply stays in the phase's own discussion (a persona is never lent to another forum).
  if (input.threadId) {
    const thread = await getThread(db, deps, actor, input.threadId, { markRead: false });
    if (thread.forum.id !== phase.forum_id) throw new AppError('not_found');
  }
  const role = roleId ? (await listRoles(db, [access.item.id])).find((r) => r.id === roleId) : undefined;
  const persona = role
    ? pickLocalized(parseLocalized(role.name_i18n), access.space.edition.language as 'en').text
    : null;
  return postInForum(db, deps, actor, {
    ...(input.threadId
      ? { threadId: input.threadId }
      : { forumId: phase.forum_id, subject: input.subject ?? '' }),
    body: input.body,
    persona,
    attachment: input.attachment ?? null,
  });
}
