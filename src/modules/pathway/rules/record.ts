/**
 * A candidate's record as the rule engine sees it: the facts (results, enrolments, capstone,
 * extensions), never a stored standing. Built by the pathway use cases from the database, or read
 * from a file by the CLI. Unknown fields are ignored (a record may carry ids).
 *
 * - An achievement without `start` falls back to its `completed` date (legacy certificates).
 * - `revoked` defaults to false; `enrolments`, `extensions` default to []; `capstone` may be absent.
 * - A passed capstone must carry its `completed` date.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.js';
import { courseCodeSchema } from './rules.js';

/** Most achievements, enrolments or extensions in one record. */
export const MAX_RECORD_ITEMS = 500;
/** Most months one extension may grant. */
export const MAX_EXTENSION_MONTHS = 60;
/** Longest extension reason. */
export const MAX_REASON_LENGTH = 2000;

/** An ISO calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: (issue) => `expected a date YYYY-MM-DD, got ${JSON.stringify(issue.input)}` });

const achievementSchema = z
  .object({
    course: courseCodeSchema,
    credential: z.enum(['achievement', 'participation']),
    start: isoDateSchema.optional(),
    completed: isoDateSchema,
    revoked: z.boolean().default(false),
  })
  .refine((achievement) => achievement.start === undefined || achievement.start <= achievement.completed, {
    error: 'start must not be after completed',
    path: ['start'],
  });

const enrolmentSchema = z
  .object({ course: courseCodeSchema, start: isoDateSchema, end: isoDateSchema })
  .refine((enrolment) => enrolment.start <= enrolment.end, {
    error: 'start must not be after end',
    path: ['start'],
  });

const capstoneSchema = z
  .object({
    status: z.enum(['not-started', 'in-progress', 'passed', 'failed']),
    completed: isoDateSchema.optional(),
  })
  .refine((capstone) => capstone.status !== 'passed' || capstone.completed !== undefined, {
    error: 'a passed capstone needs its completed date',
    path: ['completed'],
  });

const extensionSchema = z.object({
  months: z.number().int().min(1).max(MAX_EXTENSION_MONTHS),
  reason: z.string().trim().min(1).max(MAX_REASON_LENGTH),
});

/** The zod schema of a candidate record. */
export const candidateRecordSchema = z.object({
  registeredOn: isoDateSchema,
  status: z.enum(['active', 'withdrawn']),
  achievements: z.array(achievementSchema).max(MAX_RECORD_ITEMS),
  enrolments: z.array(enrolmentSchema).max(MAX_RECORD_ITEMS).default([]),
  capstone: capstoneSchema.optional(),
  extensions: z.array(extensionSchema).max(MAX_RECORD_ITEMS).default([]),
});

/** A validated candidate record, with defaults filled in. */
export type CandidateRecord = z.output<typeof candidateRecordSchema>;
/** A candidate record as written (before defaults). */
export type CandidateRecordInput = z.input<typeof candidateRecordSchema>;
/** One course result in a record. */
export type Achievement = CandidateRecord['achievements'][number];
/** One enrolment in a course edition. */
export type Enrolment = CandidateRecord['enrolments'][number];
