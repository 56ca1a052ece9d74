/**
 * A group's shared page: Markdown, kept as numbered revisions. A save names the version it was edited
 * from; when another save came first, it is refused (never overwritten) with both texts so the person can
 * merge them. The primary key (group, version) refuses two saves of the same version even at once.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { groupAccess } from './group-access.js';
import { insertPageRevision, latestPageRevision, listPageRevisions } from './group-work.repository.js';
import { markdownText, versionField } from './texts.js';

export const PAGE_MAX = 100_000;

export const pageSchema = z.object({
  version: versionField,
  body: markdownText(PAGE_MAX),
});

/** A refused save: the text saved meanwhile (and its version) and the text the person typed. */
export class EditConflict extends AppError {
  constructor(
    readonly current: { version: number; body: string },
    readonly yours: string,
  ) {
    super('invalid_state', {}, [{ path: 'body', key: 'groups.error.editConflict' }]);
  }
}

export async function saveSharedPage(
  db: Executor,
  deps: Services,
  actor: Actor,
  groupId: string,
  input: unknown,
): Promise<{ version: number }> {
  const access = await groupAccess(db, actor, groupId, 'group.contribute');
  const data = parseInput(pageSchema, input);
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const latest = await latestPageRevision(trx, access.group.id);
    const current = latest?.version ?? 0;
    if (data.version !== current)
      throw new EditConflict({ version: current, body: latest?.body ?? '' }, data.body);
    if (latest && latest.body === data.body) return { version: current };
    const inserted = await insertPageRevision(trx, {
      group_id: access.group.id,
      version: current + 1,
      body: data.body,
      edited_by: actor.kind === 'user' ? actor.id : null,
      edited_at: now,
    });
    if (!inserted) {
      const now2 = await latestPageRevision(trx, access.group.id);
      throw new EditConflict({ version: now2?.version ?? current, body: now2?.body ?? '' }, data.body);
    }
    await audit(trx, deps.clock, actor, {
      action: 'groups.page-saved',
      targetType: 'group',
      targetId: access.group.id,
      after: { version: current + 1 },
    });
    return { version: current + 1 };
  });
}

/** The page's revisions, newest first (members and staff). */
export async function sharedPageHistory(db: Executor, actor: Actor, groupId: string) {
  const access = await groupAccess(db, actor, groupId, 'group.view');
  return { access, revisions: await listPageRevisions(db, access.group.id) };
}
