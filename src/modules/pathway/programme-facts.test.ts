import { describe, expect, it } from 'vitest';
import { readProgrammeFacts } from './pathway-facts.repository.js';

/** The packed text of `listProgrammeFacts` (one per candidacy) read back into its parts. */
describe('readProgrammeFacts', () => {
  it('reads the candidacy, its results and its enrolments', () => {
    const text =
      'c-1 u-1 v-1 2025-01-102026-03-01active passed|2025-06-302025-05-01aRIGHTS-101 2025-09-012025-08-01pDATA-2|2026-12-012027-02-01LAW-3';
    expect(readProgrammeFacts(text)).toEqual({
      candidacy: {
        id: 'c-1',
        user_id: 'u-1',
        rule_version_id: 'v-1',
        registered_on: '2025-01-10',
        capstone_completed_on: '2026-03-01',
        status: 'active',
        capstone_status: 'passed',
      },
      results: '2025-06-302025-05-01aRIGHTS-101 2025-09-012025-08-01pDATA-2',
      enrolments: '2026-12-012027-02-01LAW-3',
    });
  });

  it('reads no capstone date, no results and no enrolments', () => {
    const read = readProgrammeFacts('c-2 u-2 v-1 2025-01-10----------withdrawn not-started||');
    expect(read.candidacy).toMatchObject({
      status: 'withdrawn',
      capstone_status: 'not-started',
      capstone_completed_on: null,
    });
    expect(read.results).toBe('');
    expect(read.enrolments).toBe('');
  });

  it('refuses a text without its parts', () => {
    expect(() => readProgrammeFacts('c-3 u-3 v-1 2025-01-10----------active passed')).toThrow(
      /malformed programme facts/,
    );
  });
});
