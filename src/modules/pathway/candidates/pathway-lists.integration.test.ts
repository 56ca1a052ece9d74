import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildEdition } from '../../../../test/helpers/factories.js';
import {
  actorOf,
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { ANONYMOUS, systemActor } from '../../../kernel/actor.js';
import { type AppError, isAppError } from '../../../kernel/errors.js';
import { updateProfile } from '../../identity/account/update-account.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { PROGRAMME_TABLES } from '../../programmes/programmes.queries.js';
import { CANDIDATES_PAGE_SIZE } from '../pathway.schemas.js';
import { setCapstoneStatus } from '../set-capstone-status.js';
import { withdrawCandidate } from '../withdraw-candidate.js';
import { CANDIDATE_PAGE_TABLES } from './candidates-search.repository.js';
import { getMyPathways } from './get-my-pathways.js';
import { listCandidates } from './list-candidates.js';

/** The managers' candidates list (filters, sorting, paging) and the candidate's next steps (both engines). */

const SYSTEM = systemActor('test');
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway lists`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    describe('the candidates list', () => {
      let programme: PathwayProgramme;
      beforeAll(async () => {
        programme = await buildPathwayProgramme(deps);
        const add = async (
          fullName: string,
          profile: { country?: string; constituency?: string; locale?: string },
          academyStart?: string,
          electives = 0,
        ) => {
          const person = await buildParticipant(deps, { fullName, ...profile });
          const id = await registerAs(deps, programme, person, '2019-01-07');
          if (academyStart) {
            const end = academyStart.replace(/-\d\d$/, '-25');
            await earn(deps, person, programme.academy, academyStart, end);
          }
          for (const code of programme.electives.slice(0, electives))
            await earn(deps, person, code, '2024-02-05', '2024-03-15');
          return id;
        };
        const alice = await add(
          'Alice Awardable',
          { country: 'FR', constituency: 'government', locale: 'fr' },
          '2023-06-12',
          3,
        );
        await setCapstoneStatus(deps.db, deps, SYSTEM, alice, {
          status: 'passed',
          completedOn: '2025-01-31',
        });
        // Bruno's window (from 2022-03-07) closes in March 2027 with electives missing: at risk.
        await add('Bruno Risk', { country: 'KE', constituency: 'workers', locale: 'en' }, '2022-03-07', 1);
        await add('Chen Early', { country: 'CN', constituency: 'ngo', locale: 'es' }, '2025-06-09');
        await add('Dora Nguyễn', { country: 'KE', constituency: 'workers', locale: 'en' });
        await add(
          'Emil Œhlenschläger',
          { country: 'DE', constituency: 'employers', locale: 'en' },
          '2019-01-07',
        );
        const fatima = await add(
          'Fatima Withdrawn',
          { country: 'SN', constituency: 'ngo', locale: 'fr' },
          '2024-06-10',
        );
        await withdrawCandidate(deps.db, deps, SYSTEM, fatima, { reason: 'Moved abroad' });
      });

      const names = async (query: Record<string, unknown>) =>
        (await listCandidates(deps.db, deps, SYSTEM, programme.slug, query)).items.map(
          (i) => i.fullName.split(' ')[0],
        );

      it('filters by status, at risk, ready, deadline, country, constituency, language and text', async () => {
        expect(await names({})).toEqual(['Alice', 'Bruno', 'Chen', 'Dora', 'Emil', 'Fatima']);
        expect(await names({ status: 'completed' })).toEqual(['Alice']);
        expect(await names({ status: 'expired' })).toEqual(['Emil']);
        expect(await names({ status: 'withdrawn' })).toEqual(['Fatima']);
        expect(await names({ status: 'active' })).toEqual(['Bruno', 'Chen', 'Dora']);
        expect(await names({ atRisk: '1' })).toEqual(['Bruno']);
        // The API parses the query string first and hands over its output: booleans must pass again.
        expect(await names({ atRisk: true, ready: false })).toEqual(['Bruno']);
        expect(await names({ ready: '1' })).toEqual(['Alice']);
        expect(await names({ ready: true })).toEqual(['Alice']);
        // Within 6 months of 2026-11-28: Bruno (2027-03-07); Emil's deadline has already passed.
        expect(await names({ deadlineWithinMonths: '6' })).toEqual(['Bruno']);
        expect(await names({ deadlineWithinMonths: 3 })).toEqual([]);
        expect(await names({ deadlineWithinMonths: '120' })).toEqual(['Alice', 'Bruno', 'Chen', 'Fatima']);
        expect(await names({ country: 'ke' })).toEqual(['Bruno', 'Dora']);
        expect(await names({ constituency: 'ngo' })).toEqual(['Chen', 'Fatima']);
        expect(await names({ language: 'fr' })).toEqual(['Alice', 'Fatima']);
        expect(await names({ q: 'RISK' })).toEqual(['Bruno']);
        // One folding for names and queries: accents, ligatures, case.
        expect(await names({ q: 'nguyen' })).toEqual(['Dora']);
        expect(await names({ q: 'NGUYỄN' })).toEqual(['Dora']);
        expect(await names({ q: 'oehlenschlager' })).toEqual(['Emil']);
        expect(await names({ q: 'Œhlen' })).toEqual(['Emil']);
        expect(await names({ q: 'example.org', country: 'KE', status: 'active' })).toEqual(['Bruno', 'Dora']);
        expect(await names({ q: '100%_' })).toEqual([]);
        const empty = {
          q: '',
          status: '',
          deadlineWithinMonths: '',
          country: '',
          constituency: '',
          language: '',
        };
        expect(await names(empty)).toHaveLength(6);
        const page = await listCandidates(deps.db, deps, SYSTEM, programme.slug, { atRisk: '1' });
        expect(page.items[0]).toMatchObject({
          status: 'active',
          deadline: '2027-03-07',
          atRisk: true,
          awardable: false,
          country: 'KE',
          constituency: 'workers',
          language: 'en',
          met: 1,
          requirements: [
            { id: 'academy', status: 'met', have: 1, needed: 1 },
            { id: 'electives', status: 'missing', have: 1, needed: 3 },
            { id: 'capstone', status: 'missing', have: 0, needed: 1 },
          ],
        });
      });

      it('sorts by name, deadline (none last), registration and progress, both ways', async () => {
        expect(await names({ sort: 'name', direction: 'desc' })).toEqual([
          'Fatima',
          'Emil',
          'Dora',
          'Chen',
          'Bruno',
          'Alice',
        ]);
        expect(await names({ sort: 'deadline' })).toEqual([
          'Emil',
          'Bruno',
          'Alice',
          'Fatima',
          'Chen',
          'Dora',
        ]);
        expect(await names({ sort: 'deadline', direction: 'desc' })).toEqual([
          'Chen',
          'Fatima',
          'Alice',
          'Bruno',
          'Emil',
          'Dora',
        ]);
        expect((await names({ sort: 'progress', direction: 'desc' }))[0]).toBe('Alice');
        expect(await names({ sort: 'registered' })).toEqual([
          'Alice',
          'Bruno',
          'Chen',
          'Dora',
          'Emil',
          'Fatima',
        ]);
      });

      it('refuses invalid filters with field errors', async () => {
        const invalid = await failure(
          listCandidates(deps.db, deps, SYSTEM, programme.slug, {
            status: 'sleeping',
            page: '0',
            deadlineWithinMonths: 'soon',
            country: 'XX',
            sort: 'age',
            atRisk: 'maybe',
          }),
        );
        expect(isAppError(invalid, 'validation_failed') && invalid.fields.map((f) => f.path).sort()).toEqual([
          'atRisk',
          'country',
          'deadlineWithinMonths',
          'page',
          'sort',
          'status',
        ]);
        await expect(listCandidates(deps.db, deps, SYSTEM, 'no-such-programme', {})).rejects.toMatchObject({
          code: 'not_found',
        });
        const participant = actorOf(await buildParticipant(deps));
        await expect(listCandidates(deps.db, deps, participant, programme.slug, {})).rejects.toMatchObject({
          code: 'forbidden',
        });
        await expect(listCandidates(deps.db, deps, ANONYMOUS, programme.slug, {})).rejects.toMatchObject({
          code: 'unauthenticated',
        });
      });
    });

    it('pages the candidates list', async () => {
      const programme = await buildPathwayProgramme(deps);
      const count = CANDIDATES_PAGE_SIZE + 1;
      for (let i = 0; i < count; i++) {
        const person = await buildParticipant(deps, { fullName: `Paged ${String(i).padStart(3, '0')}` });
        await registerAs(deps, programme, person, '2026-01-05');
      }
      const first = await listCandidates(deps.db, deps, SYSTEM, programme.slug, {});
      expect(first).toMatchObject({ total: count, page: 1, pageCount: 2 });
      expect(first.items).toHaveLength(CANDIDATES_PAGE_SIZE);
      expect(first.items[0]?.fullName).toBe('Paged 000');
      const second = await listCandidates(deps.db, deps, SYSTEM, programme.slug, { page: '2' });
      expect(second.items.map((i) => i.fullName)).toEqual([`Paged ${String(count - 1).padStart(3, '0')}`]);
      const beyond = await listCandidates(deps.db, deps, SYSTEM, programme.slug, { page: 3 });
      expect(beyond).toMatchObject({ total: count, page: 3, items: [] });
      const backwards = await listCandidates(deps.db, deps, SYSTEM, programme.slug, {
        direction: 'desc',
        page: 2,
      });
      expect(backwards.items.map((i) => i.fullName)).toEqual(['Paged 000']);
      // The list is kept between requests, and a change of a candidacy or of a person shows at once.
      const late = await buildParticipant(deps, { fullName: 'Paged 000 late' });
      await registerAs(deps, programme, late, '2026-01-05');
      const after = await listCandidates(deps.db, deps, SYSTEM, programme.slug, {});
      expect(after.total).toBe(count + 1);
      expect(after.items.map((i) => i.fullName).slice(0, 2)).toEqual(['Paged 000', 'Paged 000 late']);
      await deps.db
        .updateTable('users')
        .set({ full_name: 'Aaron Renamed' })
        .where('id', '=', late.id)
        .execute();
      const renamed = await listCandidates(deps.db, deps, SYSTEM, programme.slug, {});
      expect(renamed.items[0]?.fullName).toBe('Aaron Renamed');
      // A kept page names every table it depends on (the programme's are kept on their own; rule versions
      // never change once written).
      const { db, read } = recordingTables(deps.db);
      await listCandidates(db, deps, SYSTEM, programme.slug, { page: '2', country: 'KE', atRisk: '1' });
      await listCandidates(db, deps, SYSTEM, programme.slug, {});
      const known = [...CANDIDATE_PAGE_TABLES, ...PROGRAMME_TABLES, 'rule_versions'] as string[];
      expect([...read()].filter((table) => !known.includes(table))).toEqual([]);
      expect(read().has('courses')).toBe(true);
    });

    it('offers as next steps the open editions of courses neither counted nor under way', async () => {
      const programme = await buildPathwayProgramme(deps);
      const [first, second, third, fourth] = programme.electives;
      // Open editions (registration until 2027-02-15) of every course of the programme.
      const open = new Map<string, string>();
      for (const code of [programme.academy, programme.eAcademy, ...programme.electives])
        open.set(code, (await buildEdition(deps, code)).id);
      const person = await buildParticipant(deps);
      await registerAs(deps, programme, person, '2025-01-06');
      await earn(deps, person, programme.academy, '2025-06-16', '2025-06-27');
      await earn(deps, person, first, '2025-09-01', '2025-10-10');
      await enrolDirectly(deps.db, deps, SYSTEM, open.get(second)!, {
        email: person.email,
        fundingKind: 'self',
      });
      const [mine] = await getMyPathways(deps.db, deps, actorOf(person), 'en');
      expect(mine?.detail.programme.slug).toBe(programme.slug);
      expect(mine?.nextEditions.map((e) => e.courseCode).sort()).toEqual([third, fourth].sort());
      expect(mine?.nextEditions.every((e) => e.registrationOpen)).toBe(true);

      // Enrolled in the E-Academy, which counts as the Academy: neither is a next step.
      const other = await buildParticipant(deps);
      await registerAs(deps, programme, other, '2026-01-05');
      await enrolDirectly(deps.db, deps, SYSTEM, open.get(programme.eAcademy)!, {
        email: other.email,
        fundingKind: 'self',
      });
      const [theirs] = await getMyPathways(deps.db, deps, actorOf(other), 'fr');
      expect(theirs?.detail.evaluation.requirements[0]).toMatchObject({
        id: 'academy',
        status: 'in-progress',
        enrolled: [programme.eAcademy],
      });
      expect(theirs?.nextEditions.map((e) => e.courseCode).sort()).toEqual([...programme.electives].sort());

      // Editions in the candidate's languages only; when there is none, the others, said so.
      const spanish = await buildEdition(deps, third!, { language: 'es' });
      const hispanophone = await buildParticipant(deps, { locale: 'es' });
      await registerAs(deps, programme, hispanophone, '2026-01-05');
      const [inSpanish] = await getMyPathways(deps.db, deps, actorOf(hispanophone), 'es');
      expect(inSpanish?.nextEditions.map((e) => e.id)).toEqual([spanish.id]);
      expect(inSpanish?.nextInOtherLanguages).toBe(false);
      // A Spanish speaker browsing in English (their interface language too): the languages they can
      // learn in (their profile) decide, not the pages' language.
      const browsingInEnglish = await buildParticipant(deps, { locale: 'en' });
      await registerAs(deps, programme, browsingInEnglish, '2026-01-05');
      await updateProfile(deps.db, deps, actorOf(browsingInEnglish), {
        fullName: 'Lucía Browsing',
        preferredLocale: 'en',
        learningLanguages: ['es'],
      });
      const [spanishInEnglish] = await getMyPathways(deps.db, deps, actorOf(browsingInEnglish), 'en');
      expect(spanishInEnglish?.nextEditions.map((e) => e.id)).toEqual([spanish.id]);
      expect(spanishInEnglish?.nextInOtherLanguages).toBe(false);
      const francophone = await buildParticipant(deps, { locale: 'fr' });
      await registerAs(deps, programme, francophone, '2026-01-05');
      const [inOthers] = await getMyPathways(deps.db, deps, actorOf(francophone), 'fr');
      expect(inOthers?.nextInOtherLanguages).toBe(true);
      expect(inOthers?.nextEditions.length).toBeGreaterThan(1);

      // Withdrawn: nothing to do next. Not a candidate: no pathway. Anonymous: sign in.
      const withdrawnId = await registerAs(deps, programme, await buildParticipant(deps), '2026-01-05');
      await withdrawCandidate(deps.db, deps, SYSTEM, withdrawnId, { reason: 'Paused' });
      const [row] = await deps.db
        .selectFrom('candidacies')
        .select('user_id')
        .where('id', '=', withdrawnId)
        .execute();
      const [withdrawn] = await getMyPathways(
        deps.db,
        deps,
        { kind: 'user', id: row!.user_id, roles: ['participant'], via: 'session' },
        'en',
      );
      expect(withdrawn?.nextEditions).toEqual([]);
      expect(await getMyPathways(deps.db, deps, actorOf(await buildParticipant(deps)), 'en')).toEqual([]);
      await expect(getMyPathways(deps.db, deps, ANONYMOUS, 'en')).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });
  });
}
