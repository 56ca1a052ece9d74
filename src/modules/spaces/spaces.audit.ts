/**
 * The spaces module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in the
 * audit log and shown on histories; change a schema only in ways that old rows still match.
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const localized = z.record(z.string(), z.string().optional());
const section = z.object({ title: localized, phase: z.string().nullable() });

export const spacesAuditEvents = defineAuditEvents({
  'space.section-added': z.object({ after: section }),
  'space.section-changed': z.object({ after: section }),
  'space.section-removed': z.object({ before: z.object({ title: z.string() }) }),
  'space.item-added': z.object({ after: z.record(z.string(), z.unknown()) }),
  'space.item-changed': z.object({ after: z.record(z.string(), z.unknown()) }),
  'space.item-removed': z.object({ before: z.object({ kind: z.string(), title: z.string() }) }),
  'space.reordered': z.object({ after: z.object({ direction: z.enum(['up', 'down']) }) }),
  'space.item-completed': z.object({ after: z.object({ outcome: z.string(), rule: z.string() }) }),
  'space.copied': z.object({
    after: z.object({
      fromEditionId: z.string(),
      days: z.number().int(),
      sections: z.number().int(),
      items: z.number().int(),
    }),
  }),
});

type SpacesAuditEvents = typeof spacesAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends SpacesAuditEvents {}
}
