/**
 * Drawing primitives on a pdf-lib page: shaped glyph runs (with their OpenType positions, through
 * `TJ` adjustments and text rise) and a QR code as vector squares.
 */
import {
  beginText,
  type Color,
  endMarkedContent,
  endText,
  fill,
  type PDFDocument,
  type PDFFont,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
} from 'pdf-lib';
import { create as createQrCode } from 'qrcode';
import { encodeGlyphs } from './fontkit-adapter.js';
import type { LoadedFace } from './fonts.js';
import type { ShapedLine } from './shaping.js';

/** Text space units per em in PDF glyph widths and `TJ` adjustments. */
const PDF_UNITS_PER_EM = 1000;
/** Rounding of positions written to the content stream (hundredths keep files small and stable). */
const POSITION_PRECISION = 100;
/** Subset tags are six capital letters in the PDF convention: `AAAAAA+Name`. */
const SUBSET_TAG_LENGTH = 6;
const TAG_ALPHABET_SIZE = 26;
const CHAR_CODE_A = 65;

const round = (value: number) => Math.round(value * POSITION_PRECISION) / POSITION_PRECISION;

function subsetTag(index: number): string {
  let tag = '';
  let rest = index;
  for (let i = 0; i < SUBSET_TAG_LENGTH; i++) {
    tag = String.fromCharCode(CHAR_CODE_A + (rest % TAG_ALPHABET_SIZE)) + tag;
    rest = Math.floor(rest / TAG_ALPHABET_SIZE);
  }
  return tag;
}

/** The faces embedded (as subsets) in one document, and their resource names on one page. */
export class DocumentFonts {
  private readonly embedded = new Map<LoadedFace, PDFFont>();
  private readonly pageKeys = new Map<PDFFont, PDFName>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly page: PDFPage,
  ) {}

  /** Embeds `face` as a subset the first time it is used (deterministic `AAAAAA+PostScriptName` names). */
  async font(face: LoadedFace): Promise<PDFFont> {
    let font = this.embedded.get(face);
    if (!font) {
      const name = `${subsetTag(this.embedded.size)}+${face.font.postscriptName}`;
      font = await this.doc.embedFont(face.key, { subset: true, customName: name });
      this.embedded.set(face, font);
    }
    return font;
  }

  /** The page resource name of `font`. */
  key(font: PDFFont): PDFName {
    let key = this.pageKeys.get(font);
    if (!key) {
      key = this.page.node.newFontDictionary(font.name, font.ref);
      this.pageKeys.set(font, key);
    }
    return key;
  }
}

/** Where and how to draw a line: left edge of the first glyph at `x`, baseline at `y`. */
export interface DrawTextOptions {
  x: number;
  y: number;
  size: number;
  color: Color;
}

/**
 * Draws a shaped line. Glyphs are placed by their fontkit positions (kerning, mark offsets, cursive
 * attachment): the horizontal difference from the font's own advance becomes a `TJ` adjustment, vertical
 * offsets a text rise. Glyphs are written in visual order; the ToUnicode map gives their characters.
 */
export async function drawShapedLine(
  page: PDFPage,
  fonts: DocumentFonts,
  line: ShapedLine,
  options: DrawTextOptions,
): Promise<void> {
  const { size } = options;
  const operators: PDFOperator[] = [pushGraphicsState()];
  const actualText = needsActualText(line);
  if (actualText) operators.push(beginSpanWithActualText(page, line.text));
  operators.push(beginText(), setFillingColor(options.color));
  let x = options.x;
  for (const run of line.runs) {
    if (run.glyphs.length === 0) continue;
    const font = await fonts.font(run.face);
    const codes = encodeGlyphs(font, run.face, run.glyphs);
    const scale = PDF_UNITS_PER_EM / run.face.font.unitsPerEm;
    operators.push(
      setFontAndSize(fonts.key(font), size),
      setTextMatrix(1, 0, 0, 1, round(x), round(options.y)),
    );
    let items: (PDFHexString | number)[] = [];
    let rise = 0;
    let pen = 0;
    let current = 0;
    const flush = () => {
      if (items.length > 0) operators.push(showTextAdjusted(page, items));
      items = [];
    };
    run.glyphs.forEach((glyph, i) => {
      const position = run.positions[i]!;
      const glyphRise = round((position.yOffset * scale * size) / PDF_UNITS_PER_EM);
      if (glyphRise !== rise) {
        flush();
        operators.push(setTextRise(glyphRise));
        rise = glyphRise;
      }
      const target = pen + position.xOffset * scale;
      const shift = round(target - current);
      if (shift !== 0) items.push(-shift);
      items.push(PDFHexString.of(codes[i]!));
      current += shift + glyph.advanceWidth * scale;
      pen += position.xAdvance * scale;
    });
    flush();
    if (rise !== 0) operators.push(setTextRise(0));
    x += run.advance * size;
  }
  operators.push(endText());
  if (actualText) operators.push(endMarkedContent());
  operators.push(popGraphicsState());
  page.pushOperators(...operators);
}

/**
 * Whether text extraction needs the line's logical text spelled out (`/ActualText`): when the glyphs, read
 * in drawing order, do not spell the text one character per glyph (ligatures, reordered or decomposed
 * characters) or when marks are placed by offsets. Never for lines with right-to-left runs: poppler
 * reverses an ActualText of Arabic or Hebrew once more; their glyphs' own Unicode values extract right.
 */
export function needsActualText(line: ShapedLine): boolean {
  if (line.runs.some((run) => run.rtl)) return false;
  let drawn = '';
  for (const run of line.runs) {
    for (const [i, glyph] of run.glyphs.entries()) {
      const position = run.positions[i]!;
      if (glyph.codePoints.length !== 1 || position.xOffset !== 0 || position.yOffset !== 0) return true;
      drawn += String.fromCodePoint(glyph.codePoints[0]!);
    }
  }
  return drawn !== line.text;
}

/** `/Span <</ActualText (…)>> BDC`: pdf-lib's operator arguments omit dictionaries, which serialise fine inline. */
function beginSpanWithActualText(page: PDFPage, text: string): PDFOperator {
  const properties = page.doc.context.obj({ ActualText: PDFHexString.fromText(text) });
  const args = [PDFName.of('Span'), properties] as unknown as Parameters<typeof PDFOperator.of>[1];
  return PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, args);
}

function showTextAdjusted(page: PDFPage, items: (PDFHexString | number)[]): PDFOperator {
  return PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [page.doc.context.obj(items)]);
}

/** Options of `drawQrCode`: bottom-left corner and side of the code (quiet zone excluded). */
export interface DrawQrOptions {
  x: number;
  y: number;
  size: number;
  color: Color;
}

/** Draws `text` as a QR code (error correction M) made of filled rectangles, one per horizontal run. */
export function drawQrCode(page: PDFPage, text: string, options: DrawQrOptions): void {
  const qr = createQrCode(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = options.size / count;
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingColor(options.color)];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      const top = options.y + options.size;
      const x0 = round(options.x + start * module);
      const x1 = round(options.x + col * module);
      const y0 = round(top - (row + 1) * module);
      const y1 = round(top - row * module);
      operators.push(rectangle(x0, y0, round(x1 - x0), round(y1 - y0)));
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}
