import { z } from 'zod';

/** Limits shared by the pages, the API and the use cases. */
export const NOTIFICATIONS_PAGE_SIZE = 20;
export const MARK_READ_MAX_IDS = 100;

const id = z.string().min(1).max(64);

/** The payload of an email job: the notice, and when it was made (the message's Date, stable on retries). */
export const emailJobPayloadSchema = z.object({
  key: z.string().min(1).max(500),
  recipientId: id,
  /** Checked against its kind's schema when the email is written. */
  event: z.object({ kind: z.string().min(1).max(100) }).passthrough(),
  createdAt: z.string().min(1),
});
export type EmailJobPayload = z.infer<typeof emailJobPayloadSchema>;

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
  kind: z.string().min(1).max(100),
  inApp: z.boolean(),
  email: z.boolean(),
});

/** The preferences form: checkboxes named `<kind>.inApp` / `<kind>.email` (absent = off). */
export const preferencesFormSchema = z.object({
  preferences: z.array(preferenceSchema).min(1).max(200),
});
export type PreferencesInput = z.infer<typeof preferencesFormSchema>;
