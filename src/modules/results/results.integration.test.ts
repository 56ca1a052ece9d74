import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCredentialJobs } from '../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import {
  actorOf,
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
  registerAs,
} from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { gradebookCsv, gradebookXlsx } from './export-gradebook.js';
import { finaliseResults } from './finalise-results.js';
import { getGradebook } from './get-gradebook.js';
import { getMyStanding } from './get-my-standing.js';
import { getPolicyEditor } from './get-policy-editor.js';
import { loadGradebook } from './gradebook.js';
import { saveResultPolicy } from './save-result-policy.js';
import { setOverride } from './set-override.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error))
      return error.fields[0] ? `${error.fields[0].path}:${error.fields[0].key}` : error.code;
    throw error;
  }
  return undefined;
}

/** An edition that ran this autumn (TEST_NOW is 2026-11-28), so results can be recorded. */
const PAST_EDITION = {
  registrationDeadline: '2026-08-15',
  selfPacedStart: '2026-09-01',
  selfPacedEnd: '2026-09-14',
  liveStart: '2026-09-15',
  liveEnd: '2026-10-09',
  assignmentDue: '2026-10-16',
};

for (const dialect of DIALECTS) {
  describe(`${dialect}: course results`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    let items: { forum: string; assignment: string; reading: string };
    let second: { id: string };
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps, PAST_EDITION);
      const staff = actorOf(world.facilitator);
      const section = await saveSection(deps.db, deps, staff, world.edition.id, null, {
        title: { en: 'Assessment' },
        phase: 'assignment',
      });
      const item = async (title: string, required: boolean) =>
        (
          await saveItem(deps.db, deps, staff, world.edition.id, null, {
            sectionId: section.id,
            kind: 'page',
            title: { en: title, fr: `${title} (fr)` },
            settings: { body: { en: title } },
            completionRule: 'marked-done',
            required,
          })
        ).id;
      items = {
        reading: await item('Reading', true),
        forum: await item('Forum', false),
        assignment: await item('Assignment', false),
      };
      const person = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      second = person;
    });
    afterEach(async () => {
      await deps.close();
    });

    const policyInput = () => ({
      passMark: '60',
      requiredItemsComplete: 'on',
      minAttendance: '',
      participationMinAttendance: '',
      achievementGives: 'achievement',
      participationGives: 'participation',
      components: {
        [items.forum]: { weight: '40', minMark: '', cutoff: '2026-10-01' },
        [items.assignment]: { weight: '60', minMark: '50', cutoff: '2026-10-20' },
      },
    });

    it('saves each policy as a new version; bad input is refused with translated keys and nothing stored', async () => {
      const staff = actorOf(world.facilitator);
      expect(
        await refusal(
          saveResultPolicy(deps.db, deps, staff, world.edition.id, { ...policyInput(), passMark: '60.555' }),
        ),
      ).toBe('passMark:results.error.percentage');
      expect(
        await refusal(
          saveResultPolicy(deps.db, deps, staff, world.edition.id, {
            ...policyInput(),
            components: { [items.forum]: { weight: '1.5', minMark: '', cutoff: '2026-10-01' } },
          }),
        ),
      ).toBe(`components.${items.forum}.weight:results.error.weight`);
      expect(
        await refusal(
          saveResultPolicy(deps.db, deps, staff, world.edition.id, { ...policyInput(), components: {} }),
        ),
      ).toBe('components:results.error.noComponents');
      expect(
        await refusal(
          saveResultPolicy(deps.db, deps, staff, world.edition.id, {
            ...policyInput(),
            components: { nope: { weight: '1', minMark: '', cutoff: '2026-10-01' } },
          }),
        ),
      ).toBe('components.nope.weight:results.error.unknownItem');
      expect(await deps.db.selectFrom('result_policies').selectAll().execute()).toEqual([]);
      expect(
        await refusal(
          saveResultPolicy(deps.db, deps, actorOf(world.participant), world.edition.id, policyInput()),
        ),
      ).toBe('forbidden');
      expect(
        await refusal(
          saveResultPolicy(deps.db, deps, actorOf(world.outsider), world.edition.id, policyInput()),
        ),
      ).toBe('not_found');

      expect(await saveResultPolicy(deps.db, deps, staff, world.edition.id, policyInput())).toEqual({
        version: 1,
      });
      expect(
        await saveResultPolicy(deps.db, deps, actorOf(world.manager), world.edition.id, {
          ...policyInput(),
          passMark: '55,5',
        }),
      ).toEqual({ version: 2 });
      const editor = await getPolicyEditor(deps.db, deps, staff, world.edition.id);
      expect(editor.current?.version).toBe(2);
      expect(editor.current?.policy.passMark).toBe(5550);
      expect(editor.current?.policy.components.map((c) => c.id)).toEqual([items.forum, items.assignment]);
      expect(editor.items.map((i) => i.id)).toEqual([items.reading, items.forum, items.assignment]);
    });

    /** The participant's released marks: forum 72.50, assignment 60.00, the reading marked done. */
    const recordParticipantScores = async () => {
      const outcomes = [
        [items.forum, { kind: 'passed', score: 7250 }],
        [items.assignment, { kind: 'passed', score: 6000 }],
        [items.reading, { kind: 'marked-done' }],
      ] as const;
      for (const [itemId, outcome] of outcomes) {
        await recordItemOutcome(deps.db, deps, { itemId, personId: world.participant.id, outcome });
      }
    };

    it('lists everyone with their participation before the edition has a policy (no components, no result)', async () => {
      const staff = actorOf(world.facilitator);
      const source = async (_db: unknown, _edition: string, ids: readonly string[]) =>
        new Map(
          ids.map((id) => [id, { threads: id === second.id ? 2 : 0, replies: 3, posts: 5, rounds: 1 }]),
        );
      const book = await getGradebook(deps.db, deps, staff, world.edition.id, source);
      expect(book.policy).toBeNull();
      expect(book.components).toEqual([]);
      expect(book.rows.map((r) => r.personId).sort()).toEqual([world.participant.id, second.id].sort());
      expect(book.rows.every((r) => r.result === null && r.cells.length === 0)).toBe(true);
      expect(book.participation[second.id]).toEqual({ threads: 2, replies: 3, posts: 5, rounds: 1 });
      const { csv } = await gradebookCsv(deps.db, deps, staff, world.edition.id, 'en');
      const [header, ...lines] = csv.trim().split(/\r?\n/);
      expect(header).toBe(
        'email,full_name,total,outcome,missing,forum_threads,forum_replies,forum_posts,debate_rounds',
      );
      expect(lines).toHaveLength(2);
      expect(lines.every((line) => line.endsWith(',,,0,0,0,0'))).toBe(true);
      // The participant's own standing waits for the policy.
      expect(
        (await getMyStanding(deps.db, deps, actorOf(world.participant), world.edition.id)).row,
      ).toBeNull();
    });

    it('pages the gradebook: only the page’s people are computed, the exports stay complete', async () => {
      const staff = actorOf(world.facilitator);
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, policyInput());
      await recordParticipantScores();
      const whole = await getGradebook(deps.db, deps, staff, world.edition.id);
      expect(whole.paging).toBeNull();
      const ids = whole.rows.map((r) => r.personId);
      expect(ids).toHaveLength(2);
      const first = await getGradebook(deps.db, deps, staff, world.edition.id, undefined, 1, 1);
      const last = await getGradebook(deps.db, deps, staff, world.edition.id, undefined, 2, 1);
      expect(first.rows.map((r) => r.personId)).toEqual([ids[0]]);
      expect(last.rows.map((r) => r.personId)).toEqual([ids[1]]);
      expect(first.paging).toEqual({ page: 1, pageCount: 2, perPage: 1 });
      // Everyone is still named (the override form), and a page's results are the whole book's.
      expect(last.everyone.map((p) => p.id)).toEqual(ids);
      expect(last.rows[0]!.result).toEqual(whole.rows[1]!.result);
      expect(Object.keys(last.participation)).toEqual([ids[1]]);
      // Past the last page: the last page.
      const beyond = await getGradebook(deps.db, deps, staff, world.edition.id, undefined, 9, 1);
      expect(beyond.paging).toEqual({ page: 2, pageCount: 2, perPage: 1 });
      expect(beyond.rows.map((r) => r.personId)).toEqual([ids[1]]);
      const { csv } = await gradebookCsv(deps.db, deps, staff, world.edition.id, 'en');
      expect(csv.trim().split(/\r?\n/)).toHaveLength(3);
    });

    it('computes the gradebook from space scores and overrides; overrides need a reason and are audited', async () => {
      const staff = actorOf(world.facilitator);
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, policyInput());
      // The marking workflow records released marks as space scores.
      await recordParticipantScores();
      const book = await getGradebook(deps.db, deps, staff, world.edition.id);
      const mine = book.rows.find((r) => r.personId === world.participant.id);
      // (40 × 72.50 + 60 × 60.00) ÷ 100 = 65.00
      expect(mine?.result).toMatchObject({ outcome: 'achievement', total: 6500, missing: [] });
      const theirs = book.rows.find((r) => r.personId === second.id);
      expect(theirs?.result).toMatchObject({
        outcome: 'participation',
        total: 0,
        missing: [items.forum, items.assignment],
        gates: { requiredItemsComplete: false, [items.assignment]: false },
      });

      const override = { personId: second.id, componentId: items.forum, mark: 'excused', reason: '' };
      expect(await refusal(setOverride(deps.db, deps, staff, world.edition.id, override))).toBe(
        'reason:results.error.reasonRequired',
      );
      expect(
        await refusal(
          setOverride(deps.db, deps, staff, world.edition.id, { ...override, mark: '101', reason: 'x' }),
        ),
      ).toBe('mark:results.error.percentage');
      expect(
        await refusal(
          setOverride(deps.db, deps, actorOf(world.participant), world.edition.id, {
            ...override,
            reason: 'x',
          }),
        ),
      ).toBe('forbidden');
      await setOverride(deps.db, deps, staff, world.edition.id, {
        ...override,
        reason: 'Illness, certified',
      });
      await setOverride(deps.db, deps, staff, world.edition.id, {
        personId: second.id,
        componentId: items.assignment,
        mark: '80.5',
        reason: 'Re-marked after appeal',
      });
      const after = (await getGradebook(deps.db, deps, staff, world.edition.id)).rows.find(
        (r) => r.personId === second.id,
      );
      expect(after?.cells.map((c) => [c.mark, c.source])).toEqual([
        ['excused', 'override'],
        [8050, 'override'],
      ]);
      expect(after?.result).toMatchObject({ total: 8050, outcome: 'participation', missing: [] }); // required items not done
      const audits = await deps.db
        .selectFrom('audit_events')
        .select(['action'])
        .where('action', '=', 'result-override.set')
        .execute();
      expect(audits).toHaveLength(2);

      const csv = await gradebookCsv(deps.db, deps, staff, world.edition.id, 'en');
      expect(csv.csv).toContain('Forum,Assignment,total,outcome,missing');
      expect(csv.csv).toContain(',excused,80.5,80.5,participation,0');
      const xlsx = await gradebookXlsx(deps.db, deps, staff, world.edition.id, 'en');
      expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    });

    it('shows a participant the formula, their standing and what they still need', async () => {
      const staff = actorOf(world.facilitator);
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, {
        ...policyInput(),
        components: {
          [items.forum]: { weight: '40', minMark: '', cutoff: '2026-10-01' },
          [items.assignment]: { weight: '60', minMark: '50', cutoff: '2026-12-20' },
        },
      });
      await recordItemOutcome(deps.db, deps, {
        itemId: items.forum,
        personId: world.participant.id,
        outcome: { kind: 'passed', score: 5000 },
      });
      const standing = await getMyStanding(deps.db, deps, actorOf(world.participant), world.edition.id);
      expect(standing.row?.result).toMatchObject({ outcome: 'pending', total: null });
      // 40 × 50 + 60 × x ≥ 100 × 59.995 → x ≥ 66.66 (rounded half up, 66.66 gives 59.996 → 60.00)
      expect(standing.needed).toMatchObject({ awaited: [items.assignment], markOnRemaining: 6666 });
      expect(standing.needed?.gates).toContain('requiredItemsComplete');
      expect(await refusal(getMyStanding(deps.db, deps, staff, world.edition.id))).toBe('forbidden');
      expect(await refusal(getMyStanding(deps.db, deps, actorOf(world.outsider), world.edition.id))).toBe(
        'not_found',
      );
    });

    it('finalises through the pathway: results recorded with a snapshot, certificates issued, then locked', async () => {
      const staff = actorOf(world.facilitator);
      expect(await refusal(finaliseResults(deps.db, deps, staff, world.edition.id))).toBe(
        'policy:results.error.noPolicy',
      );
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, policyInput());
      await recordParticipantScores();
      expect(
        await refusal(finaliseResults(deps.db, deps, actorOf(world.participant), world.edition.id)),
      ).toBe('forbidden');

      const report = await finaliseResults(deps.db, deps, staff, world.edition.id);
      expect(report).toEqual({ policyVersion: 1, recorded: 2, unchanged: 0, pending: [], locked: [] });
      const results = await deps.db
        .selectFrom('results')
        .select(['user_id', 'outcome', 'grade', 'completed_on', 'id'])
        .where('course_id', '=', world.edition.courseId)
        .execute();
      expect(results.map((r) => [r.user_id, r.outcome, r.grade, r.completed_on]).sort()).toEqual(
        [
          [world.participant.id, 'achievement', '65', '2026-10-16'],
          [second.id, 'participation', '0', '2026-10-16'],
        ].sort(),
      );
      const snapshots = await deps.db.selectFrom('result_snapshots').selectAll().execute();
      expect(snapshots).toHaveLength(2);
      const own = snapshots.find((s) => s.user_id === world.participant.id);
      expect(own?.result_id).toBe(results.find((r) => r.user_id === world.participant.id)?.id);
      expect(JSON.parse(own?.output_json ?? '{}')).toMatchObject({ outcome: 'achievement', total: 6500 });
      expect(JSON.parse(own?.inputs_json ?? '{}')).toMatchObject({ marks: { [items.forum]: 7250 } });

      // The credentials jobs issue the certificates.
      await runCredentialJobs(deps);
      const credentials = await deps.db
        .selectFrom('credentials')
        .select(['user_id', 'kind', 'status'])
        .execute();
      expect(credentials.map((c) => [c.user_id, c.kind]).sort()).toEqual(
        [
          [world.participant.id, 'achievement'],
          [second.id, 'participation'],
        ].sort(),
      );

      // Now locked: a change of mark does not change an issued result (the supersede flow does).
      await setOverride(deps.db, deps, staff, world.edition.id, {
        personId: second.id,
        componentId: items.assignment,
        mark: '90',
        reason: 'Late work accepted',
      });
      const again = await finaliseResults(deps.db, deps, staff, world.edition.id);
      expect(again).toMatchObject({ recorded: 0, unchanged: 1, locked: [second.id] });
      const unchanged = await deps.db
        .selectFrom('results')
        .select(['outcome'])
        .where('user_id', '=', second.id)
        .executeTakeFirst();
      expect(unchanged?.outcome).toBe('participation');
    });

    it("finalising makes the candidate's pathway count the course (re-evaluated in the same transaction)", async () => {
      const programme = await buildPathwayProgramme(deps);
      const candidate = await buildParticipant(deps);
      const candidacyId = await registerAs(deps, programme, candidate, '2026-01-05');
      const edition = await buildDatedEdition(deps, programme.academy, '2026-09-01', '2026-10-16', {
        facilitatorIds: [world.facilitator.id],
      });
      await enrolDirectly(deps.db, deps, systemActor('test'), edition.id, {
        email: candidate.email,
        fundingKind: 'self',
      });
      const staff = actorOf(world.facilitator);
      const section = await saveSection(deps.db, deps, staff, edition.id, null, { title: { en: 'Exam' } });
      const exam = await saveItem(deps.db, deps, staff, edition.id, null, {
        sectionId: section.id,
        kind: 'page',
        title: { en: 'Exam' },
        settings: { body: { en: 'Exam' } },
      });
      await saveResultPolicy(deps.db, deps, staff, edition.id, {
        passMark: '60',
        achievementGives: 'achievement',
        participationGives: 'participation',
        components: { [exam.id]: { weight: '1', minMark: '', cutoff: '2026-10-16' } },
      });
      await recordItemOutcome(deps.db, deps, {
        itemId: exam.id,
        personId: candidate.id,
        outcome: { kind: 'passed', score: 9000 },
      });
      const standing = () =>
        deps.db
          .selectFrom('candidacies')
          .select(['standing_json'])
          .where('id', '=', candidacyId)
          .executeTakeFirstOrThrow();
      const before = await standing();
      expect(await finaliseResults(deps.db, deps, staff, edition.id)).toMatchObject({ recorded: 1 });
      const after = await standing();
      expect(after.standing_json).not.toBe(before.standing_json);
      expect(after.standing_json).toContain(programme.academy);
    });

    it('reads attendance through the port: a percentage per person, "no webinars" counting 100 %', async () => {
      const staff = actorOf(world.facilitator);
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, {
        ...policyInput(),
        minAttendance: '50',
        participationMinAttendance: '40',
      });
      const source = async () => new Map<string, number | null>([[world.participant.id, 4000]]);
      const book = await loadGradebook(deps.db, world.edition.id, '2026-11-28', undefined, source);
      const mine = book.rows.find((r) => r.personId === world.participant.id);
      const theirs = book.rows.find((r) => r.personId === second.id);
      expect(mine?.inputs.attendance).toBe(4000);
      expect(mine?.result?.gates.attendance).toBe(false);
      expect(mine?.result?.outcome).toBe('participation'); // 40 % ≥ 40 %
      expect(theirs?.inputs.attendance).toBe(10_000); // no figure: no webinars
      expect(theirs?.result?.gates.attendance).toBe(true);
    });
  });
}
