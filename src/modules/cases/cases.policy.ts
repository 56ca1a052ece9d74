/** Who may do what with a case study. Pure: the caller finds the actor's standing in the item's edition. */
export type CaseAction =
  /** Read the case, its released news, one's own (or one's group's) answer and its feedback. */
  | 'case.view'
  /** Write one's own or one's group's answer. */
  | 'case.answer'
  /** Write the case, schedule news, read every answer and give feedback. */
  | 'case.manage';

/** Pure: may someone standing as `standing` in the edition do `action`? */
export function canCase(standing: { learn: boolean; build: boolean }, action: CaseAction): boolean {
  switch (action) {
    case 'case.view':
      return standing.learn || standing.build;
    case 'case.answer':
      return standing.learn;
    case 'case.manage':
      return standing.build;
  }
}
