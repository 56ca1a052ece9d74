/** The marking module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

export const markingAuditEvents = defineAuditEvents({
  'marking.rubric-saved': z.object({
    after: z.object({
      title: z.string(),
      version: z.number(),
      criteria: z.number(),
      remark: z.enum(['keep', 'remark']).optional(),
      remarked: z.number().optional(),
    }),
  }),
  'marking.submission-registered': z.object({
    after: z.object({ ownerModule: z.string(), ownerId: z.string(), contextId: z.string() }),
  }),
  'marking.marker-allocated': z.object({ after: z.object({ markerId: z.string(), role: z.string() }) }),
  'marking.mark-saved': z.object({
    after: z.object({ role: z.string(), total: z.number().nullable(), completed: z.boolean() }),
  }),
  'marking.state-changed': z.object({
    before: z.object({ state: z.string() }),
    after: z.object({ state: z.string() }),
  }),
  'marking.mark-agreed': z.object({
    after: z.object({ mark: z.number(), discrepant: z.boolean(), note: z.string().nullable() }),
  }),
  'marking.released': z.object({
    after: z.object({
      mark: z.number(),
      passed: z.boolean(),
      latePenalty: z.number().optional(),
      /** A group's submission: each member's released mark (hundredths). */
      memberMarks: z.record(z.string(), z.number()).optional(),
    }),
  }),
  'marking.feedback-file-added': z.object({
    after: z.object({ fileId: z.string(), rank: z.number(), type: z.string() }),
  }),
  'marking.bank-comment-added': z.object({ after: z.object({ rubricId: z.string().nullable() }) }),
  'marking.bank-comment-removed': z.object({ before: z.object({ commentId: z.string() }) }),
  'marking.languages-declared': z.object({ after: z.object({ languages: z.array(z.string()) }) }),
  'marking.identities-revealed': z.object({ after: z.object({ contextId: z.string() }) }),
  'marking.examiner-appointed': z.object({
    after: z.object({ contextId: z.string(), personId: z.string() }),
  }),
  'marking.examiner-withdrawn': z.object({
    before: z.object({ contextId: z.string(), personId: z.string() }),
  }),
});

type MarkingAuditEvents = typeof markingAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends MarkingAuditEvents {}
}
