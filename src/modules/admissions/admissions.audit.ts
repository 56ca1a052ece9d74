/**
 * The admissions module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in
 * the audit log and shown on histories; change a schema only in ways that old rows still match (or they
 * are shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const status = z.object({ status: z.string() });
const flag = z.union([z.boolean(), z.number()]).nullish();

export const admissionsAuditEvents = defineAuditEvents({
  'application.started': z.object({ after: z.object({ programmeId: z.string(), status: z.string() }) }),
  'application.step-saved': z.object({ after: z.object({ step: z.union([z.string(), z.number()]) }) }),
  'application.file-uploaded': z.object({
    after: z.object({ kind: z.string(), sizeBytes: z.number(), sha256: z.string() }),
  }),
  'application.file-removed': z.object({ before: z.object({ kind: z.string(), sha256: z.string() }) }),
  'application.submitted': z.object({
    before: status,
    after: z.object({ status: z.string(), eligible: flag }),
  }),
  'application.withdrawn': z.object({ before: status, after: status }),
  'application.decided': z.object({
    before: status,
    after: z.object({
      status: z.string(),
      decision: z.string(),
      decisionId: z.string(),
      message: z.string().nullish(),
      candidacyId: z.string().nullish(),
    }),
  }),
  'application.reopened': z.object({
    before: z.object({
      status: z.string(),
      decision: z.string().nullish(),
      candidacyId: z.string().nullish(),
    }),
    after: z.object({ status: z.string(), reason: z.string(), candidacyKept: z.string().nullish() }),
  }),
  'application.reviewer-assigned': z.object({
    before: status,
    after: z.object({ reviewerId: z.string(), status: z.string() }),
  }),
  'application.reviewer-unassigned': z.object({ before: z.object({ reviewerId: z.string() }) }),
  'application.commented': z.object({ after: z.object({ commentId: z.string() }) }),
  'application.scored': z.object({
    before: z
      .object({ scores: z.unknown(), total: z.number(), recommendation: z.string().nullish() })
      .optional(),
    after: z.object({ scores: z.unknown(), total: z.number(), recommendation: z.string().nullish() }),
  }),
  'application.eligibility-overridden': z.object({
    before: z.object({ eligible: flag, overrideReason: z.string().nullish() }),
    after: z.object({ overrideReason: z.string() }),
  }),
  'admissions.settings-saved': z.object({
    before: z.record(z.string(), z.unknown()).nullish(),
    after: z.looseObject({ open: z.boolean() }),
  }),
});

type AdmissionsAuditEvents = typeof admissionsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends AdmissionsAuditEvents {}
}
