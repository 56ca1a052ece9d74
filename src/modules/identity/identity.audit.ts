/**
 * The identity module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in
 * the audit log and shown on histories; change a schema only in ways that old rows still match (or they
 * are shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents, NO_PAYLOAD } from '../../kernel/audit.js';

const roles = z.array(z.string());

export const identityAuditEvents = defineAuditEvents({
  'user.signed-up': z.object({
    after: z.object({ email: z.string(), fullName: z.string(), preferredLocale: z.string().nullish() }),
  }),
  'user.created': z.object({ after: z.object({ email: z.string(), fullName: z.string(), roles }) }),
  'user.email-confirmed': z.object({ after: z.object({ email: z.string() }) }),
  'user.profile-updated': z.object({
    before: z.record(z.string(), z.unknown()),
    after: z.record(z.string(), z.unknown()),
  }),
  'user.profile-from-application': z.object({
    before: z.object({ country: z.string().nullable(), constituency: z.string().nullable() }),
    after: z.object({ country: z.string().nullable(), constituency: z.string().nullable() }),
  }),
  'user.password-changed': NO_PAYLOAD,
  'user.password-reset': z.object({ after: z.object({ revokedApiTokens: z.number().int() }) }),
  'user.email-changed': z.object({
    before: z.object({ email: z.string() }),
    after: z.object({ email: z.string() }),
  }),
  'user.roles-changed': z.object({ before: roles, after: roles }),
  'api-token.created': z.object({
    after: z.object({ id: z.string(), name: z.string(), prefix: z.string() }),
  }),
  'api-token.revoked': z.object({ after: z.object({ id: z.string(), name: z.string() }) }),
});

type IdentityAuditEvents = typeof identityAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends IdentityAuditEvents {}
}
