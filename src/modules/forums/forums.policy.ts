/**
 * Who may do what in a forum. Pure: the caller finds the actor's standing (the edition's space through
 * the spaces module, the forum's members for group and role-play forums); anyone who may not read a forum
 * never gets this far (not found).
 */
export type ForumAction =
  /** Read threads and posts (as the posting rule allows), report posts, subscribe. */
  | 'forum.read'
  /** Start threads, reply, attach files (participants: within the forum's posting window). */
  | 'forum.post'
  /** Hide and restore posts, pin and lock threads, see edit histories, reports and who wrote as a persona. */
  | 'forum.moderate';

export interface ForumStanding {
  /** Participant with a confirmed place (and a member, for a members-only forum). */
  learn: boolean;
  /** The edition's facilitator or a manager. */
  staff: boolean;
}

/** Pure: may someone standing as `standing` do `action`? */
export function canForum(standing: ForumStanding, action: ForumAction): boolean {
  switch (action) {
    case 'forum.read':
    case 'forum.post':
      return standing.learn || standing.staff;
    case 'forum.moderate':
      return standing.staff;
  }
}
