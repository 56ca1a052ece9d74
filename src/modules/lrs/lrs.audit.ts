/** The LRS module's audit actions (PERSISTED SHAPE: stored in the audit log; never the secret). */
import { z } from 'zod';
import { defineAuditEvents, NO_PAYLOAD } from '../../kernel/audit.js';

export const lrsAuditEvents = defineAuditEvents({
  'lrs.credential-created': z.object({ after: z.object({ name: z.string(), key: z.string() }) }),
  'lrs.credential-revoked': NO_PAYLOAD,
});

type LrsAuditEvents = typeof lrsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends LrsAuditEvents {}
}
