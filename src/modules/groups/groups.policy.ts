/**
 * Who may do what with groups. Pure: the caller finds the actor's standing (spaces' access to the edition:
 * staff = the edition's facilitators and managers; participant = a confirmed place) and their membership.
 * Anyone else is told the groups do not exist (404).
 */
export type GroupAction =
  /** Create, form, re-form, delete group sets; place people; open peer evaluations and read their results. */
  | 'groups.manage'
  /** See every group of the edition. */
  | 'groups.seeAll'
  /** Open a group's page. */
  | 'group.view'
  /** Edit its shared page, add and remove its files, work on its group tasks. */
  | 'group.contribute'
  /** Choose or leave a group of a self-selection set. */
  | 'groups.choose'
  /** Rate the members of one's group in an open peer evaluation. */
  | 'peer.rate';

export interface GroupStanding {
  /** Facilitator of the edition or manager. */
  staff: boolean;
  /** A confirmed place in the edition. */
  participant: boolean;
  /** A member of the group in question (false when no group is in question). */
  member: boolean;
}

export function canGroups(standing: GroupStanding, action: GroupAction): boolean {
  switch (action) {
    case 'groups.manage':
    case 'groups.seeAll':
      return standing.staff;
    case 'group.view':
    case 'group.contribute':
      return standing.staff || standing.member;
    case 'groups.choose':
      return standing.participant;
    case 'peer.rate':
      return standing.member;
  }
}
