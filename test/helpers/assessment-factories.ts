import type { LightMyRequestResponse } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { systemActor } from '../../src/kernel/actor.js';
import { createAssignment } from '../../src/modules/assignments/save-assignment.js';
import { saveDraft } from '../../src/modules/assignments/save-draft.js';
import { submitAssignment } from '../../src/modules/assignments/submit-assignment.js';
import { enrolDirectly } from '../../src/modules/places/enrol-directly.js';
import { buildPerson, type TestPerson } from './factories.js';
import type { Client } from './http-extra.js';
import { multipartBody } from './import-helpers.js';
import { actorOf } from './pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from './space-factories.js';
import type { TestDeps } from './test-deps.js';

/** A space world with an assignment (text and PDF files, due in 10 days, cut-off 2 days later). */
export interface AssessmentWorld extends SpaceWorld {
  assignmentId: string;
  itemId: string;
  assessor: TestPerson;
  secondAssessor: TestPerson;
}

export const DUE = '2026-12-08T12:00:00.000Z';
export const CUTOFF = '2026-12-10T12:00:00.000Z';

/** The assignment `buildAssessmentWorld` creates (a test that updates it starts from these). */
export const ASSIGNMENT_SETTINGS = {
  title: 'Policy brief',
  instructions: { en: '# Write a brief\n\nTwo pages.' },
  acceptsText: true,
  acceptsFiles: true,
  fileTypes: ['pdf'],
  maxFiles: 2,
  maxFileMb: 1,
  dueAt: DUE,
  cutoffAt: CUTOFF,
  resubmission: 'none',
} as const;

export async function buildAssessmentWorld(
  deps: TestDeps,
  settings: Record<string, unknown> = {},
): Promise<AssessmentWorld> {
  const world = await buildSpaceWorld(deps);
  const { id, itemId } = await createAssignment(deps.db, deps, actorOf(world.facilitator), world.edition.id, {
    ...ASSIGNMENT_SETTINGS,
    ...settings,
  });
  return {
    ...world,
    assignmentId: id,
    itemId,
    assessor: await buildPerson(deps, { roles: ['assessor'], fullName: 'Ada Assessor' }),
    secondAssessor: await buildPerson(deps, { roles: ['assessor'], fullName: 'Bea Assessor' }),
  };
}

/** A small PDF whose metadata names its author. */
export function pdfBytes(author = 'Secret Author'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n4 0 obj<</Author(${author})/Creator(${author} Writer)/Producer(${author} PDF)>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A real one-page PDF holding `text` (eight words a line), for text extraction with pdftotext. */
export async function pdfOfText(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const words = text.split(' ');
  for (let line = 0; line * 8 < words.length; line++)
    page.drawText(words.slice(line * 8, line * 8 + 8).join(' '), {
      x: 40,
      y: 800 - line * 16,
      size: 11,
      font,
    });
  return Buffer.from(await doc.save());
}

/** Another confirmed participant of the world's edition. */
export async function enrolOther(
  deps: TestDeps,
  world: AssessmentWorld,
  fullName = 'Omar Other',
): Promise<TestPerson> {
  const other = await buildPerson(deps, { fullName });
  await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
    email: other.email,
    fundingKind: 'self',
  });
  return other;
}

/** Uploads a file through a multipart web form of a signed-in browser (`file` part, with the CSRF token). */
export async function uploadForm(
  browser: Client,
  url: string,
  file: { name: string; content: Buffer; type?: string },
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipartBody(
    { _csrf: await browser.csrf() },
    { type: 'application/pdf', ...file },
  );
  const response = await browser.app.inject({
    method: 'POST',
    url,
    remoteAddress: browser.address,
    headers: { ...headers, cookie: browser.jar.header() },
    payload,
  });
  browser.jar.store(response);
  return response;
}

/** Uploads a file to an assignment through the web form of a signed-in browser. */
export function uploadSubmissionForm(
  browser: Client,
  assignmentId: string,
  file: { name: string; content: Buffer },
): Promise<LightMyRequestResponse> {
  return uploadForm(browser, `/assignments/${assignmentId}/files`, file);
}

/** `person` drafts `text` and submits it; the id of their assignment submission. */
export async function handIn(
  deps: TestDeps,
  world: AssessmentWorld,
  person: TestPerson,
  text: string,
): Promise<string> {
  const me = actorOf(person);
  await saveDraft(deps.db, deps, me, world.assignmentId, { text, declared: true });
  return (await submitAssignment(deps.db, deps, me, world.assignmentId)).submissionId;
}

/** The world's participant submits `text` (after `before`, e.g. an upload); the id of the marking submission. */
export async function submitForMarking(
  deps: TestDeps,
  world: AssessmentWorld,
  text = 'Work',
  before: () => Promise<unknown> = async () => undefined,
): Promise<string> {
  const me = actorOf(world.participant);
  await saveDraft(deps.db, deps, me, world.assignmentId, { text, declared: true });
  await before();
  const { submissionId } = await submitAssignment(deps.db, deps, me, world.assignmentId);
  const row = await deps.db
    .selectFrom('marking_submissions')
    .select('id')
    .where('owner_id', '=', submissionId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A real (minimal) DOCX whose core and app properties name its author, built with the zip writer. */
export async function docxBytes(author = 'Secret Author', text = 'My essay text.'): Promise<Buffer> {
  const { zipBuffer } = await import('../../src/integrations/zip/zip-writer.js');
  const xml = (body: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
  return zipBuffer([
    {
      name: '[Content_Types].xml',
      bytes: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      bytes: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      bytes: xml(
        `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
    {
      name: 'docProps/core.xml',
      bytes: xml(
        `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Essay by ${author}</dc:title><dc:creator>${author}</dc:creator><cp:lastModifiedBy>${author}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-01T10:00:00Z</dcterms:created></cp:coreProperties>`,
      ),
    },
    {
      name: 'docProps/app.xml',
      bytes: xml(
        `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>${author} Ltd</Company></Properties>`,
      ),
    },
  ]);
}

/** The marking state of a marking submission. */
export async function markingStateOf(deps: TestDeps, markingId: string): Promise<string> {
  const row = await deps.db
    .selectFrom('marking_submissions')
    .select('state')
    .where('id', '=', markingId)
    .executeTakeFirstOrThrow();
  return row.state;
}
