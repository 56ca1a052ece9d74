/**
 * The job queue's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in the
 * audit log and shown on histories; change a schema only in ways that old rows still match (or they are
 * shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../kernel/audit.js';

export const jobsAuditEvents = defineAuditEvents({
  'job.retried': z.object({
    before: z.object({
      kind: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullish(),
      errorKind: z.string().nullish(),
    }),
    after: z.object({ status: z.literal('pending'), attempts: z.literal(0), bulk: z.boolean().optional() }),
  }),
});

type JobsAuditEvents = typeof jobsAuditEvents;
declare module '../kernel/audit.js' {
  interface AuditEvents extends JobsAuditEvents {}
}
