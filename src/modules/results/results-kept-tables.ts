/**
 * Every table a page of an edition's gradebook reads once who may read it is checked: the result policy,
 * the confirmed participants and their names, the space's items, sections and recorded scores (the
 * marking workflow records released marks there) and the required items' completion, the overrides, the
 * finalised snapshots, webinar attendance, forum posts and debate contributions. A write to one of them
 * makes the kept pages stale (`KeptResults`, docs/decisions/0009-kept-fragments.md);
 * `gradebook-kept.integration.test.ts` checks the list against the SQL the page really runs.
 */
export const GRADEBOOK_TABLES = [
  'result_policies',
  'result_overrides',
  'result_snapshots',
  'enrolments',
  'users',
  'spaces',
  'space_sections',
  'space_items',
  'space_item_progress',
  'webinar_attendance',
  'forum_posts',
  'forum_debate_contributions',
] as const;
