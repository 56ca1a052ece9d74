import { render } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  docxBytes,
  enrolOther,
  pdfOfText,
} from '../../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { getManagePage } from '../get-manage-page.js';
import { saveDraft } from '../save-draft.js';
import { submitAssignment } from '../submit-assignment.js';
import { uploadSubmissionFile } from '../upload-submission-file.js';
import { SimilarityScope } from '../views/similarity-pairs.js';
import { EXTRACT_TEXT_JOB_KIND, extractFileText, extractTextJob, fileTexts } from './file-texts.js';

const ESSAY =
  'Labour migration statistics in the region come from border records and household surveys that rarely meet, so a shared register of outgoing workers would let ministries count departures and returns';
const NO_PDFTOTEXT = '/nonexistent/pdftotext';

describe('the similarity check says plainly when PDFs are left out', () => {
  it('shows the notice only when this server cannot read PDF text, in the reader’s language', () => {
    const es = translator('es');
    expect(render(<SimilarityScope t={es} pdfText={false} />)).toContain('pdftotext');
    expect(render(<SimilarityScope t={es} pdfText={false} />)).toContain('Los archivos PDF quedan fuera');
    expect(render(<SimilarityScope t={es} pdfText={true} />)).not.toContain('pdftotext');
  });

  it('extractFileText gives null for a PDF without pdftotext (read later), and a DOCX’s text regardless', async () => {
    expect(await extractFileText('pdf', await pdfOfText(ESSAY), NO_PDFTOTEXT)).toBeNull();
    expect(await extractFileText('docx', await docxBytes('A', 'Words of the brief.'), NO_PDFTOTEXT)).toEqual({
      text: 'Words of the brief.',
      unreadable: false,
    });
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: submitted files' text, extracted once`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let other: TestPerson;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps);
      other = await enrolOther(deps, world);
    });
    afterEach(async () => {
      await deps.close();
    });

    async function hand(person: TestPerson, text: string, pdf?: string) {
      const me = actorOf(person);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text, declared: true });
      if (pdf)
        await uploadSubmissionFile(deps.db, deps, me, world.assignmentId, {
          fileName: 'b.pdf',
          bytes: await pdfOfText(pdf),
        });
      await submitAssignment(deps.db, deps, me, world.assignmentId);
    }

    const keptTexts = () => deps.db.selectFrom('assignment_file_texts').select(['file_id', 'text']).execute();

    it('submitting queues one extraction; the job keeps the text and the check reads no file again', async () => {
      await hand(world.participant, 'See the attached brief, please.', ESSAY);
      await hand(other, `My own opening words. ${ESSAY}.`);
      const jobs = await deps.db
        .selectFrom('jobs')
        .select('kind')
        .where('kind', '=', EXTRACT_TEXT_JOB_KIND)
        .execute();
      // One job: the second submission has no file.
      expect(jobs).toHaveLength(1);
      expect(await keptTexts()).toEqual([]);
      expect(await runJobsUntilIdle(deps, [extractTextJob])).toBe(1);
      const kept = await keptTexts();
      expect(kept).toHaveLength(1);
      expect(kept[0]!.text).toContain('a shared register of outgoing workers');
      // The check uses the kept text: no stored file is read, twice over.
      const reads = vi.spyOn(deps.storage, 'get');
      for (let i = 0; i < 2; i++) {
        const page = await getManagePage(deps.db, deps, actorOf(world.facilitator), world.assignmentId);
        expect(page.similar.pairs).toHaveLength(1);
        expect(page.similar.pairs[0]!.percent).toBeGreaterThan(50);
        expect(page.pdfText).toBe(true);
      }
      expect(reads).not.toHaveBeenCalled();
    });

    it('a check before the job extracts what is missing once and keeps it; the job then has nothing to do', async () => {
      await hand(world.participant, 'See the attached brief, please.', ESSAY);
      await hand(other, `My own opening words. ${ESSAY}.`);
      const reads = vi.spyOn(deps.storage, 'get');
      await getManagePage(deps.db, deps, actorOf(world.facilitator), world.assignmentId);
      await getManagePage(deps.db, deps, actorOf(world.facilitator), world.assignmentId);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(await keptTexts()).toHaveLength(1);
      expect(await runJobsUntilIdle(deps, [extractTextJob])).toBe(1);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(await keptTexts()).toHaveLength(1);
    });

    it('without pdftotext nothing is kept for a PDF, and it is read once pdftotext is there', async () => {
      await hand(world.participant, 'See the attached brief, please.', ESSAY);
      const files = await deps.db
        .selectFrom('assignment_files')
        .select(['id', 'type', 'storage_key'])
        .execute();
      expect((await fileTexts(deps.db, deps, files, NO_PDFTOTEXT)).size).toBe(0);
      expect(await keptTexts()).toEqual([]);
      const texts = await fileTexts(deps.db, deps, files);
      expect(texts.get(files[0]!.id)).toContain('outgoing workers');
      expect(await keptTexts()).toHaveLength(1);
    });
  });
}
