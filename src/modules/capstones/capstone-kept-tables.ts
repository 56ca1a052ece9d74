/**
 * Every table the public library's search and its page read (the capstones, the library's full-text
 * index and the handed-in attempts that hold the abstracts). A write to one of them makes the kept
 * searches and pages stale (`KeptResults`, docs/decisions/0009-kept-fragments.md);
 * `capstone-kept-tables.integration.test.ts` checks the list against the SQL they really run.
 */
export const LIBRARY_TABLES = ['capstones', 'capstone_library_search', 'capstone_attempts'] as const;

/**
 * Every table the committee's queues read (the capstones, their reached milestones for the at-risk list,
 * the candidates' names); `capstone-kept-tables.integration.test.ts` checks it as the library's.
 */
export const QUEUE_TABLES = ['capstones', 'capstone_milestones', 'users'] as const;
