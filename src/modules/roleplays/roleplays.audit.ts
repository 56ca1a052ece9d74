/** The roleplays module's audit actions (PERSISTED SHAPE: stored in the audit log). Briefs never enter it. */
import { z } from 'zod';
import { defineAuditEvents, NO_PAYLOAD } from '../../kernel/audit.js';

const role = z.object({ roleId: z.string(), name: z.string() });

export const roleplaysAuditEvents = defineAuditEvents({
  'roleplays.settings-saved': z.object({ after: z.object({ allowOwnConstituency: z.boolean() }) }),
  'roleplays.role-saved': z.object({ before: role.nullable().optional(), after: role }),
  'roleplays.role-removed': z.object({ before: role }),
  'roleplays.roles-assigned': z.object({
    after: z.object({ mode: z.string(), holders: z.number(), ownConstituency: z.number() }),
  }),
  'roleplays.phase-saved': z.object({
    after: z.object({ phaseId: z.string(), startsAt: z.string(), endsAt: z.string() }),
  }),
  'roleplays.phase-removed': z.object({ before: z.object({ phaseId: z.string() }) }),
  'roleplays.debrief-saved': z.object({ after: z.object({ published: z.boolean() }) }),
  'roleplays.briefs-revealed': NO_PAYLOAD,
  'roleplays.outcome-edited': z.object({ after: z.object({ version: z.number(), length: z.number() }) }),
});

type RoleplaysAuditEvents = typeof roleplaysAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends RoleplaysAuditEvents {}
}
