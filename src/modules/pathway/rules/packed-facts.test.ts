import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCandidateRecord,
  buildCandidateRecordFromFacts,
  type CandidacyFacts,
  type EnrolmentFacts,
  type ResultFacts,
  readEnrolmentFacts,
  readResultFacts,
} from './candidate-record.js';

/**
 * Bulk evaluation reads each person's results and open enrolments packed as text by the database
 * (pathway.repository.ts, listAchievementFacts / listOpenEnrolmentFacts). The record built from the
 * packed text must be the record `buildCandidateRecord` builds from the same facts read one by one.
 */

const EPOCH = Date.UTC(2016, 0, 1);
const date = fc
  .integer({ min: 0, max: 4000 })
  .map((days) => new Date(EPOCH + days * 86_400_000).toISOString().slice(0, 10));
const code = fc.constantFrom('LMA', 'ELMA', 'FRP', 'A9012020', 'X-2', 'LONG-COURSE-CODE');

const result: fc.Arbitrary<ResultFacts> = fc.record({
  courseCode: code,
  outcome: fc.constantFrom('achievement', 'participation'),
  startedOn: fc.option(date, { nil: null }),
  completedOn: date,
  editionStartsOn: fc.option(date, { nil: null }),
  revoked: fc.boolean(),
});

const enrolment: fc.Arbitrary<EnrolmentFacts> = fc
  .record({ courseCode: code, startsOn: date, endsOn: date })
  .map((e) => ({ ...e, status: 'enrolled', hasResult: false }));

const candidacy: fc.Arbitrary<CandidacyFacts> = fc.record({
  registeredOn: date,
  status: fc.constantFrom('active', 'withdrawn', 'reinstated'),
  capstoneStatus: fc.constantFrom('not-started', 'in-progress', 'passed', 'failed'),
  capstoneCompletedOn: fc.option(date, { nil: null }),
});

/** What the SQL of listAchievementFacts makes of one result. */
function packResult(r: ResultFacts): string {
  const letter = r.outcome === 'achievement' ? 'a' : 'p';
  return `${r.completedOn}${r.editionStartsOn ?? r.startedOn ?? r.completedOn}${r.revoked ? letter.toUpperCase() : letter}${r.courseCode}`;
}

/** What the SQL of listOpenEnrolmentFacts makes of one enrolment. */
function packEnrolment(e: EnrolmentFacts): string {
  return `${e.startsOn}${e.endsOn}${e.courseCode}`;
}

/** A person's texts joined as the database joins them (none: no row, undefined). */
const joined = (texts: string[]) => (texts.length ? texts.join(' ') : undefined);

describe('packed facts', () => {
  it('build the same record as the facts read one by one', () => {
    const extensions = fc.array(
      fc.record({ months: fc.integer({ min: 1, max: 24 }), reason: fc.constant('x') }),
      {
        maxLength: 2,
      },
    );
    fc.assert(
      fc.property(
        candidacy,
        fc.array(result, { maxLength: 7 }),
        fc.array(enrolment, { maxLength: 3 }),
        extensions,
        (facts, results, enrolments, granted) => {
          const expected = buildCandidateRecord(facts, results, enrolments, granted);
          const packed = buildCandidateRecordFromFacts(
            facts,
            joined(results.map(packResult)),
            joined(enrolments.map(packEnrolment)),
            granted,
          );
          expect(packed).toEqual(expected);
          const read = buildCandidateRecord(
            facts,
            results.map((r) => readResultFacts(packResult(r))),
            enrolments.map((e) => readEnrolmentFacts(packEnrolment(e))),
            granted,
          );
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('clamps a start after the completion, marks revoked certificates, and refuses malformed text', () => {
    const facts: CandidacyFacts = {
      registeredOn: '2020-01-01',
      status: 'active',
      capstoneStatus: 'not-started',
      capstoneCompletedOn: null,
    };
    const record = buildCandidateRecordFromFacts(
      facts,
      '2021-03-012021-04-01aLMA 2022-05-052022-01-01PFRP',
      undefined,
      [],
    );
    expect(record.achievements).toEqual([
      {
        course: 'LMA',
        credential: 'achievement',
        start: '2021-03-01',
        completed: '2021-03-01',
        revoked: false,
      },
      {
        course: 'FRP',
        credential: 'participation',
        start: '2022-01-01',
        completed: '2022-05-05',
        revoked: true,
      },
    ]);
    expect(() => buildCandidateRecordFromFacts(facts, '2021-03-012021-04-01xLMA', undefined, [])).toThrow(
      /malformed/,
    );
    expect(() => buildCandidateRecordFromFacts(facts, '2021-03-01', undefined, [])).toThrow(/malformed/);
    expect(() => readResultFacts('2021-03-012021-04-01a')).toThrow(/malformed/);
    expect(() => readEnrolmentFacts('2021-03-01')).toThrow(/malformed/);
  });
});
