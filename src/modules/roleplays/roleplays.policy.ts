/**
 * Who may do what with a role-play. Pure: the caller finds the actor's standing in the item's edition (the
 * spaces module's answer) and whether they hold a role; anyone else never gets this far (not found).
 */
export type RoleplayAction =
  /** Open the exercise: scenario, public briefs, phases, the outcome document. */
  | 'roleplay.view'
  /** Write roles and briefs, assign them, set phases, debrief, reveal. */
  | 'roleplay.manage'
  /** Edit the negotiated outcome document. */
  | 'roleplay.editOutcome';

export interface RoleplayStanding {
  learn: boolean;
  build: boolean;
  /** Holds a role of this exercise. */
  holdsRole: boolean;
}

/** Pure: may someone standing as `standing` do `action`? */
export function canRoleplay(standing: RoleplayStanding, action: RoleplayAction): boolean {
  switch (action) {
    case 'roleplay.view':
      return standing.learn || standing.build;
    case 'roleplay.manage':
      return standing.build;
    case 'roleplay.editOutcome':
      return standing.build || (standing.learn && standing.holdsRole);
  }
}
