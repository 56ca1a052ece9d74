import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationEvent, type NotificationKind } from './events.js';

/** Limits shared by the pages, the API and the use cases. */
export const NOTIFICATIONS_PAGE_SIZE = 20;
export const MARK_READ_MAX_IDS = 100;

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const position = z.number().int().min(1);

/** A stored or queued event, checked when read back (a damaged row is skipped, not shown). */
export const notificationEventSchema: z.ZodType<NotificationEvent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('application.received'), applicationId: id, programmeId: id }),
  z.object({
    kind: z.literal('application.decided'),
    applicationId: id,
    programmeId: id,
    decision: z.enum(['accept', 'waitlist', 'reject', 'request-info']),
    message: z.string().nullable(),
  }),
  z.object({ kind: z.literal('application.reopened'), applicationId: id, programmeId: id }),
  z.object({
    kind: z.literal('application.deadline-soon'),
    applicationId: id,
    programmeId: id,
    closesOn: day,
  }),
  z.object({
    kind: z.literal('place.confirmed'),
    enrolmentId: id,
    editionId: id,
    fromWaitingList: z.boolean(),
  }),
  z.object({
    kind: z.literal('place.declined'),
    enrolmentId: id,
    editionId: id,
    reason: z.string().nullable(),
  }),
  z.object({ kind: z.literal('place.waitlisted'), enrolmentId: id, editionId: id, position }),
  z.object({ kind: z.literal('waitlist.moved'), enrolmentId: id, editionId: id, position }),
  z.object({ kind: z.literal('edition.starts-soon'), enrolmentId: id, editionId: id, startsOn: day }),
]);

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS as [NotificationKind, ...NotificationKind[]]);

/** The payload of an email job: the notice, and when it was made (the message's Date, stable on retries). */
export const emailJobPayloadSchema = z.object({
  key: z.string().min(1).max(500),
  recipientId: id,
  event: notificationEventSchema,
  createdAt: z.string().min(1),
});
export type EmailJobPayload = z.infer<typeof emailJobPayloadSchema>;

/** The daily reminders job. */
export const remindersPayloadSchema = z.object({ day });

/** GET /notifications and the API: a page number. */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  unread: z.enum(['true', 'false']).optional(),
});

/** POST /api/v1/notifications/read: some ids, or all. */
export const markReadSchema = z
  .object({
    ids: z.array(id).min(1).max(MARK_READ_MAX_IDS).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => (v.ids !== undefined) !== (v.all !== undefined), {
    message: 'validation.invalid',
    path: ['ids'],
  });
export type MarkReadInput = z.infer<typeof markReadSchema>;

/** One kind's preference. */
export const preferenceSchema = z.object({
  kind: notificationKindSchema,
  inApp: z.boolean(),
  email: z.boolean(),
});

/** The preferences form: checkboxes named `<kind>.inApp` / `<kind>.email` (absent = off). */
export const preferencesFormSchema = z.object({
  preferences: z.array(preferenceSchema).length(NOTIFICATION_KINDS.length),
});
export type PreferencesInput = z.infer<typeof preferencesFormSchema>;
