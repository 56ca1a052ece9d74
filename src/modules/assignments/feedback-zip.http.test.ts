import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  pdfBytes,
  submitForMarking,
  uploadForm,
} from '../../../test/helpers/assessment-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, fieldError } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { readZip } from '../../integrations/zip/safe-zip.js';
import { zipBuffer } from '../../integrations/zip/zip-writer.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { saveMark } from '../marking/save-mark.js';
import { uploadSubmissionFile } from './upload-submission-file.js';

/** Bulk files: every submission as one zip (blind), feedback files as one zip matched by participant number. */
describe('bulk submissions and feedback zips', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: AssessmentWorld;
  let staff: Client;
  let participant: Client;
  let markingId = '';

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildAssessmentWorld(deps);
    markingId = await submitForMarking(deps, world, 'My brief', () =>
      uploadSubmissionFile(deps.db, deps, actorOf(world.participant), world.assignmentId, {
        fileName: 'Secret Author.pdf',
        bytes: pdfBytes(),
      }),
    );
    staff = new Client(app);
    await staff.signIn(world.facilitator.email, world.facilitator.password);
    participant = new Client(app);
    await participant.signIn(world.participant.email, world.participant.password);
  }, 60_000);
  afterAll(() => close());

  it('downloads every latest submission as one zip, by participant number, without the PDF author', async () => {
    const zip = await staff.get(`/assignments/${world.assignmentId}/submissions.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['x-content-type-options']).toBe('nosniff');
    const files = await readZip(zip.rawPayload);
    expect([...files.keys()].sort()).toEqual(['P-0001/P-0001-1.pdf', 'P-0001/P-0001.txt']);
    expect(files.get('P-0001/P-0001.txt')!.toString()).toBe('My brief');
    expect(files.get('P-0001/P-0001-1.pdf')!.toString('latin1')).not.toContain('Secret Author');
    expect((await participant.get(`/assignments/${world.assignmentId}/submissions.zip`)).statusCode).toBe(
      403,
    );
  });

  it('refuses a bad zip and an unknown number with a translated message, changing nothing', async () => {
    const url = `/assignments/${world.assignmentId}/feedback-zip`;
    const t = translator('en');
    const bad = await uploadForm(staff, url, {
      name: 'f.zip',
      content: Buffer.from('not a zip'),
      type: 'application/zip',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'file')).toBe(t.t('assignments.error.badZip').replaceAll('’', '&#8217;'));
    const unknown = await zipBuffer([
      { name: 'P-0001.pdf', bytes: pdfBytes('Marker') },
      { name: 'P-0099.pdf', bytes: pdfBytes('Marker') },
    ]);
    const refused = await uploadForm(staff, url, {
      name: 'f.zip',
      content: unknown,
      type: 'application/zip',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('P-0099.pdf');
    const notDocument = await zipBuffer([{ name: 'P-0001.txt', bytes: Buffer.from('hello') }]);
    expect((await uploadForm(staff, url, { name: 'f.zip', content: notDocument })).statusCode).toBe(400);
    expect(await deps.db.selectFrom('marking_feedback_files').selectAll().execute()).toEqual([]);
  });

  it('attaches feedback files by number, shows them to markers, and to the participant only once released', async () => {
    const zip = await zipBuffer([
      { name: 'feedback/P-0001-notes.pdf', bytes: pdfBytes('Marker') },
      { name: '__MACOSX/._P-0001-notes.pdf', bytes: Buffer.from('junk') },
    ]);
    const done = await uploadForm(staff, `/assignments/${world.assignmentId}/feedback-zip`, {
      name: 'feedback.zip',
      content: zip,
      type: 'application/zip',
    });
    expect(done.statusCode).toBe(303);
    const [file] = await deps.db.selectFrom('marking_feedback_files').selectAll().execute();
    expect(file).toMatchObject({ submission_id: markingId, rank: 1, type: 'pdf' });
    expect((await staff.get(`/marking/submissions/${markingId}`)).body).toContain(
      `/marking/feedback-files/${file!.id}`,
    );
    expect((await participant.get(`/marking/feedback-files/${file!.id}`)).statusCode).toBe(404);
    const owner = actorOf(world.facilitator);
    await allocateMarker(deps.db, deps, owner, markingId, { markerId: world.assessor.id, role: 'first' });
    await saveMark(deps.db, deps, actorOf(world.assessor), markingId, {
      points: {},
      comments: {},
      overall: 'Good',
      mark: '70',
      complete: true,
    });
    await agreeMark(deps.db, deps, owner, markingId, {});
    await releaseMark(deps.db, deps, owner, markingId);
    const page = await participant.get(`/assignments/${world.assignmentId}`);
    expect(page.body).toContain(`/marking/feedback-files/${file!.id}`);
    const download = await participant.get(`/marking/feedback-files/${file!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="feedback-1.pdf"');
    // Released: no more feedback files.
    const late = await uploadForm(staff, `/marking/submissions/${markingId}/feedback-files`, {
      name: 'late.pdf',
      content: pdfBytes(),
    });
    expect(late.statusCode).toBe(409);
  });

  it('adds a reference document through the manage page; a file without text is refused there (400)', async () => {
    const url = `/assignments/${world.assignmentId}/references`;
    const scan = await uploadForm(staff, url, { name: 'scan.pdf', content: pdfBytes() });
    expect(scan.statusCode).toBe(400);
    expect(fieldError(scan.body, 'reference')).toContain('No text could be read');
    expect(fieldError(scan.body, 'file')).toBeNull();
    expect(await deps.db.selectFrom('assignment_references').selectAll().execute()).toEqual([]);
    const docx = await docxBytes('Staff', 'A model answer about the registers of outgoing workers.');
    const added = await uploadForm(staff, url, {
      name: 'Model.docx',
      content: docx,
      type: 'application/octet-stream',
    });
    expect(added.statusCode).toBe(303);
    const page = await staff.get(`/assignments/${world.assignmentId}/manage`);
    expect(page.body).toContain('Model.docx (DOCX');
    expect(page.body).toContain('Remove “Model.docx”');
  });
});
