/** The forums module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const flags = z.object({ pinned: z.boolean(), locked: z.boolean() });

export const forumsAuditEvents = defineAuditEvents({
  'forums.post-hidden': z.object({ after: z.object({ note: z.string() }) }),
  'forums.post-restored': z.object({ before: z.object({ note: z.string().nullable() }) }),
  'forums.post-reported': z.object({ after: z.object({ reason: z.string() }) }),
  'forums.post-edited': z.object({
    before: z.object({ length: z.number() }),
    after: z.object({ length: z.number() }),
  }),
  'forums.thread-flags-changed': z.object({ before: flags, after: flags }),
  'forums.debate-teams-set': z.object({ after: z.object({ people: z.number() }) }),
  'forums.debate-summary-written': z.object({ after: z.object({ length: z.number() }) }),
});

type ForumsAuditEvents = typeof forumsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends ForumsAuditEvents {}
}
