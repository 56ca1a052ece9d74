/**
 * The credentials module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored
 * in the audit log and shown on histories; change a schema only in ways that old rows still match (or
 * they are shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const statusChange = z.object({
  before: z.object({ status: z.string(), reason: z.string().nullish() }),
  after: z.looseObject({
    status: z.string(),
    reason: z.string().nullish(),
    note: z.string().nullish(),
    kind: z.string(),
    userId: z.string(),
  }),
});

export const credentialsAuditEvents = defineAuditEvents({
  'credential.issued': z.object({
    after: z.looseObject({
      kind: z.string(),
      userId: z.string(),
      shortCode: z.string(),
      statusIndex: z.number().int(),
      resultId: z.string().optional(),
      candidacyId: z.string().optional(),
    }),
  }),
  'diploma.awarded': z.object({
    after: z.object({ credentialId: z.string(), shortCode: z.string(), components: z.unknown() }),
  }),
  'credential.signed': z.object({
    after: z.object({
      types: z.unknown(),
      subject: z.unknown(),
      statusIndex: z.number().int().optional(),
      purposes: z.array(z.string()).optional(),
    }),
  }),
  'credential.status_updated': z.object({
    after: z.object({ changes: z.array(z.object({ purpose: z.string(), value: z.boolean() })) }),
  }),
  'programme.auto-award-set': z.object({
    before: z.object({ awardAutomatically: z.boolean() }),
    after: z.object({ awardAutomatically: z.boolean() }),
  }),
  'credential.revoked': statusChange,
  'credential.suspended': statusChange,
  'credential.reinstated': statusChange,
  'credential.component-revoked': z.object({
    after: z.looseObject({
      componentId: z.string(),
      componentShortCode: z.string(),
      outcome: z.enum(['suspended', 'still-holds', 'already-suspended']),
      awardable: z.boolean(),
    }),
  }),
  'credential.superseded': z.object({
    after: z.object({ supersededBy: z.string(), shortCode: z.string(), note: z.string().nullish() }),
  }),
  'issuer.keys-rotated': z.object({
    before: z.object({ keys: z.array(z.string()) }),
    after: z.object({ active: z.array(z.string()), retired: z.array(z.string()) }),
  }),
  'issuer.profile-updated': z.object({
    before: z.record(z.string(), z.unknown()).nullish(),
    after: z.looseObject({ name: z.unknown(), url: z.string().nullish(), email: z.string().nullish() }),
  }),
});

type CredentialsAuditEvents = typeof credentialsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends CredentialsAuditEvents {}
}
