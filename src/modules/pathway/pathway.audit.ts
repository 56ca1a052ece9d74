/**
 * The pathway module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in the
 * audit log and shown on histories; change a schema only in ways that old rows still match (or they are
 * shown generically).
 */
import { z } from 'zod';
import { defineAuditEvents } from '../../kernel/audit.js';

/** Every change to a candidacy records its standing (as the cached standing shows it) before and after. */
const candidacyChange = <B extends z.ZodRawShape, A extends z.ZodRawShape>(before: B, after: A) =>
  z.object({
    before: z.object({ ...before, standing: z.string() }),
    after: z.object({ ...after, standing: z.string() }),
  });

const result = {
  outcome: z.string(),
  grade: z.union([z.string(), z.number()]).nullish(),
  completedOn: z.string().nullish(),
};
const legacyResult = {
  course: z.string(),
  ...result,
  startedOn: z.string().nullish(),
  reference: z.string().nullish(),
};

export const pathwayAuditEvents = defineAuditEvents({
  'candidate.registered': z.object({
    after: z.object({
      programme: z.string(),
      userId: z.string(),
      registeredOn: z.string(),
      ruleVersion: z.number().int(),
    }),
  }),
  'candidate.extension-granted': candidacyChange(
    { extensionMonths: z.number() },
    { extensionMonths: z.number(), months: z.number(), reason: z.string() },
  ),
  'candidate.rule-version-changed': candidacyChange(
    { ruleVersion: z.number().int().optional() },
    { ruleVersion: z.number().int() },
  ),
  'candidate.withdrawn': candidacyChange(
    { status: z.string() },
    { status: z.string(), reason: z.string().nullish() },
  ),
  'candidate.reinstated': candidacyChange(
    { status: z.string(), reason: z.string().nullish() },
    { status: z.string() },
  ),
  'candidate.capstone-updated': candidacyChange(
    { capstone: z.string(), completedOn: z.string().nullish() },
    { capstone: z.string(), completedOn: z.string().nullish() },
  ),
  'rule-version.created': z.object({
    after: z.object({ version: z.number().int(), effectiveFrom: z.string(), rules: z.unknown() }),
  }),
  'result.recorded': z.object({ after: z.object({ enrolmentId: z.string(), ...result }) }),
  'result.changed': z.union([
    z.object({ before: z.object({ enrolmentId: z.string(), ...result }), after: z.object(result) }),
    z.object({ before: z.object(legacyResult), after: z.object(legacyResult) }),
  ]),
  'result.legacy-recorded': z.object({ after: z.object(legacyResult) }),
  'import.uploaded': z.object({
    after: z.object({
      fileName: z.string(),
      fileType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
    }),
  }),
  'import.committed': z.object({
    after: z.object({
      committedAt: z.string(),
      committedBy: z.string().nullable(),
      newResults: z.number(),
      changedResults: z.number(),
      unchangedRows: z.number(),
      enrolments: z.number(),
      candidaciesRefreshed: z.number(),
    }),
  }),
});

type PathwayAuditEvents = typeof pathwayAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends PathwayAuditEvents {}
}

/** The actions that change a candidacy through `changeCandidacy`. */
export type CandidacyChangeAction =
  | 'candidate.extension-granted'
  | 'candidate.rule-version-changed'
  | 'candidate.withdrawn'
  | 'candidate.reinstated'
  | 'candidate.capstone-updated';
