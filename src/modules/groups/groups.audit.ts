/** The groups module's audit actions (PERSISTED SHAPE: stored in the audit log). Ratings are never audited one by one. */
import { z } from 'zod';
import { defineAuditEvents, NO_PAYLOAD } from '../../kernel/audit.js';

const set = z.object({ name: z.string(), formation: z.string(), groups: z.number() });

export const groupsAuditEvents = defineAuditEvents({
  'groups.set-created': z.object({ after: set }),
  'groups.set-formed': z.object({ after: z.object({ formation: z.string(), members: z.number() }) }),
  'groups.set-deleted': z.object({ before: set }),
  'groups.member-placed': z.object({
    before: z.object({ groupId: z.string().nullable() }),
    after: z.object({ userId: z.string(), groupId: z.string().nullable() }),
  }),
  'groups.joined': z.object({ after: z.object({ groupId: z.string() }) }),
  'groups.left': z.object({ before: z.object({ groupId: z.string() }) }),
  'groups.page-saved': z.object({ after: z.object({ version: z.number() }) }),
  'groups.file-added': z.object({ after: z.object({ fileName: z.string(), size: z.number() }) }),
  'groups.file-removed': z.object({ before: z.object({ fileName: z.string() }) }),
  'groups.task-submitted': z.object({ after: z.object({ groupId: z.string(), version: z.number() }) }),
  'groups.peer-evaluation-opened': z.object({
    after: z.object({ opensAt: z.string(), closesAt: z.string() }),
  }),
  'groups.peer-ratings-given': NO_PAYLOAD,
});

type GroupsAuditEvents = typeof groupsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends GroupsAuditEvents {}
}
