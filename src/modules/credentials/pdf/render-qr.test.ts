import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { create as createQrCode } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { sampleModel } from './pdf-fixtures.js';
import { renderCredentialPdf } from './render.js';

/** The page's content stream as text. */
async function pageContent(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPage(0).node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error('content is not a stream');
      return new TextDecoder().decode(decodePDFRawStream(stream).decode());
    })
    .join('\n');
}

/** Reads the QR code back from the filled rectangles of its `q … f Q` block: a matrix of dark modules. */
function qrMatrixFromContent(content: string, modulesPerSide: number): boolean[][] {
  const blocks = content.split(/\nQ\n?/).filter((block) => /\bf\s*$/.test(block.trim()));
  const qrBlock = blocks.find((block) => (block.match(/ re\b/g) ?? []).length > modulesPerSide);
  if (!qrBlock) throw new Error('no QR code block in the page content');
  const rects = [...qrBlock.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
  const left = Math.min(...rects.map(([x]) => x!));
  const right = Math.max(...rects.map(([x, , w]) => x! + w!));
  const top = Math.max(...rects.map(([, y, , h]) => y! + h!));
  const module = (right - left) / modulesPerSide;
  const matrix = Array.from({ length: modulesPerSide }, () => Array<boolean>(modulesPerSide).fill(false));
  for (const [x, y, w, h] of rects) {
    const row = Math.round((top - y! - h!) / module);
    const first = Math.round((x! - left) / module);
    const count = Math.round(w! / module);
    for (let col = first; col < first + count; col++) matrix[row]![col] = true;
  }
  return matrix;
}

describe('credential PDF QR code', () => {
  it('draws exactly the QR code of the verification URL (upright, not mirrored)', async () => {
    const model = sampleModel('José Ñúñez', 'en');
    const pdf = await renderCredentialPdf(model);
    const expected = createQrCode(model.verifyUrl, { errorCorrectionLevel: 'M' }).modules;
    const drawn = qrMatrixFromContent(await pageContent(pdf), expected.size);
    for (let row = 0; row < expected.size; row++) {
      for (let col = 0; col < expected.size; col++) {
        expect(drawn[row]![col], `module ${row},${col}`).toBe(!!expected.get(row, col));
      }
    }
  });
});
