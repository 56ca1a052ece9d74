import {
  decodePDFRawStream,
  PageSizes,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/i18n.js';
import { clearFontCache } from './fonts.js';
import { SAMPLE_LABELS, SAMPLE_NAMES, sampleDiploma, sampleModel } from './pdf-fixtures.js';
import {
  detachAll,
  extractText,
  normaliseText,
  pdfFonts,
  pdfInfo,
  pdfToolsAvailable,
} from './pdf-test-tools.js';
import { ATTACHMENT_MIME_TYPE, ATTACHMENT_NAME, renderCredentialPdf } from './render.js';

/**
 * The face each sample name must be drawn with: the npm packages' faces (Debian's collection names as the
 * optional alternative); CJK by script: kana → JP, Hangul → KR, Han → SC.
 */
const EXPECTED_FACE: Record<string, RegExp> = {
  latin: /NotoSerif-Bold/,
  cyrillic: /NotoSerif-Bold/,
  greek: /NotoSerif-Bold/,
  vietnamese: /NotoSerif-Bold/,
  arabic: /NotoNaskhArabic-Bold/,
  chinese: /NotoSans(CJK)?SC-Bold/i,
  japanese: /NotoSans(CJK)?JP-Bold/i,
  korean: /NotoSans(CJK)?KR-Bold/i,
  hebrew: /NotoSansHebrew-Bold/,
  devanagari: /NotoSansDevanagari-Bold/,
};

/** The embedded files of a PDF read back with pdf-lib: name → { MIME subtype, bytes }. */
async function embeddedFiles(
  pdf: Uint8Array,
): Promise<Map<string, { mime: string | undefined; bytes: Uint8Array }>> {
  const doc = await PDFDocument.load(pdf);
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict);
  const tree = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
  const entries = tree.lookup(PDFName.of('Names'), PDFArray);
  const files = new Map<string, { mime: string | undefined; bytes: Uint8Array }>();
  for (let i = 0; i < entries.size(); i += 2) {
    const spec = entries.lookup(i + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) throw new Error('embedded file is not a stream');
    const subtype = stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName);
    const name = spec.lookup(PDFName.of('UF'), PDFHexString).decodeText();
    files.set(name, { mime: subtype?.decodeText(), bytes: decodePDFRawStream(stream).decode() });
  }
  return files;
}

describe.skipIf(!pdfToolsAvailable)('credential PDF (real PDFs read back with poppler)', () => {
  describe.each(SAMPLE_NAMES)('a $script name ($locale)', ({ script, name, locale }) => {
    it('draws the name, the title and the labels as extractable text, with subset fonts', async () => {
      const model = sampleModel(name, locale);
      const pdf = await renderCredentialPdf(model);
      const text = extractText(pdf);
      expect(text).toContain(normaliseText(name));
      expect(text).toContain(model.title);
      const labels = SAMPLE_LABELS[locale];
      for (const label of [
        labels.heading,
        labels.certifies,
        labels.completion,
        labels.awardedOn,
        labels.hours,
      ]) {
        expect(text).toContain(label);
      }
      expect(text).toContain(translator(locale).date(model.awardedOn, 'long'));
      expect(text).toContain(model.shortUrl);
      expect(text).toContain(model.issuerName);
      const fonts = pdfFonts(pdf);
      expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
      expect(fonts.some((f) => EXPECTED_FACE[script]!.test(f.name))).toBe(true);
    });
  });

  it('extracts Arabic in logical order (first letter first), shaped with joined forms', async () => {
    const pdf = await renderCredentialPdf(sampleModel('عبد الله الحسن', 'fr'));
    expect(extractText(pdf)).toContain('عبد الله الحسن');
  });

  it('draws mixed scripts on one line, each in its face', async () => {
    const name = 'Adéwálé Ọlọ́runfẹ́mi (王芳) Θεοδώρα Мария';
    const pdf = await renderCredentialPdf(sampleModel(name, 'en'));
    expect(extractText(pdf)).toContain(name.normalize('NFC'));
    const names = pdfFonts(pdf).map((f) => f.name);
    expect(names.some((n) => n.includes('NotoSerif-Bold'))).toBe(true);
    expect(names.some((n) => EXPECTED_FACE.chinese!.test(n))).toBe(true);
  });

  it('is an A4 landscape page with the metadata of the credential', async () => {
    const model = sampleModel('Мария Иванова', 'fr');
    const pdf = await renderCredentialPdf(model);
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    expect(info.Title).toBe(`${model.labels.heading} – ${model.holderName}`);
    expect(info.Author).toBe(model.issuerName);
    expect(info.Subject).toBe(model.title);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).toEqual([PageSizes.A4[1], PageSizes.A4[0]]);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-12T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-03-12T00:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(fr)');
  });

  it('attaches the signed credential JSON unchanged, as application/ld+json', async () => {
    const model = sampleModel('王芳', 'es');
    const pdf = await renderCredentialPdf(model);
    const { list, files } = detachAll(pdf);
    expect(list).toContain(ATTACHMENT_NAME);
    expect(files.get(ATTACHMENT_NAME)?.toString('utf8')).toBe(model.signedCredentialJson);
    const attached = (await embeddedFiles(pdf)).get(ATTACHMENT_NAME);
    expect(attached?.mime).toBe(ATTACHMENT_MIME_TYPE);
    expect(JSON.parse(new TextDecoder().decode(attached!.bytes))).toEqual(
      JSON.parse(model.signedCredentialJson),
    );
  });

  it('lists a diploma’s components with their dates, and the grade', async () => {
    const model = sampleDiploma('Nguyễn Thị Lan', 'fr');
    const text = extractText(await renderCredentialPdf(model));
    const t = translator('fr');
    for (const component of model.components!) {
      expect(text).toContain(component.title);
      expect(text).toContain(t.date(component.awardedOn, 'medium'));
    }
    expect(text).toContain(model.labels.components!);
    expect(text).toContain(`${model.labels.grade}`);
    expect(text).toContain('Distinction');
    expect(text).toContain(t.number(420));
  });

  it('shrinks or wraps a very long name and wraps a long title, losing no text', async () => {
    const model = sampleModel(
      'Maria Guadalupe Fernández de la Concepción Rodríguez-Villanueva y Sotomayor-Castellanos de Borbón',
      'es',
    );
    model.title =
      'Introducción a la gestión integrada de los recursos hídricos, la adaptación al cambio climático y la ' +
      'resiliencia de las comunidades urbanas y rurales en los países en desarrollo';
    const text = extractText(await renderCredentialPdf(model));
    expect(text).toContain(model.holderName);
    expect(text).toContain(model.title);
  });

  it('gives the same bytes for the same input (other renders and a cold font cache in between)', async () => {
    const model = sampleDiploma('山田 さくら', 'en');
    const first = await renderCredentialPdf(model);
    await renderCredentialPdf(sampleModel('محمد الأحمد', 'fr'));
    const second = await renderCredentialPdf(structuredClone(model));
    clearFontCache();
    const third = await renderCredentialPdf(model);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
  });

  it('gives the same bytes when PDFs are rendered concurrently (shared fonts, separate subsets)', async () => {
    const models = SAMPLE_NAMES.map(({ name, locale }) => sampleModel(name, locale));
    const sequential: Uint8Array[] = [];
    for (const model of models) sequential.push(await renderCredentialPdf(model));
    const concurrent = await Promise.all(models.map((model) => renderCredentialPdf(model)));
    for (const [i, pdf] of concurrent.entries()) {
      expect(Buffer.from(pdf).equals(Buffer.from(sequential[i]!))).toBe(true);
    }
  });

  it('omits the hours and the grade when there are none', async () => {
    const model = { ...sampleModel('José Ñúñez', 'en'), hours: null, grade: null };
    const text = extractText(await renderCredentialPdf(model));
    expect(text).not.toContain(model.labels.hours);
    expect(text).not.toContain(model.labels.grade);
  });
});

describe('credential PDF input checks', () => {
  it('rejects a malformed award date, negative hours and components without their caption', async () => {
    await expect(renderCredentialPdf({ ...sampleModel('A', 'en'), awardedOn: '2026-02-30' })).rejects.toThrow(
      /awardedOn must be a date/,
    );
    await expect(renderCredentialPdf({ ...sampleModel('A', 'en'), hours: -1 })).rejects.toThrow(/hours/);
    const diploma = sampleDiploma('A', 'en');
    const { components: _omitted, ...labels } = diploma.labels;
    await expect(renderCredentialPdf({ ...diploma, labels })).rejects.toThrow(/labels\.components/);
    await expect(renderCredentialPdf({ ...sampleModel(' ', 'en') })).rejects.toThrow(/holderName/);
    await expect(renderCredentialPdf({ ...diploma, kind: 'achievement' })).rejects.toThrow(/only a diploma/);
  });
});
