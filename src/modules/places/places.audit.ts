/**
 * The places module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in the
 * audit log and shown on histories; change a schema only in ways that old rows still match (or they are
 * shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const placeChange = z.object({
  before: z.object({ editionId: z.string(), status: z.string() }),
  after: z.object({ status: z.literal('enrolled') }),
});

export const placesAuditEvents = defineAuditEvents({
  'place.requested': z.object({
    after: z.object({ editionId: z.string(), status: z.string(), fundingKind: z.string().nullish() }),
  }),
  'place.confirmed': placeChange,
  'place.movedUp': placeChange,
  'place.declined': z.object({
    before: z.object({ editionId: z.string(), status: z.string() }),
    after: z.object({ status: z.literal('declined'), reason: z.string().nullish() }),
  }),
  'place.withdrawn': z.object({
    before: z.object({ editionId: z.string(), status: z.string() }),
    after: z.object({ status: z.literal('withdrawn') }),
  }),
  'place.enrolledDirectly': z.object({
    after: z.object({ editionId: z.string(), fundingKind: z.string().nullish() }),
  }),
  'place.movedToTop': z.object({
    before: z.object({ editionId: z.string(), position: z.number().nullable() }),
    after: z.object({ position: z.number() }),
  }),
  'places.imported': z.object({ after: z.object({ enrolled: z.number().int() }) }),
  'enrolment.created': z.object({
    after: z.object({ editionId: z.string(), importId: z.string().optional() }),
  }),
});

type PlacesAuditEvents = typeof placesAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends PlacesAuditEvents {}
}
