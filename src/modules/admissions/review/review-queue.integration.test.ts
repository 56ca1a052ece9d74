import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, eligibleAnswers } from '../../../../test/helpers/application-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson, buildProgramme, type TestPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { type AppError, isAppError } from '../../../kernel/errors.js';
import { setRoles } from '../../identity/people.js';
import { assignReviewer } from './assign-reviewers.js';
import { decideApplication } from './decide-application.js';
import { applicationsCsv } from './export-applications.js';
import { overrideEligibility } from './override-eligibility.js';
import { listReviewQueue } from './review-queue.js';
import {
  type ApplicationQueueFilter,
  applicationQueueRows,
  listAssessorRows,
  orderedApplicationIds,
  REVIEW_QUEUE_PAGE_TABLES,
  REVIEW_QUEUE_TABLES,
  REVIEWER_CHOICE_TABLES,
} from './reviews.repository.js';
import { scoreApplication } from './score-application.js';

/** The review queue against a real database: filters, order, paging, what reviewers see. */

const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);

for (const dialect of DIALECTS) {
  describe(`${dialect}: review queue`, () => {
    let deps: TestDeps;
    let manager: Actor;
    let reviewer: TestPerson;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      await buildProgramme(deps);
      manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      reviewer = await buildPerson(deps, { roles: ['assessor'] });
      const answersFor = (country: string, constituency: string, years: number) => {
        const answers = eligibleAnswers();
        answers.person = { ...answers.person, countryOfResidence: country };
        answers.work = { ...answers.work, constituency, yearsOfExperience: years };
        return answers;
      };
      // Submitted one after the other (the clock moves), so the order by submission is known.
      const plan: [string, string, string, number][] = [
        ['senegal', 'SN', 'government', 6],
        ['kenya', 'KE', 'workers', 6],
        ['peru', 'PE', 'ngo', 1],
        ['nepal', 'NP', 'government', 1],
      ];
      for (const [name, country, constituency, years] of plan) {
        deps.clock.advance(60_000);
        ids[name] = (
          await buildApplication(deps, {
            submit: true,
            answers: answersFor(country, constituency, years),
            justification: years < 3 ? 'Related experience elsewhere.' : undefined,
          })
        ).id;
      }
      await buildApplication(deps, { complete: true }); // a draft: never in the queue
      await assignReviewer(deps.db, deps, manager, ids.kenya!, { reviewerId: reviewer.id });
      await assignReviewer(deps.db, deps, manager, ids.nepal!, { reviewerId: reviewer.id });
      await overrideEligibility(deps.db, deps, manager, ids.nepal!, { reason: 'Long union career.' });
      await decideApplication(deps.db, deps, manager, ids.senegal!, { decision: 'waitlist' });
    });
    afterAll(() => deps.close());

    const queueIds = async (actor: Actor, query: Record<string, unknown>, options = {}) => {
      const queue = await listReviewQueue(deps.db, deps, actor, 'labour-migration', query, options);
      return { ids: queue.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]), queue };
    };

    it('lists submitted applications, latest first, without drafts', async () => {
      const { ids: names, queue } = await queueIds(manager, {});
      expect(names).toEqual(['nepal', 'peru', 'kenya', 'senegal']);
      expect(queue.total).toBe(4);
      expect((await queueIds(manager, { direction: 'asc' })).ids).toEqual([
        'senegal',
        'kenya',
        'peru',
        'nepal',
      ]);
    });

    it('filters by status, country, constituency, eligibility and reviewer', async () => {
      expect((await queueIds(manager, { status: 'waitlisted' })).ids).toEqual(['senegal']);
      expect((await queueIds(manager, { status: 'under-review' })).ids).toEqual(['nepal', 'kenya']);
      expect((await queueIds(manager, { country: 'pe' })).ids).toEqual(['peru']);
      expect((await queueIds(manager, { constituency: 'government' })).ids).toEqual(['nepal', 'senegal']);
      expect((await queueIds(manager, { eligibility: 'eligible' })).ids).toEqual(['kenya', 'senegal']);
      expect((await queueIds(manager, { eligibility: 'not-eligible' })).ids).toEqual(['peru']);
      expect((await queueIds(manager, { eligibility: 'overridden' })).ids).toEqual(['nepal']);
      expect((await queueIds(manager, { reviewer: reviewer.id })).ids).toEqual(['nepal', 'kenya']);
      expect((await queueIds(manager, { status: 'under-review', country: 'KE' })).ids).toEqual(['kenya']);
    });

    it('pages with a total that does not change from page to page', async () => {
      const first = await queueIds(manager, { page: 1 }, { pageSize: 3 });
      const second = await queueIds(manager, { page: 2 }, { pageSize: 3 });
      const beyond = await queueIds(manager, { page: 9 }, { pageSize: 3 });
      expect([first.ids, second.ids, beyond.ids]).toEqual([['nepal', 'peru', 'kenya'], ['senegal'], []]);
      expect([first.queue.pageCount, second.queue.total, beyond.queue.total]).toEqual([2, 4, 4]);
    });

    it('shows a reviewer only their assignments, whatever they ask for', async () => {
      expect((await queueIds(actorOf(reviewer), {})).ids).toEqual(['nepal', 'kenya']);
      expect(
        (await queueIds(actorOf(reviewer), { reviewer: manager.kind === 'user' ? manager.id : '' })).ids,
      ).toEqual(['nepal', 'kenya']);
      const otherReviewer = await buildPerson(deps, { roles: ['assessor'] });
      expect((await queueIds(actorOf(otherReviewer), {})).ids).toEqual([]);
    });

    it('refuses participants and anonymous readers, and bad filters in the reader’s terms', async () => {
      const participant = actorOf(await buildPerson(deps));
      expect((await failure(listReviewQueue(deps.db, deps, participant, 'labour-migration', {})))?.code).toBe(
        'forbidden',
      );
      expect(
        (await failure(listReviewQueue(deps.db, deps, { kind: 'anonymous' }, 'labour-migration', {})))?.code,
      ).toBe('unauthenticated');
      const bad = await failure(
        listReviewQueue(deps.db, deps, manager, 'labour-migration', { status: 'draft', page: 0 }),
      );
      expect(isAppError(bad) && bad.fields.map((f) => `${f.path}:${f.key}`)).toEqual([
        'status:validation.invalidChoice',
        'page:validation.tooSmall',
      ]);
    });

    it('declares every table its kept order is read from, for every kind of filter', async () => {
      const { db, read } = recordingTables(deps.db);
      const { programme } = await listReviewQueue(deps.db, deps, manager, 'labour-migration', {});
      const filters: Omit<ApplicationQueueFilter, 'programmeId'>[] = [
        { direction: 'desc' },
        { status: 'under-review', country: 'KE', constituency: 'workers', direction: 'desc' },
        { eligibility: 'not-eligible', reviewerId: reviewer.id, direction: 'asc' },
        { eligibility: 'overridden', direction: 'asc' },
      ];
      for (const filter of filters) await orderedApplicationIds(db, { programmeId: programme.id, ...filter });
      expect([...read()].sort()).toEqual([...REVIEW_QUEUE_TABLES].sort());
    });

    it('declares every table a page of lines and the reviewer choices are read from', async () => {
      const lines = recordingTables(deps.db);
      await applicationQueueRows(lines.db, Object.values(ids));
      expect([...lines.read()].sort()).toEqual([...REVIEW_QUEUE_PAGE_TABLES].sort());
      const choices = recordingTables(deps.db);
      await listAssessorRows(choices.db);
      expect([...choices.read()].sort()).toEqual([...REVIEWER_CHOICE_TABLES].sort());
    });

    it('shows a new score and a new assessor at once although the page and the choices are kept', async () => {
      const line = async () => (await queueIds(manager, {})).queue.items.find((i) => i.id === ids.kenya);
      const before = await line();
      expect(await line()).toEqual(before);
      await scoreApplication(deps.db, deps, actorOf(reviewer), ids.kenya!, {
        scores: { experience: 4, motivation: 5, impact: 3 },
        recommendation: 'accept',
        note: 'Strong.',
      });
      expect((await line())?.scoreCount).toBe((before?.scoreCount ?? 0) + 1);
      const choices = async () => (await queueIds(manager, {})).queue.assessors.map((a) => a.id);
      const newcomer = await buildPerson(deps, {});
      expect(await choices()).not.toContain(newcomer.id);
      await setRoles(deps.db, deps, systemActor('test'), newcomer.id, { roles: ['assessor'] });
      expect(await choices()).toContain(newcomer.id);
    });

    it('exports the filtered queue as CSV for managers only', async () => {
      const csv = await applicationsCsv(
        deps.db,
        deps,
        manager,
        'labour-migration',
        { eligibility: 'eligible' },
        translator('fr'),
      );
      const lines = csv.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain('id,name,email');
      expect(
        (
          await failure(
            applicationsCsv(deps.db, deps, actorOf(reviewer), 'labour-migration', {}, translator('en')),
          )
        )?.code,
      ).toBe('forbidden');
    });

    it('shows a change at once although the ordered queue is kept (a submission, an assignment, a decision)', async () => {
      const before = await queueIds(manager, {});
      const underReview = await queueIds(manager, { status: 'under-review' });
      const mineBefore = await queueIds(actorOf(reviewer), {});
      deps.clock.advance(60_000);
      ids.chile = (await buildApplication(deps, { submit: true })).id;
      const after = await queueIds(manager, {});
      expect(after.ids).toEqual(['chile', ...before.ids]);
      expect(after.queue.total).toBe(before.queue.total + 1);
      await assignReviewer(deps.db, deps, manager, ids.chile!, { reviewerId: reviewer.id });
      expect((await queueIds(actorOf(reviewer), {})).ids).toEqual(['chile', ...mineBefore.ids]);
      expect((await queueIds(manager, { status: 'under-review' })).ids).toEqual([
        'chile',
        ...underReview.ids,
      ]);
      await decideApplication(deps.db, deps, manager, ids.chile!, { decision: 'waitlist' });
      expect((await queueIds(manager, { status: 'under-review' })).ids).toEqual(underReview.ids);
      expect((await queueIds(manager, { status: 'waitlisted' })).ids).toEqual(['chile', 'senegal']);
    });
  });
}
