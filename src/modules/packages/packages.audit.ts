/** The packages module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const result = z.object({ status: z.string(), score: z.number().nullable() });

export const packagesAuditEvents = defineAuditEvents({
  'packages.package-imported': z.object({
    after: z.object({ editionId: z.string(), standard: z.string(), title: z.string(), files: z.number() }),
  }),
  'packages.attempt-started': z.object({ after: z.object({ packageId: z.string(), number: z.number() }) }),
  'packages.attempt-result': z.object({ before: result, after: result }),
});

type PackagesAuditEvents = typeof packagesAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends PackagesAuditEvents {}
}
