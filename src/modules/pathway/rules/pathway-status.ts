/** Pure: the status shown for a candidacy — withdrawn or reinstated as stored, otherwise the evaluation's. */
export function displayStatus(stored: string, evaluated: string): string {
  if (stored === 'reinstated' && evaluated === 'active') return 'reinstated';
  return evaluated;
}
