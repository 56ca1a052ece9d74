/** The cases module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

export const casesAuditEvents = defineAuditEvents({
  'cases.case-saved': z.object({
    after: z.object({ answerMode: z.string(), deadlineAt: z.string().nullable() }),
  }),
  'cases.news-scheduled': z.object({ after: z.object({ releaseId: z.string(), releaseAt: z.string() }) }),
  'cases.document-added': z.object({ after: z.object({ title: z.string(), fileName: z.string() }) }),
  'cases.answer-saved': z.object({ after: z.object({ ownerType: z.string(), length: z.number() }) }),
  'cases.feedback-given': z.object({ after: z.object({ answerId: z.string() }) }),
});

type CasesAuditEvents = typeof casesAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends CasesAuditEvents {}
}
