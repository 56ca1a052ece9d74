/**
 * Every table a page of an edition's marking overview reads once who may read it is checked (the
 * submissions and their states, the marks and the moderation sample, the participant numbers, the names of
 * the markers and of revealed participants, who may mark, the markers' languages). A write to one of them
 * makes the kept pages stale (`KeptResults`, docs/decisions/0009-kept-fragments.md);
 * `marking-kept-tables.integration.test.ts` checks the list against the SQL the overview really runs.
 */
export const OVERVIEW_TABLES = [
  'marking_submissions',
  'marking_marks',
  'marking_numbers',
  'marking_marker_languages',
  'users',
  'role_grants',
] as const;

/**
 * Every table a marker's own queue (/marking/my) reads: their marks and submissions, the participant
 * numbers, whether a context's names are revealed (and then the names), an examiner's contexts and their
 * moderation sample.
 */
export const MY_MARKING_TABLES = [
  'marking_marks',
  'marking_submissions',
  'marking_numbers',
  'marking_contexts',
  'marking_examiners',
  'users',
] as const;

/** The tables of the people who may be allocated as markers (kept for the marking page's allocation form). */
export const MARKER_CHOICES_TABLES = ['users', 'role_grants'] as const;
