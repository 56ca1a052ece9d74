/**
 * What the assignments module tells people (rendered and sent by the notifications module): the receipt of
 * a submission, with its time and SHA-256. PERSISTED SHAPE: events are stored as JSON with their kind.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { editionTitles } from '../catalogue/catalogue.queries.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  noticeTexts,
  type SubjectLookup,
} from '../notifications/notification-kind.js';

export type AssignmentSubmitted = {
  kind: 'assignments.submitted';
  submissionId: string;
  assignmentId: string;
  editionId: string;
  attempt: number;
  submittedAt: string;
  digest: string;
  late: boolean;
};

const editions: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const found = await editionTitles(db, ids);
    const out = new Map<string, NoticeSubject>();
    for (const [key, e] of found) out.set(key, { title: e.courseTitle, code: e.courseCode });
    return out;
  },
};

export const ASSIGNMENT_NOTIFICATION_KINDS = [
  defineNotificationKind<AssignmentSubmitted>({
    kind: 'assignments.submitted',
    event: z.object({
      kind: z.literal('assignments.submitted'),
      submissionId: z.string().max(64),
      assignmentId: z.string().max(64),
      editionId: z.string().max(64),
      attempt: z.number().int().min(1),
      submittedAt: z.string().max(40),
      digest: z.string().regex(/^[0-9a-f]{64}$/),
      late: z.boolean(),
    }),
    label: 'assignments.notice.label',
    texts: (event) => noticeTexts(event.late ? 'assignmentSubmittedLate' : 'assignmentSubmitted'),
    path: (event) => `/assignments/${encodeURIComponent(event.assignmentId)}`,
    action: 'assignments.notice.action',
    subject: { lookup: editions, id: (event) => event.editionId },
    values: (t, event, subject) => ({
      course: subject.title ?? t.t('notifications.unknownCourse'),
      attempt: event.attempt,
      time: t.dateTime(event.submittedAt),
      digest: event.digest,
    }),
  }),
];
