/**
 * `renderCredentialPdf`: the one-page A4 landscape PDF of a certificate or diploma, with the signed
 * credential attached. Same model, same bytes: dates come from `awardedOn`, names are derived, no randomness.
 */
import {
  AFRelationship,
  PDFDocument,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setLineWidth,
  setStrokingColor,
  stroke,
} from 'pdf-lib';
import { drawBody } from './body.js';
import { DocumentFonts, drawQrCode } from './draw.js';
import { fontkitForPdfLib } from './fontkit-adapter.js';
import {
  ACCENT,
  type Canvas,
  drawCentered,
  fitLine,
  INK,
  MUTED,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  STYLES,
  TEXT_WIDTH,
} from './layout.js';
import type { CredentialPdfModel } from './types.js';

/** File name of the attached signed credential. */
export const ATTACHMENT_NAME = 'credential.json';
/** MIME type of the attached signed credential (JSON-LD). */
export const ATTACHMENT_MIME_TYPE = 'application/ld+json';
/** The PDF's Producer entry. */
export const PDF_PRODUCER = 'Diploma Platform (pdf-lib, fontkit)';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTER_BORDER_INSET = 24;
const INNER_BORDER_INSET = 30;
const OUTER_BORDER_WIDTH = 1.6;
const INNER_BORDER_WIDTH = 0.5;

const ISSUER = { y: 518, size: 13, min: 8 };
const ORNAMENT = { y: 503, halfWidth: 30, width: 0.8 };
const HEADING = { y: 456, size: 32, min: 18 };
/** Baselines bounding the body: below the heading, above the footer (whose QR code sits on the right). */
const BODY = { top: 416, bottom: 96 };
const QR = {
  size: 80,
  right: 72,
  y: 100,
  captionGap: 13,
  urlGap: 27,
  captionSize: 8,
  urlSize: 9,
  minSize: 6,
  textWidth: 170,
};

/** Parses `YYYY-MM-DD` as midnight UTC; throws on anything else. */
function isoDate(value: string, field: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new Error(`credential PDF: ${field} must be a date YYYY-MM-DD, got "${value}"`);
  return date;
}

function validate(model: CredentialPdfModel): Date {
  const components = model.components ?? [];
  for (const [i, c] of components.entries()) isoDate(c.awardedOn, `components[${i}].awardedOn`);
  if (components.length > 0 && model.kind !== 'diploma')
    throw new Error(`credential PDF: only a diploma lists components (kind is ${model.kind})`);
  if (components.length > 0 && !model.labels.components)
    throw new Error('credential PDF: labels.components is required when components are given');
  if (model.hours !== null && !(Number.isFinite(model.hours) && model.hours >= 0))
    throw new Error(`credential PDF: hours must be a non-negative number or null, got ${model.hours}`);
  if (!model.holderName.trim()) throw new Error('credential PDF: holderName is empty');
  return isoDate(model.awardedOn, 'awardedOn');
}

function drawBorder(page: PDFPage): void {
  const frame = (inset: number, width: number) => [
    setLineWidth(width),
    rectangle(inset, inset, PAGE_WIDTH - 2 * inset, PAGE_HEIGHT - 2 * inset),
    stroke(),
  ];
  page.pushOperators(
    pushGraphicsState(),
    setStrokingColor(ACCENT),
    ...frame(OUTER_BORDER_INSET, OUTER_BORDER_WIDTH),
    ...frame(INNER_BORDER_INSET, INNER_BORDER_WIDTH),
    popGraphicsState(),
  );
}

function drawRule(page: PDFPage, y: number, halfWidth: number, width: number): void {
  page.drawLine({
    start: { x: PAGE_WIDTH / 2 - halfWidth, y },
    end: { x: PAGE_WIDTH / 2 + halfWidth, y },
    thickness: width,
    color: ACCENT,
  });
}

async function drawFooter(canvas: Canvas, model: CredentialPdfModel): Promise<void> {
  const qrX = PAGE_WIDTH - QR.right - QR.size;
  const centerX = qrX + QR.size / 2;
  drawQrCode(canvas.page, model.verifyUrl, { x: qrX, y: QR.y, size: QR.size, color: ACCENT });
  const caption = fitLine(model.labels.verify, STYLES.value, QR.captionSize, QR.minSize, QR.textWidth);
  await drawCentered(canvas, caption, QR.y - QR.captionGap, MUTED, centerX);
  const url = fitLine(model.shortUrl, STYLES.caption, QR.urlSize, QR.minSize, QR.textWidth);
  await drawCentered(canvas, url, QR.y - QR.urlGap, INK, centerX);
}

function setMetadata(doc: PDFDocument, model: CredentialPdfModel, date: Date): void {
  doc.setTitle(`${model.labels.heading} – ${model.holderName.normalize('NFC')}`, {
    showInWindowTitleBar: true,
  });
  doc.setAuthor(model.issuerName);
  doc.setSubject(model.title);
  doc.setCreator(model.issuerName);
  doc.setProducer(PDF_PRODUCER);
  doc.setLanguage(model.locale);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}

/** Renders the credential's one-page A4 landscape PDF (fonts from fonts.ts; run `checkPdfFonts` at start-up). */
export async function renderCredentialPdf(model: CredentialPdfModel): Promise<Uint8Array> {
  const date = validate(model);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkitForPdfLib);
  setMetadata(doc, model, date);
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const canvas: Canvas = { page, fonts: new DocumentFonts(doc, page) };
  const { labels } = model;

  drawBorder(page);
  await drawCentered(
    canvas,
    fitLine(model.issuerName, STYLES.issuer, ISSUER.size, ISSUER.min, TEXT_WIDTH),
    ISSUER.y,
    ACCENT,
  );
  drawRule(page, ORNAMENT.y, ORNAMENT.halfWidth, ORNAMENT.width);
  await drawCentered(
    canvas,
    fitLine(labels.heading, STYLES.heading, HEADING.size, HEADING.min, TEXT_WIDTH),
    HEADING.y,
    ACCENT,
  );
  await drawBody(canvas, model, BODY.top, BODY.bottom);
  await drawFooter(canvas, model);

  await doc.attach(new TextEncoder().encode(model.signedCredentialJson), ATTACHMENT_NAME, {
    mimeType: ATTACHMENT_MIME_TYPE,
    description: labels.attachment,
    creationDate: date,
    modificationDate: date,
    afRelationship: AFRelationship.Source,
  });
  return doc.save({ useObjectStreams: true });
}
