/**
 * Who may do what with a webinar. Pure: the caller finds the actor's standing in the item's edition (the
 * spaces module's answer: learner, builder, sees everyone); anyone else never gets this far (not found).
 */
export type WebinarAction =
  /** Open the join link, download the session's calendar entry and materials. */
  | 'webinar.join'
  /** Join as moderator, record attendance, attach materials. */
  | 'webinar.manage'
  /** See everyone's attendance. */
  | 'webinar.seeAttendance';

export interface WebinarStanding {
  learn: boolean;
  build: boolean;
  seeEveryone: boolean;
}

/** Pure: may someone standing as `standing` in the edition do `action`? */
export function canWebinar(standing: WebinarStanding, action: WebinarAction): boolean {
  switch (action) {
    case 'webinar.join':
      return standing.learn || standing.build;
    case 'webinar.manage':
      return standing.build;
    case 'webinar.seeAttendance':
      return standing.seeEveryone;
  }
}
