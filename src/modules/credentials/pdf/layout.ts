/**
 * Page geometry and layout helpers of the credential PDF: sizes that shrink to fit, centred lines,
 * caption/value fields and the diploma's component table.
 */
import { type Color, PageSizes, type PDFPage, rgb } from 'pdf-lib';
import { type DocumentFonts, drawShapedLine } from './draw.js';
import { type ShapedLine, shapeLine, type TextStyle, wrapText } from './shaping.js';

/** A4 landscape, in points. */
export const PAGE_WIDTH = PageSizes.A4[1];
/** A4 landscape height, in points. */
export const PAGE_HEIGHT = PageSizes.A4[0];
/** Side margin of centred text (the border is 24–30 pt from the edge). */
const TEXT_MARGIN = 110;
/** Horizontal room for centred text. */
export const TEXT_WIDTH = PAGE_WIDTH - 2 * TEXT_MARGIN;
/** Shrinking to fit aims just under the width, so rounding never makes a fitted line overflow. */
export const FIT_SLACK = 0.999;

/** Colours: near-black text, navy accents and rules, grey captions. */
export const INK: Color = rgb(0.12, 0.13, 0.16);
/** Accent colour (issuer, heading, border, QR code). */
export const ACCENT: Color = rgb(0.09, 0.22, 0.4);
/** Captions and connecting phrases. */
export const MUTED: Color = rgb(0.38, 0.4, 0.44);

/** Styles of the page's text. */
export const STYLES = {
  issuer: { role: 'sans', weight: 'bold' },
  heading: { role: 'serif', weight: 'bold' },
  phrase: { role: 'sans', weight: 'regular' },
  name: { role: 'serif', weight: 'bold' },
  title: { role: 'serif', weight: 'regular' },
  caption: { role: 'sans', weight: 'bold' },
  value: { role: 'sans', weight: 'regular' },
} as const satisfies Record<string, TextStyle>;

/** Everything a layout helper needs to draw. */
export interface Canvas {
  page: PDFPage;
  fonts: DocumentFonts;
}

/** A shaped line and the size it is drawn at. */
export interface SizedLine {
  line: ShapedLine;
  size: number;
}

/** Shapes `text` at `maxSize`, or smaller (down to `minSize`) until it is at most `maxWidth` wide. */
export function fitLine(
  text: string,
  style: TextStyle,
  maxSize: number,
  minSize: number,
  maxWidth: number,
): SizedLine {
  const line = shapeLine(text, style);
  const natural = line.width * maxSize;
  const size = natural <= maxWidth ? maxSize : Math.max(minSize, (maxWidth / line.width) * FIT_SLACK);
  return { line, size };
}

/**
 * Lines of a paragraph that must fit `maxLines` lines: tries `maxSize` and shrinks by steps down to
 * `minSize`; at `minSize` it keeps every line it needs.
 */
export function fitParagraph(
  text: string,
  style: TextStyle,
  maxSize: number,
  minSize: number,
  maxWidth: number,
  maxLines: number,
): { lines: ShapedLine[]; size: number } {
  const step = 1;
  for (let size = maxSize; size > minSize; size -= step) {
    const lines = wrapText(text, style, size, maxWidth);
    if (lines.length <= maxLines) return { lines, size };
  }
  return { lines: wrapText(text, style, minSize, maxWidth), size: minSize };
}

/** Draws a line centred on `centerX` (the page centre by default). */
export async function drawCentered(
  canvas: Canvas,
  sized: SizedLine,
  y: number,
  color: Color,
  centerX = PAGE_WIDTH / 2,
): Promise<void> {
  const x = centerX - (sized.line.width * sized.size) / 2;
  await drawShapedLine(canvas.page, canvas.fonts, sized.line, { x, y, size: sized.size, color });
}

/** Draws a line starting at `x` (or ending at `x` when `alignRight`). */
export async function drawAt(
  canvas: Canvas,
  sized: SizedLine,
  x: number,
  y: number,
  color: Color,
  alignRight = false,
): Promise<void> {
  const left = alignRight ? x - sized.line.width * sized.size : x;
  await drawShapedLine(canvas.page, canvas.fonts, sized.line, { x: left, y, size: sized.size, color });
}

const FIELD_CAPTION_SIZE = 8.5;
const FIELD_MIN_SIZE = 7;

/** One row of the component table. */
export interface ComponentRow {
  title: string;
  date: string;
}

const COMPONENT_MAX_SIZE = 10;
const COMPONENT_MIN_SIZE = 6;
const COMPONENT_ROW_HEIGHT = 14.5;
/** Type size as a share of the row height when rows must shrink. */
const COMPONENT_SIZE_PER_ROW = 0.7;
const COMPONENT_COLUMN_GAP = 28;
const COMPONENT_DATE_GAP = 14;
const COMPONENTS_PER_COLUMN = 6;
/** One column: a centred table; two columns: as wide as possible while clear of the QR code (right). */
const COMPONENT_TABLE_WIDTH = { single: 440, double: 506 };

/**
 * The diploma's components under a caption, between `top` and `bottom` (baselines): one column up to
 * six rows, two beyond; rows and type shrink when the space is short.
 */
export async function drawComponents(
  canvas: Canvas,
  caption: string,
  rows: readonly ComponentRow[],
  top: number,
  bottom: number,
): Promise<void> {
  if (rows.length === 0) return;
  await drawCentered(
    canvas,
    fitLine(caption, STYLES.caption, FIELD_CAPTION_SIZE, FIELD_MIN_SIZE, TEXT_WIDTH),
    top,
    MUTED,
  );
  const columns = rows.length > COMPONENTS_PER_COLUMN ? 2 : 1;
  const perColumn = Math.ceil(rows.length / columns);
  const rowHeight = Math.min(COMPONENT_ROW_HEIGHT, (top - bottom) / perColumn);
  const tableWidth = columns === 1 ? COMPONENT_TABLE_WIDTH.single : COMPONENT_TABLE_WIDTH.double;
  const columnWidth = (tableWidth - (columns - 1) * COMPONENT_COLUMN_GAP) / columns;
  const left = (PAGE_WIDTH - tableWidth) / 2;
  const shaped = rows.map((row) => ({
    title: shapeLine(row.title, STYLES.value),
    date: shapeLine(row.date, STYLES.value),
  }));
  // One size for every row (the largest at which all fit), so the table reads evenly.
  let size = Math.min(COMPONENT_MAX_SIZE, rowHeight * COMPONENT_SIZE_PER_ROW);
  for (const { title, date } of shaped) {
    const needed = title.width + date.width;
    if (needed > 0) size = Math.min(size, (columnWidth - COMPONENT_DATE_GAP) / needed);
  }
  size = Math.max(COMPONENT_MIN_SIZE, size);
  for (const [index, { title, date }] of shaped.entries()) {
    const column = Math.floor(index / perColumn);
    const x = left + column * (columnWidth + COMPONENT_COLUMN_GAP);
    const y = top - rowHeight * ((index % perColumn) + 1) - 2;
    const titleWidth = columnWidth - date.width * size - COMPONENT_DATE_GAP;
    // Only a title too long even at the minimum size gets smaller than the others.
    const titleSize = Math.min(size, (titleWidth / Math.max(title.width, Number.EPSILON)) * FIT_SLACK);
    await drawAt(canvas, { line: title, size: titleSize }, x, y, INK);
    await drawAt(canvas, { line: date, size }, x + columnWidth, y, MUTED, true);
  }
}
