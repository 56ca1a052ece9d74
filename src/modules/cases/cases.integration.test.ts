import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCase, LATER_NEWS } from '../../../test/helpers/case-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { refusal } from '../../../test/helpers/refusal.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { insertGroupSet, insertGroups, upsertMember } from '../groups/groups.repository.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { addDocument } from './add-document.js';
import { getCase } from './get-case.js';
import { getDocumentFile } from './get-document-file.js';
import { giveFeedback } from './give-feedback.js';
import { saveAnswer } from './save-answer.js';
import { saveCase } from './save-case.js';
import { scheduleNews } from './schedule-news.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: case studies`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => {
      await deps.close();
    });
    const staff = () => actorOf(world.facilitator);

    it('shows news from its date only, and the debrief only after the deadline', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const learner = actorOf(world.participant);
      const before = await getCase(deps.db, deps, learner, itemId);
      expect(before.news.map((n) => n.title.en)).toEqual(['Floods hit the north']);
      expect(JSON.stringify(before)).not.toContain(LATER_NEWS);
      expect(before.debrief).toBeNull();
      const staffView = await getCase(deps.db, deps, staff(), itemId);
      expect(staffView.news.map((n) => n.released)).toEqual([true, false]);
      expect(staffView.debrief?.en).toBe('DEBRIEF-after-deadline');
      deps.clock.set('2026-12-05T08:00:00.000Z');
      expect(JSON.stringify(await getCase(deps.db, deps, learner, itemId))).toContain(LATER_NEWS);
      deps.clock.set('2026-12-10T17:00:00.000Z');
      expect((await getCase(deps.db, deps, learner, itemId)).debrief?.en).toBe('DEBRIEF-after-deadline');
      expect(await refusal(getCase(deps.db, deps, actorOf(world.outsider), itemId))).toBe('not_found');
    });

    it('keeps one answer per participant until the deadline, with the facilitator’s feedback for its owner only', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const learner = actorOf(world.participant);
      const other = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      await saveAnswer(deps.db, deps, learner, itemId, { body: 'Employers pay.' });
      await saveAnswer(deps.db, deps, learner, itemId, { body: 'Employers pay the fees.' });
      expect(await refusal(saveAnswer(deps.db, deps, learner, itemId, { body: '   ' }))).toBe(
        'body:validation.required',
      );
      expect(await refusal(saveAnswer(deps.db, deps, staff(), itemId, { body: 'x' }))).toBe('forbidden');
      const staffView = await getCase(deps.db, deps, staff(), itemId);
      expect(staffView.answers.map((a) => a.body)).toEqual(['Employers pay the fees.']);
      await giveFeedback(deps.db, deps, staff(), itemId, staffView.answers[0]!.id, {
        feedback: 'Cite the ILO principles.',
      });
      expect(
        await refusal(
          giveFeedback(deps.db, deps, learner, itemId, staffView.answers[0]!.id, { feedback: 'x' }),
        ),
      ).toBe('forbidden');
      expect((await getCase(deps.db, deps, learner, itemId)).mine?.feedback).toBe('Cite the ILO principles.');
      const theirs = await getCase(deps.db, deps, actorOf(other), itemId);
      expect(theirs.mine).toBeNull();
      expect(theirs.answers).toEqual([]);
      deps.clock.set('2026-12-10T17:00:00.000Z');
      expect(await refusal(saveAnswer(deps.db, deps, learner, itemId, { body: 'late' }))).toBe(
        'body:cases.error.closed',
      );
    });

    it('takes one answer per group when the groups of a set answer', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const other = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: other.email,
        fundingKind: 'self',
      });
      const at = '2026-11-28T10:00:00.000Z';
      // No use case forms groups yet (the groups module's port is read-only): its repository sets them up.
      await insertGroupSet(deps.db, {
        id: 'set1',
        edition_id: world.edition.id,
        name: 'Teams',
        formation: 'manual',
        capacity: null,
        closes_at: null,
        created_by: null,
        created_at: at,
      });
      await insertGroups(deps.db, [
        { id: 'g1', group_set_id: 'set1', name: 'Team A', position: 1, created_at: at },
      ]);
      await upsertMember(deps.db, {
        group_set_id: 'set1',
        group_id: 'g1',
        user_id: world.participant.id,
        source: 'manual',
        added_at: at,
      });
      await upsertMember(deps.db, {
        group_set_id: 'set1',
        group_id: 'g1',
        user_id: other.id,
        source: 'manual',
        added_at: at,
      });
      expect(await refusal(saveCase(deps.db, deps, staff(), itemId, { answerMode: 'group' }))).toBe(
        'groupSetId:cases.error.groupSetNeeded',
      );
      await saveCase(deps.db, deps, staff(), itemId, { answerMode: 'group', groupSetId: 'set1' });
      await saveAnswer(deps.db, deps, actorOf(world.participant), itemId, { body: 'Draft by A' });
      await saveAnswer(deps.db, deps, actorOf(other), itemId, { body: 'Improved by B' });
      const mine = await getCase(deps.db, deps, actorOf(world.participant), itemId);
      expect(mine.mine?.body).toBe('Improved by B');
      expect(mine.myGroup).toBe('Team A');
      expect((await getCase(deps.db, deps, staff(), itemId)).answers.map((a) => a.owner)).toEqual(['Team A']);
      const loner = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: loner.email,
        fundingKind: 'self',
      });
      expect(await refusal(saveAnswer(deps.db, deps, actorOf(loner), itemId, { body: 'x' }))).toBe(
        'body:cases.error.noGroup',
      );
    });

    it('refuses bad input with a translated reason and stores nothing', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const count = async () => (await deps.db.selectFrom('case_releases').selectAll().execute()).length;
      const before = await count();
      expect(
        await refusal(
          scheduleNews(deps.db, deps, staff(), itemId, {
            title: { en: 'A\r\nB' },
            releaseAt: '2026-12-01T10:00',
          }),
        ),
      ).toBe('title.en:validation.invalidCharacters');
      expect(
        await refusal(
          scheduleNews(deps.db, deps, staff(), itemId, { title: { en: 'A' }, releaseAt: 'tomorrow' }),
        ),
      ).toBe('releaseAt:validation.invalidFormat');
      expect(
        await refusal(
          scheduleNews(deps.db, deps, actorOf(world.participant), itemId, {
            title: { en: 'A' },
            releaseAt: '2026-12-01T10:00',
          }),
        ),
      ).toBe('forbidden');
      expect(
        await refusal(
          saveAnswer(deps.db, deps, actorOf(world.participant), itemId, { body: 'x'.repeat(100_001) }),
        ),
      ).toBe('body:validation.tooLong');
      expect(await count()).toBe(before);
    });

    it('stores documents through the storage port, for the edition only, refusing other types', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const { id } = await addDocument(
        deps.db,
        deps,
        staff(),
        itemId,
        { title: 'Survey\r\n2025' },
        { fileName: 'survey.csv', bytes: Buffer.from('a,b\n1,2\n') },
      );
      const view = await getCase(deps.db, deps, actorOf(world.participant), itemId);
      expect(view.documents).toEqual([{ id, title: 'Survey 2025', fileName: 'survey.csv', size: 8 }]);
      const file = await getDocumentFile(deps.db, deps, actorOf(world.participant), itemId, id);
      expect([file.contentType, Buffer.from(file.bytes).toString()]).toEqual(['text/csv', 'a,b\n1,2\n']);
      expect(await refusal(getDocumentFile(deps.db, deps, actorOf(world.outsider), itemId, id))).toBe(
        'not_found',
      );
      expect(
        await refusal(
          addDocument(deps.db, deps, staff(), itemId, {}, { fileName: 'run.exe', bytes: Buffer.from('MZ') }),
        ),
      ).toBe('file:cases.error.fileType');
      expect(await refusal(addDocument(deps.db, deps, staff(), itemId, {}, null))).toBe(
        'file:cases.error.fileNeeded',
      );
      expect(
        await refusal(
          addDocument(
            deps.db,
            deps,
            actorOf(world.participant),
            itemId,
            {},
            { fileName: 'a.pdf', bytes: Buffer.from('%PDF') },
          ),
        ),
      ).toBe('forbidden');
      expect((await getCase(deps.db, deps, staff(), itemId)).documents).toHaveLength(1);
    });
  });
}
