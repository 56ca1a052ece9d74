import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfBytes } from '../../../test/helpers/assessment-factories.js';
import { draftedCapstone, refusal } from '../../../test/helpers/capstone-factories.js';
import { runCredentialJobs } from '../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import { toDateString } from '../../kernel/clock.js';
import { awardDiploma } from '../credentials/issuing/award-diploma.js';
import { CREDENTIAL_JOB_KINDS } from '../credentials/issuing/job-kinds.js';
import { setAutoAward } from '../credentials/issuing/set-auto-award.js';
import { getMarkingPage, getMyMarking } from '../marking/get-marking-views.js';
import { markerViewOf } from '../marking/marking.queries.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { saveMark } from '../marking/save-mark.js';
import { listNotifications } from '../notifications/list-notifications.js';
import { notificationText } from '../notifications/notification.js';
import { evaluateCandidacy } from '../pathway/candidacy-standing.js';
import { findProgrammeById } from '../programmes/programmes.queries.js';
import { findCapstone, listMessages } from './capstones.repository.js';
import { allocateAssessors } from './committee/allocate-assessors.js';
import { changeCapstoneExaminer } from './committee/change-capstone-examiner.js';
import { decideProposal } from './committee/decide-proposal.js';
import { submitFinal } from './final/submit-final.js';
import { uploadFinalDocument } from './final/upload-final-document.js';
import { getMarkerPage } from './get-marker-page.js';
import { searchLibrary } from './library/search-library.js';
import { setLibraryConsent } from './library/set-library-consent.js';
import { submitProposal } from './proposal/submit-proposal.js';
import { recordOutcome } from './record-outcome.js';
import { assignSupervisor } from './supervision/assign-supervisor.js';
import { postMessage } from './supervision/post-message.js';
import { setSupervisorLoad } from './supervision/set-supervisor-load.js';

const mark = (value: string) => ({
  points: {},
  comments: {},
  overall: 'Sound analysis.',
  mark: value,
  complete: true,
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: a capstone from proposal to diploma and library`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    /** An approved capstone with a supervisor (load limit 1), handed in. */
    async function handedIn() {
      const world = await draftedCapstone(deps, { fullName: 'Ama Secretname' });
      const manager = actorOf(world.manager);
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      await decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' });
      const supervisor = await buildPerson(deps, { roles: ['facilitator'] });
      await setSupervisorLoad(deps.db, deps, manager, { personId: supervisor.id, maxLoad: 1 });
      await assignSupervisor(deps.db, deps, manager, world.capstoneId, { supervisorId: supervisor.id });
      await postMessage(deps.db, deps, actorOf(supervisor), world.capstoneId, {
        body: 'Strengthen section 2.',
      });
      await uploadFinalDocument(deps.db, deps, actorOf(world.person), world.capstoneId, {
        fileName: 'ama-final.pdf',
        bytes: pdfBytes('Ama Secretname'),
      });
      const receipt = await submitFinal(deps.db, deps, actorOf(world.person), world.capstoneId, {
        declared: 'on',
        abstract_en: 'Ghana can extend social protection to domestic workers abroad.',
      });
      const [a1, a2] = [
        await buildPerson(deps, { roles: ['assessor'] }),
        await buildPerson(deps, { roles: ['assessor'] }),
      ];
      return { ...world, manager, supervisor, receipt, a1, a2 };
    }

    /** Two assessors mark it, the moderator agrees their average, the mark is released. */
    async function markedAndReleased(
      world: Awaited<ReturnType<typeof handedIn>>,
      first: string,
      second: string,
    ) {
      await allocateAssessors(deps.db, deps, world.manager, world.capstoneId, {
        firstMarkerId: world.a1.id,
        secondMarkerId: world.a2.id,
      });
      const attempt = await deps.db.selectFrom('capstone_attempts').select('id').executeTakeFirstOrThrow();
      const view = await markerViewOf(deps.db, actorOf(world.a1), 'capstones', attempt.id);
      await saveMark(deps.db, deps, actorOf(world.a1), view!.submissionId, mark(first));
      await saveMark(deps.db, deps, actorOf(world.a2), view!.submissionId, mark(second));
      await agreeMark(deps.db, deps, world.manager, view!.submissionId, { mark: '', note: '', feedback: '' });
      await releaseMark(deps.db, deps, world.manager, view!.submissionId);
    }

    it('assigns a supervisor within the load limit; hands in with a SHA-256 receipt; assessors are never the supervisor', async () => {
      const world = await handedIn();
      expect(world.receipt.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(world.receipt.attempt).toBe(1);
      expect((await listMessages(deps.db, world.capstoneId)).map((m) => m.kind)).toEqual(['feedback']);
      // The supervisor's load (1) is reached: a second capstone cannot get them.
      const other = await draftedCapstone(deps);
      await submitProposal(deps.db, deps, actorOf(other.person), other.capstoneId);
      await decideProposal(deps.db, deps, world.manager, other.capstoneId, { decision: 'approve' });
      expect(
        await refusal(
          assignSupervisor(deps.db, deps, world.manager, other.capstoneId, {
            supervisorId: world.supervisor.id,
          }),
        ),
      ).toBe('supervisorId:capstones.error.supervisorFull');
      expect(
        await refusal(
          allocateAssessors(deps.db, deps, world.manager, world.capstoneId, {
            firstMarkerId: world.supervisor.id,
            secondMarkerId: world.a2.id,
          }),
        ),
      ).toBe('firstMarkerId:capstones.error.assessorIsSupervisor');
      expect(
        await refusal(
          allocateAssessors(deps.db, deps, world.manager, world.capstoneId, {
            firstMarkerId: world.a1.id,
            secondMarkerId: world.a1.id,
          }),
        ),
      ).toBe('secondMarkerId:capstones.error.sameAssessor');
    });

    it('is marked double-blind, moderated, released, passed: the pathway awards, the CLR holds the capstone credential, the library publishes it', async () => {
      const world = await handedIn();
      await allocateAssessors(deps.db, deps, world.manager, world.capstoneId, {
        firstMarkerId: world.a1.id,
        secondMarkerId: world.a2.id,
      });
      const capstone = await findCapstone(deps.db, world.capstoneId);
      const attempts = await deps.db
        .selectFrom('capstone_attempts')
        .select('id')
        .where('capstone_id', '=', world.capstoneId)
        .execute();
      const view = await markerViewOf(deps.db, actorOf(world.a1), 'capstones', attempts[0]!.id);
      expect(view?.participantNumber).toMatch(/^P-\d{4}$/);
      expect(view?.revealed).toBe(false);
      await saveMark(deps.db, deps, actorOf(world.a1), view!.submissionId, mark('62'));
      await saveMark(deps.db, deps, actorOf(world.a2), view!.submissionId, mark('78'));
      // Not released yet: no outcome can be recorded.
      expect(
        await refusal(recordOutcome(deps.db, deps, world.manager, world.capstoneId, { outcome: 'pass' })),
      ).toBe('state:capstones.error.notReleased');
      await agreeMark(deps.db, deps, world.manager, view!.submissionId, {
        mark: '70',
        note: 'Agreed.',
        feedback: '',
      });
      await releaseMark(deps.db, deps, world.manager, view!.submissionId);
      // The release names the capstone's programme, never "the course".
      for (const locale of ['en', 'fr', 'es'] as const) {
        const notes = await listNotifications(deps.db, deps, actorOf(world.person), { page: 1 });
        const released = notes.items.find((n) => n.kind === 'marking.released');
        const text = notificationText(translator(locale), released!.notice);
        const programme = await findProgrammeById(deps.db, capstone!.programme_id);
        expect(text).toContain(pickLocalized(programme!.title, locale).text);
        expect(text).toMatch(/capstone|mémoire final|proyecto final/);
        expect(text).not.toContain(translator(locale).t('notifications.unknownCourse'));
      }
      expect(
        await refusal(recordOutcome(deps.db, deps, world.manager, world.capstoneId, { outcome: 'fail' })),
      ).toBe('outcome:capstones.error.outcomeMismatch');
      await recordOutcome(deps.db, deps, world.manager, world.capstoneId, { outcome: 'pass' });
      const passed = await findCapstone(deps.db, world.capstoneId);
      expect(passed?.state).toBe('passed');
      expect(passed?.outcome_mark).toBe(7000);
      const evaluated = await evaluateCandidacy(
        deps.db,
        capstone!.candidacy_id,
        toDateString(deps.clock.now()),
      );
      expect(evaluated?.evaluation.awardable).toBe(true);
      const diploma = await awardDiploma(deps.db, deps, world.manager, capstone!.candidacy_id);
      const row = await deps.db
        .selectFrom('credentials')
        .selectAll()
        .where('id', '=', diploma.id)
        .executeTakeFirstOrThrow();
      const clr = JSON.parse(row.clr_json!) as {
        credentialSubject: { verifiableCredential: Record<string, unknown>[] };
      };
      const bundled = clr.credentialSubject.verifiableCredential;
      const capstoneVc = bundled.find((vc) => (vc.id as string).endsWith(passed!.credential_id!));
      expect(capstoneVc).toBeDefined();
      const achievement = (
        capstoneVc!.credentialSubject as { achievement: { achievementType: string; name: string } }
      ).achievement;
      expect(achievement.achievementType).toBe('Assessment');
      expect(achievement.name).toContain('Protecting migrant domestic workers in Ghana');
      expect(achievement.name).toContain('Ghana');
      // Not in the library before consent; found by its country in Spanish once published; gone on withdrawal.
      const search = () => searchLibrary(deps.db, deps, { q: 'Ghana', language: 'en' });
      expect((await search()).total).toBe(0);
      expect(
        await refusal(
          setLibraryConsent(deps.db, deps, actorOf(world.person), world.capstoneId, { consent: 'on' }),
        ),
      ).toBe('licence:capstones.error.licenceNeeded');
      await setLibraryConsent(deps.db, deps, actorOf(world.person), world.capstoneId, {
        consent: 'on',
        licence: 'CC-BY-4.0',
        linkDiploma: 'on',
      });
      const found = await searchLibrary(deps.db, deps, { q: 'Ghana' });
      expect(found.total).toBe(1);
      expect(found.items[0]).toMatchObject({
        country: 'GH',
        language: 'en',
        themes: ['Social protection', 'Domestic work'],
      });
      expect(
        (await searchLibrary(deps.db, deps, { q: 'protección social ghana', country: 'GH' })).total,
      ).toBe(0);
      await setLibraryConsent(deps.db, deps, actorOf(world.person), world.capstoneId, {});
      expect((await searchLibrary(deps.db, deps, { q: 'Ghana' })).total).toBe(0);
    });

    it('in a programme that awards automatically, passing the capstone has the job runner issue the diploma at once', async () => {
      const world = await handedIn();
      await setAutoAward(deps.db, deps, world.manager, world.programme.slug, { awardAutomatically: 'on' });
      await markedAndReleased(world, '70', '72');
      const diplomas = () =>
        deps.db
          .selectFrom('credentials')
          .select('id')
          .where('user_id', '=', world.person.id)
          .where('kind', '=', 'diploma')
          .execute();
      await recordOutcome(deps.db, deps, world.manager, world.capstoneId, { outcome: 'pass' });
      expect(await diplomas()).toHaveLength(0);
      // Not the next day's run: the job queued with the capstone credential awards it.
      await runCredentialJobs(deps, [CREDENTIAL_JOB_KINDS.autoAward]);
      expect(await diplomas()).toHaveLength(1);
    });

    it('gives the external examiner of the programme read-only, blind access to the moderation sample', async () => {
      const world = await handedIn();
      await allocateAssessors(deps.db, deps, world.manager, world.capstoneId, {
        firstMarkerId: world.a1.id,
        secondMarkerId: world.a2.id,
      });
      const examiner = await buildPerson(deps, { roles: ['assessor'] });
      const outsider = await buildPerson(deps, { roles: ['assessor'] });
      const appoint = (actor: Parameters<typeof changeCapstoneExaminer>[2], input: object) =>
        refusal(changeCapstoneExaminer(deps.db, deps, actor, input));
      const { programme_id: programmeId } = (await findCapstone(deps.db, world.capstoneId))!;
      expect(await appoint(actorOf(examiner), { programmeId, examinerId: examiner.id })).toBe('forbidden');
      expect(await appoint(world.manager, { programmeId, examinerId: world.person.id })).toBe(
        'examinerId:marking.error.notAMarker',
      );
      expect(await appoint(world.manager, { programmeId: world.capstoneId, examinerId: examiner.id })).toBe(
        'programmeId:validation.invalidChoice',
      );
      await changeCapstoneExaminer(deps.db, deps, world.manager, { programmeId, examinerId: examiner.id });
      const attempt = await deps.db.selectFrom('capstone_attempts').select('id').executeTakeFirstOrThrow();
      // Unmarked capstones are never in the sample.
      expect(await refusal(getMarkerPage(deps.db, deps, actorOf(examiner), attempt.id))).toBe('not_found');
      const view = await markerViewOf(deps.db, actorOf(world.a1), 'capstones', attempt.id);
      await saveMark(deps.db, deps, actorOf(world.a1), view!.submissionId, mark('62'));
      await saveMark(deps.db, deps, actorOf(world.a2), view!.submissionId, mark('66'));
      const page = await getMarkerPage(deps.db, deps, actorOf(examiner), attempt.id);
      expect(page.participantNumber).toMatch(/^P-\d{4}$/);
      expect(JSON.stringify(page)).not.toMatch(/Secretname|Strengthen section 2/);
      const marking = await getMarkingPage(deps.db, deps, actorOf(examiner), view!.submissionId);
      expect(marking.can).toMatchObject({ examine: true, mark: false, manage: false, editMark: false });
      expect(marking.submission.marks).toHaveLength(2);
      expect(JSON.stringify(marking)).not.toMatch(/Secretname/);
      expect((await getMyMarking(deps.db, deps, actorOf(examiner))).rows.map((s) => s.id)).toEqual([
        view!.submissionId,
      ]);
      expect(await refusal(saveMark(deps.db, deps, actorOf(examiner), view!.submissionId, mark('10')))).toBe(
        'forbidden',
      );
      expect(
        await refusal(agreeMark(deps.db, deps, actorOf(examiner), view!.submissionId, { mark: '64' })),
      ).toBe('forbidden');
      // An assessor who is not the programme's examiner does not learn the capstone exists.
      expect(await refusal(getMarkerPage(deps.db, deps, actorOf(outsider), attempt.id))).toBe('not_found');
      expect(await refusal(getMarkingPage(deps.db, deps, actorOf(outsider), view!.submissionId))).toBe(
        'not_found',
      );
    });

    it('requires a resubmission once, with a deadline inside the window', async () => {
      const world = await handedIn();
      await markedAndReleased(world, '40', '42');
      expect(
        await refusal(
          recordOutcome(deps.db, deps, world.manager, world.capstoneId, {
            outcome: 'require-resubmission',
            resubmissionDue: '2030-01-01',
          }),
        ),
      ).toBe('resubmissionDue:capstones.error.dueAfterWindow');
      await recordOutcome(deps.db, deps, world.manager, world.capstoneId, {
        outcome: 'require-resubmission',
        resubmissionDue: '2027-03-01',
      });
      expect((await findCapstone(deps.db, world.capstoneId))?.state).toBe('resubmission');
      await uploadFinalDocument(deps.db, deps, actorOf(world.person), world.capstoneId, {
        fileName: 'v2.pdf',
        bytes: pdfBytes('x'),
      });
      const second = await submitFinal(deps.db, deps, actorOf(world.person), world.capstoneId, {
        declared: 'on',
        abstract_en: 'Revised.',
      });
      expect(second.attempt).toBe(2);
    });
  });
}
