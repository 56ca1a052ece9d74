import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfText } from './pdf-text.js';

async function pdfWith(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => {
    page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font });
  });
  return doc.save();
}

describe('pdfText', () => {
  it('reads the running text of a PDF with pdftotext', async () => {
    const text = await pdfText(
      await pdfWith(['Labour migration data in Nepal', 'are collected at the border.']),
    );
    expect(text).toContain('Labour migration data in Nepal');
    expect(text).toContain('are collected at the border.');
  });

  it("gives '' for bytes that are not a PDF, and when pdftotext is missing", async () => {
    expect(await pdfText(Buffer.from('%PDF-1.4 not really'))).toBe('');
    expect(await pdfText(await pdfWith(['x']), '/nonexistent/pdftotext')).toBe('');
  });
});
