/** The webinars module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents, NO_PAYLOAD } from '../../kernel/audit.js';

const attendance = z.object({ attended: z.boolean(), source: z.string() });

export const webinarsAuditEvents = defineAuditEvents({
  'webinars.attendance-recorded': z.object({
    before: attendance.nullable().optional(),
    after: attendance.extend({ userId: z.string() }),
  }),
  'webinars.attendance-imported': z.object({
    after: z.object({ rows: z.number(), attended: z.number(), source: z.string() }),
  }),
  'webinars.material-added': z.object({
    after: z.object({ kind: z.string(), title: z.string(), fileName: z.string().nullable() }),
  }),
  'webinars.material-removed': z.object({ before: z.object({ kind: z.string(), title: z.string() }) }),
  'webinars.calendar-token-renewed': NO_PAYLOAD,
  'webinars.calendar-token-revoked': NO_PAYLOAD,
});

type WebinarsAuditEvents = typeof webinarsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends WebinarsAuditEvents {}
}
