/**
 * The programmes module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in
 * the audit log and shown on histories; change a schema only in ways that old rows still match (or they
 * are shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const fields = z.record(z.string(), z.unknown());

export const programmesAuditEvents = defineAuditEvents({
  'theme.created': z.object({ after: z.looseObject({ slug: z.string() }) }),
  'theme.updated': z.object({ before: fields, after: fields }),
  'programme.created': z.object({ after: z.looseObject({ slug: z.string() }) }),
  'programme.updated': z.object({ before: fields, after: fields }),
});

type ProgrammesAuditEvents = typeof programmesAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends ProgrammesAuditEvents {}
}
