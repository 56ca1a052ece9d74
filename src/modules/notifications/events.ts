/**
 * The events that notify a person, in the platform (the bell) and by email, according to their
 * preferences. Events carry ids, not texts: titles and dates are rendered in the recipient's language
 * when the notification is shown or the email is written.
 */
export type NotificationEvent =
  /** The applicant's application was submitted. */
  | { kind: 'application.received'; applicationId: string; programmeId: string }
  /** A decision on an application (the message is the committee's, in the applicant's language). */
  | {
      kind: 'application.decided';
      applicationId: string;
      programmeId: string;
      decision: 'accept' | 'waitlist' | 'reject' | 'request-info';
      message: string | null;
    }
  /** A decision was reopened: the application is under review again. */
  | { kind: 'application.reopened'; applicationId: string; programmeId: string }
  /** A started draft whose programme stops taking applications in 3 days. */
  | { kind: 'application.deadline-soon'; applicationId: string; programmeId: string; closesOn: string }
  /** A place in an edition was confirmed (on request, by a manager, or from the waiting list). */
  | { kind: 'place.confirmed'; enrolmentId: string; editionId: string; fromWaitingList: boolean }
  /** A request for a place was declined. */
  | { kind: 'place.declined'; enrolmentId: string; editionId: string; reason: string | null }
  /** The edition is full: the request is on the waiting list at `position` (1 = next). */
  | { kind: 'place.waitlisted'; enrolmentId: string; editionId: string; position: number }
  /** The person's place on the waiting list changed (someone ahead got a place or withdrew). */
  | { kind: 'waitlist.moved'; enrolmentId: string; editionId: string; position: number }
  /** A confirmed place in an edition that starts in 7 days. */
  | { kind: 'edition.starts-soon'; enrolmentId: string; editionId: string; startsOn: string };

export type NotificationKind = NotificationEvent['kind'];

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'application.received',
  'application.decided',
  'application.reopened',
  'application.deadline-soon',
  'place.confirmed',
  'place.declined',
  'place.waitlisted',
  'waitlist.moved',
  'edition.starts-soon',
];

/**
 * One notice to one person. `key` makes it idempotent: notifying twice with the same key creates one
 * notification and sends one email (e.g. `place.confirmed:<enrolmentId>:<n>`).
 */
export interface Notice {
  recipientId: string;
  event: NotificationEvent;
  key: string;
}
