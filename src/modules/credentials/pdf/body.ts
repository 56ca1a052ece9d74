/**
 * The middle of the page: "this certifies that", the holder's name, the completion phrase, the title,
 * the award date / hours / grade, and for a diploma its components. Measured first, then drawn centred
 * in the room between the heading and the footer (gaps grow a little on a sparse page).
 */
import { translator } from '../../../i18n/i18n.js';
import {
  type Canvas,
  type ComponentRow,
  drawCentered,
  drawComponents,
  fitLine,
  fitParagraph,
  INK,
  MUTED,
  PAGE_WIDTH,
  type SizedLine,
  STYLES,
  TEXT_WIDTH,
} from './layout.js';
import { type ShapedLine, wrapText } from './shaping.js';
import type { CredentialPdfModel } from './types.js';

const PHRASE = { size: 12.5, min: 8 };
const NAME = { size: 38, min: 20, leading: 1.15, gapAbove: 16, capHeight: 0.9, ruleGap: 14, rulePad: 24 };
const RULE = { minHalfWidth: 150, thickness: 0.5 };
const COMPLETION_GAP = 34;
const TITLE = { size: 19, min: 13, leading: 1.3, maxLines: 3, gapAbove: 12 };
const FIELDS = { gapAbove: 34, captionSize: 8.5, valueSize: 12, min: 7, captionGap: 17, columnGap: 44 };
const COMPONENTS = { gapAbove: 34, rowHeight: 14.5 };
/** Gaps may grow by this factor on a sparse page, and the block move down by at most `MAX_SHIFT`. */
const MAX_GAP_GROWTH = 1.3;
const MAX_SHIFT = 30;

interface Field {
  caption: SizedLine;
  value: SizedLine;
  width: number;
}

function fieldsOf(model: CredentialPdfModel): Field[] {
  const t = translator(model.locale);
  const pairs: [string, string][] = [[model.labels.awardedOn, t.date(model.awardedOn, 'long')]];
  if (model.hours !== null) pairs.push([model.labels.hours, t.number(model.hours)]);
  if (model.grade?.trim()) pairs.push([model.labels.grade, model.grade.trim()]);
  const columnWidth = TEXT_WIDTH / pairs.length - FIELDS.columnGap;
  return pairs.map(([caption, value]) => {
    const c = fitLine(caption, STYLES.caption, FIELDS.captionSize, FIELDS.min, columnWidth);
    const v = fitLine(value, STYLES.value, FIELDS.valueSize, FIELDS.min, columnWidth);
    return { caption: c, value: v, width: Math.max(c.line.width * c.size, v.line.width * v.size) };
  });
}

/** Shrinks the name to fit one line; wraps it only when it does not fit at the smallest size. */
function nameLines(name: string): { lines: ShapedLine[]; size: number } {
  const single = fitLine(name, STYLES.name, NAME.size, NAME.min, TEXT_WIDTH);
  if (single.line.width * single.size <= TEXT_WIDTH) return { lines: [single.line], size: single.size };
  return { lines: wrapText(name, STYLES.name, NAME.min, TEXT_WIDTH), size: NAME.min };
}

async function drawFields(canvas: Canvas, fields: readonly Field[], valueY: number): Promise<void> {
  const total = fields.reduce((sum, f) => sum + f.width, 0) + FIELDS.columnGap * (fields.length - 1);
  let x = (PAGE_WIDTH - total) / 2;
  for (const field of fields) {
    const center = x + field.width / 2;
    await drawCentered(canvas, field.caption, valueY + FIELDS.captionGap, MUTED, center);
    await drawCentered(canvas, field.value, valueY, INK, center);
    x += field.width + FIELDS.columnGap;
  }
}

/** Draws the middle of the page between the baselines `top` and `bottom`. */
export async function drawBody(
  canvas: Canvas,
  model: CredentialPdfModel,
  top: number,
  bottom: number,
): Promise<void> {
  const { labels } = model;
  const certifies = fitLine(labels.certifies, STYLES.phrase, PHRASE.size, PHRASE.min, TEXT_WIDTH);
  const name = nameLines(model.holderName);
  const completion = fitLine(labels.completion, STYLES.phrase, PHRASE.size, PHRASE.min, TEXT_WIDTH);
  const title = fitParagraph(model.title, STYLES.title, TITLE.size, TITLE.min, TEXT_WIDTH, TITLE.maxLines);
  const fields = fieldsOf(model);
  const t = translator(model.locale);
  const rows: ComponentRow[] = (model.components ?? []).map((c) => ({
    title: c.title,
    date: t.date(c.awardedOn, 'medium'),
  }));

  const nameLeading = name.size * NAME.leading;
  const titleLeading = title.size * TITLE.leading;
  const gaps = [
    NAME.gapAbove + name.size * NAME.capHeight,
    COMPLETION_GAP,
    TITLE.gapAbove + title.size,
    FIELDS.gapAbove + FIELDS.captionGap,
    ...(rows.length > 0 ? [COMPONENTS.gapAbove] : []),
  ];
  const fixed = (name.lines.length - 1) * nameLeading + (title.lines.length - 1) * titleLeading;
  const rowsHeight = rows.length * COMPONENTS.rowHeight;
  const gapSum = gaps.reduce((a, b) => a + b, 0);
  const available = top - bottom;
  const growth = Math.min(MAX_GAP_GROWTH, Math.max(1, (available - fixed - rowsHeight) / gapSum));
  const used = fixed + rowsHeight + gapSum * growth;
  let y = top - Math.max(0, Math.min(MAX_SHIFT, (available - used) / 2));
  const gap = (i: number) => gaps[i]! * growth;

  await drawCentered(canvas, certifies, y, MUTED);
  y -= gap(0);
  let widest = 0;
  for (const line of name.lines) {
    await drawCentered(canvas, { line, size: name.size }, y, INK);
    widest = Math.max(widest, line.width * name.size);
    y -= nameLeading;
  }
  y += nameLeading;
  const halfRule = Math.min(TEXT_WIDTH / 2, Math.max(RULE.minHalfWidth, widest / 2 + NAME.rulePad));
  canvas.page.drawLine({
    start: { x: PAGE_WIDTH / 2 - halfRule, y: y - NAME.ruleGap },
    end: { x: PAGE_WIDTH / 2 + halfRule, y: y - NAME.ruleGap },
    thickness: RULE.thickness,
    color: MUTED,
  });
  y -= gap(1);
  await drawCentered(canvas, completion, y, MUTED);
  y -= gap(2);
  for (const line of title.lines) {
    await drawCentered(canvas, { line, size: title.size }, y, INK);
    y -= titleLeading;
  }
  y += titleLeading - gap(3);
  await drawFields(canvas, fields, y);
  if (rows.length > 0) {
    y -= gap(4);
    await drawComponents(canvas, labels.components!, rows, y, bottom);
  }
}
