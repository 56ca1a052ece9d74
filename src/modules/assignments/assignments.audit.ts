/** The assignments module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const dates = z.object({
  opensAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  cutoffAt: z.string().nullable(),
});

export const assignmentsAuditEvents = defineAuditEvents({
  'assignments.assignment-saved': z.object({ after: z.object({ editionId: z.string(), title: z.string() }) }),
  'assignments.draft-saved': z.object({ after: z.object({ attempt: z.number(), textLength: z.number() }) }),
  'assignments.file-uploaded': z.object({
    after: z.object({ type: z.string(), sizeBytes: z.number(), sha256: z.string() }),
  }),
  'assignments.file-removed': z.object({ before: z.object({ sha256: z.string() }) }),
  'assignments.submitted': z.object({
    after: z.object({ attempt: z.number(), late: z.boolean(), digest: z.string() }),
  }),
  'assignments.dates-overridden': z.object({
    after: dates.extend({
      scope: z.string(),
      personId: z.string().nullable(),
      groupId: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  }),
  'assignments.reopened': z.object({ after: z.object({ attempt: z.number(), reason: z.string() }) }),
  'assignments.reference-added': z.object({
    after: z.object({ title: z.string(), type: z.string(), sizeBytes: z.number() }),
  }),
  'assignments.reference-removed': z.object({ before: z.object({ title: z.string() }) }),
  'assignments.contribution-saved': z.object({
    after: z.object({ attempt: z.number(), groupId: z.string().nullable(), length: z.number() }),
  }),
});

type AssignmentsAuditEvents = typeof assignmentsAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends AssignmentsAuditEvents {}
}
