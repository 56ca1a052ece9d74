import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { editionCode } from '../../../test/helpers/import-helpers.js';
import { actorOf, buildPathwayProgramme, registerAs } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { editionFormValues, editionInputFromForm } from '../catalogue/catalogue.forms.js';
import { updateEdition } from '../catalogue/save-edition.js';
import { getMyPathways } from '../pathway/candidates/get-my-pathways.js';
import { enrolDirectly } from './enrol-directly.js';
import { commitPlacesImport } from './import/commit-places-import.js';
import { previewPlacesImport } from './import/preview-places-import.js';
import { listEditionPlacesFor } from './list-edition-places.js';
import { moveToTopOfWaitingList } from './move-to-top.js';
import { confirmPlace } from './offers/confirm-place.js';
import { declinePlace } from './offers/decline-place.js';
import { listMyPlaces } from './offers/list-my-places.js';
import { requestPlace } from './offers/request-place.js';
import { withdrawPlace } from './offers/withdraw-place.js';

const SYSTEM = systemActor('test');
const self = { fundingKind: 'self' };

async function refusalKey(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.fields[0]?.key ?? error.code;
    throw error;
  }
  return undefined;
}

async function statusOf(deps: TestDeps, id: string) {
  return (await deps.db.selectFrom('enrolments').select('status').where('id', '=', id).executeTakeFirst())
    ?.status;
}

async function noticesOf(deps: TestDeps, userId: string) {
  return (
    await deps.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).execute()
  ).map((n) => n.kind);
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: places in editions`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    async function world(capacity: number) {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code, { capacity, code: editionCode('P') });
      const people = [];
      for (let i = 0; i < 4; i++) people.push(await buildPerson(deps));
      return { course, edition, people, actors: people.map(actorOf) };
    }

    it('requests, confirms, declines; a full edition waits; a withdrawal moves the first waiting up at once', async () => {
      const { edition, people, actors } = await world(2);
      const manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      const a = await requestPlace(deps.db, deps, actors[0]!, edition.id, {
        fundingKind: 'sponsor',
        fundingName: 'ACME',
      });
      const b = await requestPlace(deps.db, deps, actors[1]!, edition.id, self);
      const c = await requestPlace(deps.db, deps, actors[2]!, edition.id, self);
      const d = await requestPlace(deps.db, deps, actors[3]!, edition.id, {
        fundingKind: 'scholarship',
        fundingName: 'Fund',
      });
      expect([a.status, b.status, c.status, d.status]).toEqual([
        'requested',
        'requested',
        'waitlisted',
        'waitlisted',
      ]);
      expect([c.position, d.position]).toEqual([1, 2]);
      expect(await noticesOf(deps, people[2]!.id)).toEqual(['place.waitlisted']);

      await confirmPlace(deps.db, deps, manager, a.id);
      await confirmPlace(deps.db, deps, manager, b.id);
      expect(await noticesOf(deps, people[0]!.id)).toContain('place.confirmed');
      const view = await listEditionPlacesFor(deps.db, deps, manager, edition.id);
      expect(view.counts).toMatchObject({ enrolled: 2, waitlisted: 2 });
      expect(view.funding).toEqual({ self: 1, sponsor: 1, scholarship: 0 });

      await withdrawPlace(deps.db, deps, actors[0]!, a.id);
      expect(await statusOf(deps, a.id)).toBe('withdrawn');
      expect(await statusOf(deps, c.id)).toBe('enrolled');
      expect(await noticesOf(deps, people[2]!.id)).toContain('place.confirmed');
      expect(await noticesOf(deps, people[3]!.id)).toContain('waitlist.moved');
      const mine = await listMyPlaces(deps.db, deps, actors[3]!);
      expect(mine[0]).toMatchObject({ status: 'waitlisted', position: 1 });

      // Declining a confirmed place frees it too.
      await declinePlace(deps.db, deps, manager, b.id, { reason: 'Missing prerequisite' });
      expect(await statusOf(deps, b.id)).toBe('declined');
      expect(await statusOf(deps, d.id)).toBe('enrolled');
      expect(await noticesOf(deps, people[1]!.id)).toContain('place.declined');
    });

    it('lets managers override the order and confirm from the list', async () => {
      const { edition, actors } = await world(1);
      const manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      const a = await requestPlace(deps.db, deps, actors[0]!, edition.id, self);
      const b = await requestPlace(deps.db, deps, actors[1]!, edition.id, self);
      const c = await requestPlace(deps.db, deps, actors[2]!, edition.id, self);
      await moveToTopOfWaitingList(deps.db, deps, manager, c.id);
      expect((await listMyPlaces(deps.db, deps, actors[2]!))[0]?.position).toBe(1);
      expect((await listMyPlaces(deps.db, deps, actors[1]!))[0]?.position).toBe(2);
      // The pending request holds the only place: nobody can be confirmed from the list.
      expect(await refusalKey(confirmPlace(deps.db, deps, manager, b.id))).toBe('places.error.full');
      await declinePlace(deps.db, deps, manager, a.id, {});
      expect(await statusOf(deps, c.id)).toBe('enrolled'); // the override moved up first
      expect(await statusOf(deps, b.id)).toBe('waitlisted');
    });

    it('moves the waiting list up when the capacity is raised', async () => {
      const { edition, actors } = await world(1);
      await requestPlace(deps.db, deps, actors[0]!, edition.id, self);
      const b = await requestPlace(deps.db, deps, actors[1]!, edition.id, self);
      await updateEdition(
        deps.db,
        deps,
        SYSTEM,
        edition.id,
        editionInputFromForm({ ...editionFormValues(edition), capacity: '2' }),
      );
      expect(await statusOf(deps, b.id)).toBe('enrolled');
    });

    it('refuses twice, after the deadline, when closed, and a withdrawal after the start', async () => {
      const { course, edition, actors } = await world(5);
      const a = await requestPlace(deps.db, deps, actors[0]!, edition.id, self);
      expect(await refusalKey(requestPlace(deps.db, deps, actors[0]!, edition.id, self))).toBe(
        'places.error.alreadyRequested',
      );
      expect(
        await refusalKey(requestPlace(deps.db, deps, actors[1]!, edition.id, { fundingKind: 'sponsor' })),
      ).toBe('places.validation.fundingNameNeeded');
      const closed = await buildEdition(deps, course.code, { registrationOpen: false });
      expect(await refusalKey(requestPlace(deps.db, deps, actors[1]!, closed.id, self))).toBe(
        'places.error.registrationClosed',
      );
      deps.clock.set('2027-02-16T09:00:00.000Z');
      expect(await refusalKey(requestPlace(deps.db, deps, actors[1]!, edition.id, self))).toBe(
        'places.error.deadlinePassed',
      );
      deps.clock.set('2027-03-02T09:00:00.000Z');
      expect(await refusalKey(withdrawPlace(deps.db, deps, actors[0]!, a.id))).toBe(
        'places.error.withdrawAfterStart',
      );
      expect(await statusOf(deps, a.id)).toBe('requested');
      // Another person's place is not found.
      expect(await refusalKey(withdrawPlace(deps.db, deps, actors[1]!, a.id))).toBe('not_found');
    });

    it('a waiting-list entry or a request never makes a requirement in progress; a confirmed place does', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildPerson(deps);
      await registerAs(deps, programme, person, '2026-01-05');
      const edition = await buildEdition(deps, programme.academy, { capacity: 1 });
      await requestPlace(deps.db, deps, actorOf(await buildPerson(deps)), edition.id, self);
      const place = await requestPlace(deps.db, deps, actorOf(person), edition.id, self);
      expect(place.status).toBe('waitlisted');
      const academyStatus = async () =>
        (await getMyPathways(deps.db, deps, actorOf(person), 'en'))[0]!.detail.evaluation.requirements.find(
          (r) => r.id === 'academy',
        )!.status;
      expect(await academyStatus()).toBe('missing');
      const standing = await deps.db
        .selectFrom('candidacies')
        .select('standing_json')
        .where('user_id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(standing.standing_json).not.toContain('in-progress');
      const open = await buildEdition(deps, programme.academy, { capacity: 5 });
      await requestPlace(deps.db, deps, actorOf(person), open.id, self);
      expect(await academyStatus()).toBe('missing');
      await enrolDirectly(deps.db, deps, SYSTEM, open.id, { email: person.email, fundingKind: 'self' });
      expect(await academyStatus()).toBe('in-progress');
    });

    it('two requests for the last place never both get it', async () => {
      const { edition } = await world(1);
      const people = [];
      for (let i = 0; i < 6; i++) people.push(actorOf(await buildPerson(deps)));
      const results = await Promise.all(people.map((p) => requestPlace(deps.db, deps, p, edition.id, self)));
      expect(results.filter((r) => r.status === 'requested')).toHaveLength(1);
      expect(
        results
          .filter((r) => r.status === 'waitlisted')
          .map((r) => r.position)
          .sort(),
      ).toEqual([1, 2, 3, 4, 5]);
    });

    it('bulk enrolment: a preview writes nothing; a commit is all or nothing', async () => {
      const { edition, people } = await world(2);
      const before = await deps.db.selectFrom('enrolments').selectAll().execute();
      const bad = `email,edition,funding,funding_name\n${people[0]!.email},${edition.code},sponsor,ACME\nnobody@example.org,${edition.code},self,\n`;
      const preview = await previewPlacesImport(deps.db, deps, SYSTEM, { csv: bad });
      expect(preview.problems.map((p) => [p.line, p.column, p.key])).toEqual([
        [3, 'email', 'validation.unknownPerson'],
      ]);
      expect(await refusalKey(commitPlacesImport(deps.db, deps, SYSTEM, { csv: bad }))).toBe(
        'validation.unknownPerson',
      );
      const tooMany = `email,edition\n${people.map((p) => `${p.email},${edition.code}`).join('\n')}\n`;
      expect(await refusalKey(commitPlacesImport(deps.db, deps, SYSTEM, { csv: tooMany }))).toBe(
        'places.error.full',
      );
      expect(await deps.db.selectFrom('enrolments').selectAll().execute()).toEqual(before);
      const good = `Email;Edition;Financement;Parrain ou fonds\n${people[0]!.email};${edition.code};Bourse;Fund A\n${people[1]!.email};${edition.id};;\n`;
      expect((await previewPlacesImport(deps.db, deps, SYSTEM, { csv: good })).planned).toHaveLength(2);
      expect(await commitPlacesImport(deps.db, deps, SYSTEM, { csv: good })).toEqual({ enrolled: 2 });
      const view = await listEditionPlacesFor(deps.db, deps, SYSTEM, edition.id);
      expect(view.funding).toEqual({ self: 1, sponsor: 0, scholarship: 1 });
    });
  });
}
