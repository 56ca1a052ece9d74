/**
 * The results module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in the
 * audit log and shown on histories; change a schema only in ways that old rows still match.
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

export const resultsAuditEvents = defineAuditEvents({
  'result-policy.saved': z.object({
    after: z.object({ editionId: z.string(), version: z.number().int(), components: z.number().int() }),
  }),
  'result-override.set': z.object({
    before: z.object({ mark: z.string().nullable() }),
    after: z.object({
      editionId: z.string(),
      componentId: z.string(),
      mark: z.string().nullable(),
      reason: z.string(),
    }),
  }),
  'results.finalised': z.object({
    after: z.object({
      editionId: z.string(),
      policyVersion: z.number().int(),
      recorded: z.number().int(),
      pending: z.number().int(),
      locked: z.number().int(),
    }),
  }),
});

type ResultsAuditEvents = typeof resultsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends ResultsAuditEvents {}
}
