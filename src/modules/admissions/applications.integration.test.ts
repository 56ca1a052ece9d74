import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  eligibleAnswers,
  fillApplication,
  TINY_PDF,
} from '../../../test/helpers/application-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson, buildProgramme } from '../../../test/helpers/factories.js';
import { countRows } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { ANONYMOUS, systemActor } from '../../kernel/actor.js';
import { listAuditEvents } from '../../kernel/audit.js';
import { type AppError, isAppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { DEFAULT_CRITERIA, loadAdmissionSettings, saveAdmissionSettings } from './admission-settings.js';
import { getApplicationFile } from './files/get-application-file.js';
import { removeApplicationFile } from './files/remove-application-file.js';
import { uploadApplicationFile } from './files/upload-application-file.js';
import { getApplication, getOwnApplication } from './get-application.js';
import { listMyApplications } from './list-my-applications.js';
import { saveApplicationStep } from './save-application-step.js';
import { startApplication } from './start-application.js';
import { submitApplication } from './submit-application.js';
import { withdrawApplication } from './withdraw-application.js';

/** The applicant's side of admissions against a real database: draft, save, resume, submit, withdraw. */

const SYSTEM = systemActor('test');
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);
const fieldsOf = (error: unknown) =>
  isAppError(error) ? error.fields.map((f) => `${f.path}:${f.key}`) : error;

for (const dialect of DIALECTS) {
  describe(`${dialect}: applications (applicant side)`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      await buildProgramme(deps);
    });
    afterAll(() => deps.close());

    it('starts one draft per person and programme, and resumes it', async () => {
      const person = await buildPerson(deps);
      const actor = actorOf(person);
      const first = await startApplication(deps.db, deps, actor, {
        programmeSlug: 'labour-migration',
        locale: 'es',
      });
      const again = await startApplication(deps.db, deps, actor, {
        programmeSlug: 'labour-migration',
        locale: 'en',
      });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      const details = await getOwnApplication(deps.db, deps, actor, first.id);
      expect(details.application).toMatchObject({
        status: 'draft',
        step: 'person',
        locale: 'es',
        answers: {},
      });
      expect(details.timeline.map((e) => e.status)).toEqual(['draft']);
    });

    it('saves each step server-side and resumes at the next step, keeping the furthest', async () => {
      const { id, actor } = await buildApplication(deps);
      const afterPerson = await saveApplicationStep(deps.db, deps, actor, id, {
        step: 'person',
        answers: { fullName: 'محمد الأمين', countryOfResidence: 'ma', nationality: 'MA' },
      });
      expect(afterPerson.step).toBe('work');
      expect(afterPerson.answers).toEqual({
        fullName: 'محمد الأمين',
        countryOfResidence: 'MA',
        nationality: 'MA',
      });
      await saveApplicationStep(deps.db, deps, actor, id, {
        step: 'work',
        answers: { yearsOfExperience: '2' },
      });
      const back = await saveApplicationStep(deps.db, deps, actor, id, {
        step: 'person',
        answers: { fullName: 'M. Amine' },
      });
      expect(back.step).toBe('education');
      expect(back.answers).toEqual({ fullName: 'M. Amine', yearsOfExperience: 2 });
      const [summary] = await listMyApplications(deps.db, deps, actor, 'en');
      expect(summary).toMatchObject({
        id,
        status: 'draft',
        step: 'education',
        programmeSlug: 'labour-migration',
      });
    });

    it('refuses invalid answers and unknown steps or fields, changing nothing', async () => {
      const { id, actor } = await buildApplication(deps);
      const before = (await getOwnApplication(deps.db, deps, actor, id)).application.updatedAt;
      deps.clock.advance(1000);
      const bad = await failure(
        saveApplicationStep(deps.db, deps, actor, id, {
          step: 'person',
          answers: { countryOfResidence: 'ZZ' },
        }),
      );
      expect(fieldsOf(bad)).toEqual(['countryOfResidence:validation.invalidChoice']);
      expect(
        fieldsOf(await failure(saveApplicationStep(deps.db, deps, actor, id, { step: 'nope', answers: {} }))),
      ).toEqual(['step:admissions.error.unknownStep']);
      const unknown = await failure(
        saveApplicationStep(deps.db, deps, actor, id, { step: 'person', answers: { status: 'accepted' } }),
      );
      expect(isAppError(unknown, 'validation_failed')).toBe(true);
      expect((await getOwnApplication(deps.db, deps, actor, id)).application.updatedAt).toBe(before);
    });

    it('only the applicant fills their application; others learn nothing', async () => {
      const { id } = await buildApplication(deps);
      const stranger = actorOf(await buildPerson(deps));
      const manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      const save = (actor: typeof stranger) =>
        failure(
          saveApplicationStep(deps.db, deps, actor, id, { step: 'person', answers: { fullName: 'X' } }),
        );
      expect((await save(stranger))?.code).toBe('not_found');
      expect((await save(manager))?.code).toBe('forbidden');
      expect(
        (await failure(saveApplicationStep(deps.db, deps, ANONYMOUS, id, { step: 'person', answers: {} })))
          ?.code,
      ).toBe('unauthenticated');
      expect((await failure(getApplication(deps.db, deps, stranger, id)))?.code).toBe('not_found');
      expect((await getApplication(deps.db, deps, manager, id)).application.id).toBe(id);
      expect((await failure(getOwnApplication(deps.db, deps, manager, id)))?.code).toBe('not_found');
      expect((await failure(getApplication(deps.db, deps, stranger, newId())))?.code).toBe('not_found');
      expect((await failure(getApplication(deps.db, deps, stranger, '../../etc/passwd')))?.code).toBe(
        'not_found',
      );
    });

    it('lists what is missing before submission and refuses to submit it', async () => {
      const { id, actor } = await buildApplication(deps);
      const error = await failure(submitApplication(deps.db, deps, actor, id, {}));
      expect(isAppError(error, 'validation_failed')).toBe(true);
      expect(fieldsOf(error)).toContain('cv:admissions.missing.file');
      expect(fieldsOf(error)).toContain('consent:admissions.missing.consent');
      expect((await getOwnApplication(deps.db, deps, actor, id)).application.status).toBe('draft');
    });

    it('submits an eligible application: status, copies for the queue, audit and notification', async () => {
      const { id, actor, person } = await buildApplication(deps, { complete: true });
      const notificationsBefore = await countRows(deps, 'notifications');
      const submitted = await submitApplication(deps.db, deps, actor, id, {});
      expect(submitted).toMatchObject({
        status: 'submitted',
        submittedAt: deps.clock.now().toISOString(),
        justification: null,
      });
      expect(submitted.eligibility?.eligible).toBe(true);
      const row = await deps.db
        .selectFrom('applications')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ country: 'SN', constituency: 'government', eligible: 1 });
      expect(await countRows(deps, 'notifications')).toBe(notificationsBefore + 1);
      const notification = await deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(notification.kind).toBe('application.received');
      const audit = await listAuditEvents(deps.db, 'application', id);
      expect(audit.map((e) => e.action)).toContain('application.submitted');
      expect((await failure(submitApplication(deps.db, deps, actor, id, {})))?.code).toBe('invalid_state');
      expect(
        (await failure(saveApplicationStep(deps.db, deps, actor, id, { step: 'person', answers: {} })))?.code,
      ).toBe('invalid_state');
      const details = await getOwnApplication(deps.db, deps, actor, id);
      expect(details.timeline.map((e) => e.status)).toEqual(['draft', 'submitted']);
    });

    it('an ineligible applicant is told which rule fails and submits only with a justification', async () => {
      const answers = eligibleAnswers();
      answers.work = { ...answers.work, yearsOfExperience: 1 };
      const { id, actor } = await buildApplication(deps, { complete: true, answers });
      const draft = await getOwnApplication(deps.db, deps, actor, id);
      expect(draft.eligibility.eligible).toBe(false);
      expect(draft.eligibility.results.filter((r) => !r.met).map((r) => r.rule)).toEqual([
        'minYearsExperience',
      ]);
      const refused = await failure(submitApplication(deps.db, deps, actor, id, { justification: '   ' }));
      expect(fieldsOf(refused)).toEqual(['justification:admissions.error.justificationRequired']);
      const submitted = await submitApplication(deps.db, deps, actor, id, {
        justification: 'I led the national policy for 10 years before.',
      });
      expect(submitted.status).toBe('submitted');
      expect(submitted.justification).toBe('I led the national policy for 10 years before.');
      const row = await deps.db
        .selectFrom('applications')
        .select(['eligible'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.eligible).toBe(0);
    });

    it('uses the programme’s own eligibility rules and refuses new applications once closed', async () => {
      const programmeId = await buildProgramme(deps, 'closing-programme');
      await saveAdmissionSettings(deps.db, deps, SYSTEM, programmeId, {
        open: true,
        closesOn: '2026-12-31',
        eligibility: { minYearsExperience: 10 },
        criteria: DEFAULT_CRITERIA,
      });
      const settings = await loadAdmissionSettings(deps.db, programmeId);
      expect(settings.eligibility).toEqual({
        minYearsExperience: 10,
        minDegree: null,
        fieldsOfStudy: [],
        languages: [],
      });
      const person = await buildPerson(deps);
      const actor = actorOf(person);
      const { id } = await startApplication(deps.db, deps, actor, {
        programmeSlug: 'closing-programme',
        locale: 'en',
      });
      await fillApplication(deps, actor, id);
      expect((await getOwnApplication(deps.db, deps, actor, id)).eligibility.eligible).toBe(false);
      await saveAdmissionSettings(deps.db, deps, SYSTEM, programmeId, {
        open: false,
        eligibility: {},
        criteria: DEFAULT_CRITERIA,
      });
      expect((await failure(submitApplication(deps.db, deps, actor, id, {})))?.code).toBe('invalid_state');
      const late = actorOf(await buildPerson(deps));
      expect(
        (
          await failure(
            startApplication(deps.db, deps, late, { programmeSlug: 'closing-programme', locale: 'en' }),
          )
        )?.code,
      ).toBe('invalid_state');
      expect((await failure(saveAdmissionSettings(deps.db, deps, actor, programmeId, {})))?.code).toBe(
        'forbidden',
      );
    });

    it('withdraws before a decision, not after', async () => {
      const { id, actor } = await buildApplication(deps, { submit: true });
      const stranger = actorOf(await buildPerson(deps));
      expect((await failure(withdrawApplication(deps.db, deps, stranger, id)))?.code).toBe('not_found');
      const withdrawn = await withdrawApplication(deps.db, deps, actor, id);
      expect(withdrawn.status).toBe('withdrawn');
      expect((await failure(withdrawApplication(deps.db, deps, actor, id)))?.code).toBe('invalid_state');
      const details = await getOwnApplication(deps.db, deps, actor, id);
      expect(details.timeline.map((e) => e.status)).toEqual(['draft', 'submitted', 'withdrawn']);
      const accepted = await buildApplication(deps, { submit: true });
      await deps.db
        .updateTable('applications')
        .set({ status: 'accepted' })
        .where('id', '=', accepted.id)
        .execute();
      expect((await failure(withdrawApplication(deps.db, deps, accepted.actor, accepted.id)))?.code).toBe(
        'invalid_state',
      );
    });

    it('stores documents through the storage port, replaces and removes them, refusing what is not a PDF', async () => {
      const { id, actor } = await buildApplication(deps);
      const cv = await uploadApplicationFile(deps.db, deps, actor, id, {
        kind: 'cv',
        file: { fileName: '/tmp/../cv.pdf', bytes: TINY_PDF },
      });
      expect(cv).toMatchObject({ kind: 'cv', originalName: 'cv.pdf', sizeBytes: TINY_PDF.length });
      const row = await deps.db
        .selectFrom('application_files')
        .selectAll()
        .where('id', '=', cv.id)
        .executeTakeFirstOrThrow();
      expect(row.storage_key).toBe(`applications/${id}/${cv.id}.pdf`);
      expect(Buffer.from((await deps.storage.get(row.storage_key))!).equals(TINY_PDF)).toBe(true);
      const replaced = await uploadApplicationFile(deps.db, deps, actor, id, {
        kind: 'cv',
        file: { fileName: 'new.pdf', bytes: TINY_PDF },
      });
      expect(await deps.storage.get(row.storage_key)).toBeNull();
      const file = await getApplicationFile(deps.db, deps, actor, id, 'cv');
      expect(file.downloadName).toBe(`cv-${id.slice(0, 8)}.pdf`);
      const stranger = actorOf(await buildPerson(deps));
      expect((await failure(getApplicationFile(deps.db, deps, stranger, id, 'cv')))?.code).toBe('not_found');
      const notPdf = await failure(
        uploadApplicationFile(deps.db, deps, actor, id, {
          kind: 'cv',
          file: { fileName: 'x.pdf', bytes: Buffer.from('PK\x03\x04') },
        }),
      );
      expect(fieldsOf(notPdf)).toEqual(['file:admissions.error.fileNotPdf']);
      expect(
        (
          await failure(
            uploadApplicationFile(deps.db, deps, stranger, id, {
              kind: 'cv',
              file: { fileName: 'x.pdf', bytes: TINY_PDF },
            }),
          )
        )?.code,
      ).toBe('not_found');
      await removeApplicationFile(deps.db, deps, actor, id, 'cv');
      expect(
        await deps.db.selectFrom('application_files').select('id').where('application_id', '=', id).execute(),
      ).toEqual([]);
      const key = `applications/${id}/${replaced.id}.pdf`;
      expect(await deps.storage.get(key)).toBeNull();
      expect((await failure(removeApplicationFile(deps.db, deps, actor, id, 'cv')))?.code).toBe('not_found');
    });

    it('shows the committee’s decisions on the timeline', async () => {
      const { id, actor } = await buildApplication(deps, { submit: true });
      const at = deps.clock.now().toISOString();
      await deps.db
        .insertInto('application_decisions')
        .values({
          id: newId(),
          application_id: id,
          decision: 'request-info',
          message: 'Send your diploma',
          decided_by: null,
          decided_at: at,
          reopened_by: null,
          reopened_at: null,
          reopen_reason: null,
        })
        .execute();
      await deps.db
        .updateTable('applications')
        .set({
          status: 'info-requested',
          decision: 'request-info',
          decision_message: 'Send your diploma',
          decided_at: at,
        })
        .where('id', '=', id)
        .execute();
      const details = await getOwnApplication(deps.db, deps, actor, id);
      expect(details.timeline.map((e) => [e.status, e.message])).toEqual([
        ['draft', null],
        ['submitted', null],
        ['under-review', null],
        ['info-requested', 'Send your diploma'],
      ]);
      // The applicant may change and resubmit; the notice of the resubmission is a new one.
      await saveApplicationStep(deps.db, deps, actor, id, {
        step: 'work',
        answers: { ...eligibleAnswers().work, position: 'Director' },
      });
      const again = await submitApplication(deps.db, deps, actor, id, {});
      expect(again.status).toBe('submitted');
    });
  });
}
