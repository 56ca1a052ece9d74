/** The capstones module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

const state = z.object({ state: z.string() });
const plan = z.object({
  outline: z.string().nullable(),
  draft: z.string().nullable(),
  final: z.string().nullable(),
});

export const capstonesAuditEvents = defineAuditEvents({
  'capstones.proposal-saved': z.object({ after: z.object({ title: z.string(), country: z.string() }) }),
  'capstones.proposal-submitted': z.object({ before: state, after: state }),
  'capstones.proposal-decided': z.object({
    before: state,
    after: state.extend({ decision: z.string(), comment: z.string() }),
  }),
  'capstones.supervisor-assigned': z.object({
    before: z.object({ supervisorId: z.string().nullable() }),
    after: z.object({ supervisorId: z.string() }),
  }),
  'capstones.supervisor-load-set': z.object({
    after: z.object({ personId: z.string(), maxLoad: z.number() }),
  }),
  'capstones.settings-saved': z.object({
    after: z.object({ rubricId: z.string().nullable(), passMark: z.number(), discrepancy: z.number() }),
  }),
  'capstones.draft-added': z.object({ after: z.object({ sha256: z.string(), type: z.string() }) }),
  'capstones.final-submitted': z.object({
    before: state,
    after: state.extend({ attempt: z.number(), digest: z.string() }),
  }),
  'capstones.assessors-allocated': z.object({
    after: z.object({ firstMarkerId: z.string(), secondMarkerId: z.string() }),
  }),
  'capstones.outcome-recorded': z.object({
    before: state,
    after: state.extend({ mark: z.number(), resubmissionDue: z.string().nullable() }),
  }),
  'capstones.library-consent-changed': z.object({
    before: z.object({ published: z.boolean() }),
    after: z.object({ published: z.boolean(), licence: z.string().nullable() }),
  }),
  'capstones.committee-changed': z.object({
    after: z.object({ programmeId: z.string(), personId: z.string(), member: z.boolean() }),
  }),
  'capstones.milestone-recorded': z.object({
    after: z.object({ milestone: z.string(), reachedOn: z.string() }),
  }),
  'capstones.milestones-replanned': z.object({
    before: plan,
    after: plan,
  }),
});

type CapstonesAuditEvents = typeof capstonesAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends CapstonesAuditEvents {}
}
