import { describe, expect, it } from 'vitest';
import { needsActualText } from './draw.js';
import { loadFace } from './fonts.js';
import { bidiLevels, cjkGroupOf, classify, paragraphIsRtl, scriptGroupOf, visualOrder } from './scripts.js';
import { type ShapedLine, shapeLine, type TextStyle, wrapText } from './shaping.js';

const NAME: TextStyle = { role: 'serif', weight: 'bold' };
const BODY: TextStyle = { role: 'sans', weight: 'regular' };

/** The characters of a shaped line in drawing order, as the glyphs' Unicode values say. */
function drawnText(line: ShapedLine): string {
  return line.runs
    .flatMap((r) => r.glyphs.flatMap((g) => g.codePoints))
    .map((c) => String.fromCodePoint(c))
    .join('');
}

describe('scripts and direction', () => {
  it('groups letters by script; shared characters have none', () => {
    expect(scriptGroupOf('Ñ')).toBe('latin');
    expect(scriptGroupOf('Ж')).toBe('latin');
    expect(scriptGroupOf('λ')).toBe('latin');
    expect(scriptGroupOf('ễ')).toBe('latin');
    expect(scriptGroupOf('م')).toBe('arabic');
    expect(scriptGroupOf('王')).toBe('cjk-sc');
    expect(scriptGroupOf(' ')).toBeNull();
    expect(scriptGroupOf('-')).toBeNull();
  });

  it('chooses the CJK face by script: kana → Japanese, Hangul → Korean, Han alone → Simplified Chinese', () => {
    expect(cjkGroupOf('山田 さくら')).toBe('cjk-jp');
    expect(cjkGroupOf('김민준')).toBe('cjk-kr');
    expect(cjkGroupOf('王芳')).toBe('cjk-sc');
  });

  it('orders an Arabic paragraph right to left, with numbers left to right inside it', () => {
    const chars = classify('محمد 2024');
    expect(paragraphIsRtl(chars)).toBe(true);
    const levels = bidiLevels(chars, true);
    expect(levels).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(visualOrder(Array.from('محمد 2024'), levels).join('')).toBe('2024 دمحم');
  });

  it('keeps a Latin paragraph left to right, reversing only an embedded Arabic word', () => {
    const text = 'Ali محمد Li';
    const chars = classify(text);
    expect(paragraphIsRtl(chars)).toBe(false);
    expect(visualOrder(Array.from(text), bidiLevels(chars, false)).join('')).toBe('Ali دمحم Li');
  });
});

describe('shaping', () => {
  it('draws each script with its face', () => {
    const faceOf = (text: string) => [...new Set(shapeLine(text, NAME).runs.map((r) => r.face.id))];
    expect(faceOf('Ñúñez Мария Αικατερίνη Nguyễn')).toEqual(['latin-serif-bold']);
    expect(faceOf('محمد الأحمد')).toEqual(['arabic-bold']);
    expect(faceOf('王芳')).toEqual(['cjk-sc-bold']);
    expect(faceOf('山田 さくら')).toEqual(['cjk-jp-bold']);
    expect(faceOf('김민준')).toEqual(['cjk-kr-bold']);
    expect(faceOf('Li (王芳)')).toEqual(['latin-serif-bold', 'cjk-sc-bold']);
  });

  it('joins Arabic letters (contextual forms) and lists the glyphs right to left', () => {
    const line = shapeLine('محمد', NAME);
    const [run] = line.runs;
    expect(run?.rtl).toBe(true);
    const font = loadFace('arabic-bold').font;
    const isolated = Array.from('محمد').map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id);
    const drawn = run!.glyphs.map((g) => g.id);
    expect(drawn).toHaveLength(4);
    expect(drawn.filter((id, i) => id !== [...isolated].reverse()[i]).length).toBeGreaterThan(0);
    expect(drawnText(line)).toBe('دمحم');
    expect(needsActualText(line)).toBe(false);
  });

  it('gives every glyph the characters it stands for, whatever fontkit cached first', () => {
    // "í" may decompose into a dotless i and a mark in Noto Serif; "o" must still map to "o".
    const line = shapeLine('Concepción Dupont', NAME);
    expect(drawnText(line)).toBe('Concepción Dupont');
  });

  it('places combining marks by their offsets and spells such lines out for extraction', () => {
    const line = shapeLine('Ọlọ́runfẹ́mi', NAME);
    const positions = line.runs.flatMap((r) => r.positions);
    expect(positions.some((p) => p.xOffset !== 0 || p.yOffset !== 0)).toBe(true);
    expect(needsActualText(line)).toBe(true);
    expect(needsActualText(shapeLine('Nguyễn Thị Lan', NAME))).toBe(false);
  });

  it('wraps a long title into lines no wider than the room, losing no word', () => {
    const title =
      'Introduction approfondie à la gestion intégrée des ressources en eau et à l’adaptation au changement climatique';
    const lines = wrapText(title, BODY, 19, 400);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width * 19).toBeLessThanOrEqual(400);
    expect(lines.map((l) => l.text).join(' ')).toBe(title);
  });

  it('breaks CJK text between characters and an unbreakable word between graphemes', () => {
    const cjk = wrapText('国际可持续发展与环境治理专业文凭课程', BODY, 20, 120);
    expect(cjk.length).toBeGreaterThan(1);
    expect(cjk.map((l) => l.text).join('')).toBe('国际可持续发展与环境治理专业文凭课程');
    const long = wrapText('Donaudampfschifffahrtsgesellschaftskapitänswitwe', BODY, 20, 150);
    expect(long.length).toBeGreaterThan(1);
    expect(long.map((l) => l.text).join('')).toBe('Donaudampfschifffahrtsgesellschaftskapitänswitwe');
  });

  it('memoises shaped lines', () => {
    expect(shapeLine('Certificate of Achievement', BODY)).toBe(shapeLine('Certificate of Achievement', BODY));
  });
});
