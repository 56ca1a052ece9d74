/**
 * The catalogue module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in
 * the audit log and shown on histories; change a schema only in ways that old rows still match (or they
 * are shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const fields = z.record(z.string(), z.unknown());
const courseStatus = z.object({
  before: z.object({ status: z.string() }),
  after: z.object({ status: z.string() }),
});

export const catalogueAuditEvents = defineAuditEvents({
  'course.created': z.object({ after: z.looseObject({ code: z.string() }) }),
  'course.updated': z.object({
    before: z.looseObject({ code: z.string() }),
    after: z.looseObject({ code: z.string() }),
  }),
  'course.retired': courseStatus,
  'course.reactivated': courseStatus,
  'edition.created': z.object({
    after: z.looseObject({ course: z.string(), facilitatorIds: z.array(z.string()) }),
  }),
  'edition.updated': z.object({
    before: fields,
    after: z.looseObject({ facilitatorIds: z.array(z.string()) }),
  }),
});

type CatalogueAuditEvents = typeof catalogueAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends CatalogueAuditEvents {}
}
