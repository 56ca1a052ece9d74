/**
 * Text shaping: a line becomes runs of positioned glyphs (fontkit OpenType layout, incl. Arabic joining
 * and mark positioning), each run in the face covering its script, in visual order. Also measuring
 * and wrapping.
 */
import type { Glyph, GlyphPosition } from 'fontkit';
import {
  type FontRole,
  type FontWeight,
  faceId,
  faceSpecs,
  hasFace,
  type LoadedFace,
  loadFace,
  onFontCacheClear,
  type ScriptGroup,
} from './fonts.js';
import {
  bidiLevels,
  type ClassifiedChar,
  cjkGroupOf,
  classify,
  paragraphIsRtl,
  visualOrder,
} from './scripts.js';

/** Design family and weight of a piece of text. */
export interface TextStyle {
  role: FontRole;
  weight: FontWeight;
}

/**
 * A glyph to embed: its id and advance, and the characters it stands for in this text (the ToUnicode
 * entry). fontkit caches one glyph object per id with the code points of the text that first produced it
 * (possibly none, for a glyph first met as a decomposition part), so they are recomputed per run.
 */
export interface GlyphRef {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** Glyphs of one face in one direction, ready to draw left to right. */
export interface ShapedRun {
  face: LoadedFace;
  glyphs: GlyphRef[];
  positions: GlyphPosition[];
  /** Advance of the run in ems (multiply by the font size for points). */
  advance: number;
  /** Shaped right to left (glyphs are still listed in drawing order, left to right). */
  rtl: boolean;
}

/** A shaped line: runs in visual (left-to-right drawing) order. */
export interface ShapedLine {
  text: string;
  runs: ShapedRun[];
  /** Width in ems. */
  width: number;
}

/** Break opportunities: white space except the no-break spaces (U+00A0, U+2007, U+202F as in "24 h"). */
const BREAKING_SPACE = /[^\S\u00A0\u2007\u202F]/u;
/** Line and paragraph separators and tabs: drawn as one space (every text here is drawn on its own lines). */
const CONTROL_SPACE = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;

/** NFC, with control white space (new lines, tabs) folded into single spaces. */
function normalizeText(text: string): string {
  return text.normalize('NFC').replace(CONTROL_SPACE, ' ');
}
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * Right-to-left runs are shaped without discretionary ligatures (`liga`, e.g. the Allah ligature of
 * Noto Naskh): text extractors reverse the characters of a many-character glyph in right-to-left text.
 * Required shaping (joining forms, `rlig` lam-alef, marks) stays on.
 */
const RTL_FEATURES = { liga: false } as const;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function faceIfPresent(group: ScriptGroup, style: TextStyle): LoadedFace | null {
  const id = faceId(group, style.role, style.weight);
  return hasFace(id) ? loadFace(id) : null;
}

function covers(face: LoadedFace | null | undefined, char: string): face is LoadedFace {
  return !!face && face.font.hasGlyphForCodePoint(char.codePointAt(0)!);
}

/** The first available face that has a glyph for `char`; the Latin face (drawing .notdef) when none has. */
function fallbackFace(char: string, style: TextStyle, cjk: ScriptGroup): LoadedFace {
  const latin = loadFace(faceId('latin', style.role, style.weight));
  if (covers(latin, char)) return latin;
  const groups: ScriptGroup[] = ['arabic', cjk];
  for (const spec of faceSpecs()) {
    if (spec.required) continue;
    const group = spec.id.replace(/-(regular|bold)$/, '') as ScriptGroup;
    if (!groups.includes(group)) groups.push(group);
  }
  for (const group of groups) {
    const face = faceIfPresent(group, style);
    if (covers(face, char)) return face;
  }
  return latin;
}

/** Chooses the face of every character: its script's face, else a neighbour's, else any that covers it. */
function chooseFaces(chars: readonly ClassifiedChar[], style: TextStyle, cjk: ScriptGroup): LoadedFace[] {
  const faces: (LoadedFace | undefined)[] = chars.map((c) => {
    if (c.group === null) return undefined;
    const preferred = faceIfPresent(c.group, style);
    return covers(preferred, c.char) ? preferred : fallbackFace(c.char, style, cjk);
  });
  for (let i = 0; i < chars.length; i++) {
    if (faces[i]) continue;
    const char = chars[i]!;
    const previous = faces[i - 1];
    if (previous && (char.bidi === 'NSM' || covers(previous, char.char))) {
      faces[i] = previous;
      continue;
    }
    const next = faces.slice(i + 1).find((f) => f !== undefined);
    faces[i] = covers(next, char.char) ? next : fallbackFace(char.char, style, cjk);
  }
  return faces as LoadedFace[];
}

/**
 * The characters behind each shaped glyph: a glyph the font maps a character of the run to stands for
 * that character; a substituted glyph (contextual form, ligature) for its fontkit code points that occur
 * in the run; a decomposition part for nothing (the first part carries the character).
 */
function glyphRefs(face: LoadedFace, text: string, glyphs: readonly Glyph[]): GlyphRef[] {
  const direct = new Map<number, number[]>();
  const present = new Set<number>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    present.add(codePoint);
    const id = face.font.glyphForCodePoint(codePoint).id;
    if (id !== 0 && !direct.has(id)) direct.set(id, [codePoint]);
  }
  return glyphs.map((glyph) => ({
    id: glyph.id,
    advanceWidth: glyph.advanceWidth,
    codePoints: direct.get(glyph.id) ?? glyph.codePoints.filter((cp) => present.has(cp)),
  }));
}

/** Shaped lines are memoised (labels, issuer and titles repeat across PDFs); bounded, oldest dropped first. */
const SHAPE_CACHE_LIMIT = 4096;
const shapedLines = new Map<string, ShapedLine>();
onFontCacheClear(() => shapedLines.clear());

/** Shapes one line. `rtl` forces the paragraph direction (lines wrapped from one paragraph share it). */
export function shapeLine(text: string, style: TextStyle, rtl?: boolean): ShapedLine {
  const key = `${style.role}\t${style.weight}\t${rtl ?? ''}\t${text}`;
  let line = shapedLines.get(key);
  if (!line) {
    line = shapeUncached(text, style, rtl);
    if (shapedLines.size >= SHAPE_CACHE_LIMIT) shapedLines.delete(shapedLines.keys().next().value!);
    shapedLines.set(key, line);
  }
  return line;
}

function shapeUncached(text: string, style: TextStyle, rtl: boolean | undefined): ShapedLine {
  const normalized = normalizeText(text);
  const chars = classify(normalized);
  if (chars.length === 0) return { text: normalized, runs: [], width: 0 };
  const levels = bidiLevels(chars, rtl ?? paragraphIsRtl(chars));
  const faces = chooseFaces(chars, style, cjkGroupOf(normalized));
  const logical: { text: string; face: LoadedFace; level: number }[] = [];
  chars.forEach((c, i) => {
    const last = logical[logical.length - 1];
    if (last && last.face === faces[i] && last.level === levels[i]) last.text += c.char;
    else logical.push({ text: c.char, face: faces[i]!, level: levels[i]! });
  });
  const ordered = visualOrder(
    logical,
    logical.map((r) => r.level),
  );
  let width = 0;
  const runs = ordered.map(({ text: runText, face, level }): ShapedRun => {
    const rtl = level % 2 === 1;
    // fontkit writes into the features object it is given: a fresh one per call.
    const features = rtl ? { ...RTL_FEATURES } : undefined;
    const run = face.font.layout(runText, features, undefined, undefined, rtl ? 'rtl' : 'ltr');
    let units = 0;
    for (const p of run.positions) units += p.xAdvance;
    const advance = units / face.font.unitsPerEm;
    width += advance;
    return { face, glyphs: glyphRefs(face, runText, run.glyphs), positions: run.positions, advance, rtl };
  });
  return { text: normalized, runs, width };
}

/** Splits text into break candidates: words with their trailing spaces; CJK characters one by one. */
function breakCandidates(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const last = tokens[tokens.length - 1];
    const startsNew =
      last === undefined ||
      (BREAKING_SPACE.test(last.slice(-1)) && !BREAKING_SPACE.test(segment)) ||
      CJK_CHAR.test(segment);
    if (startsNew || CJK_CHAR.test(last.slice(-1))) tokens.push(segment);
    else tokens[tokens.length - 1] = last + segment;
  }
  return tokens;
}

/**
 * Greedy line breaking of `text` into lines at most `maxWidth` points wide at `size`; a word wider than
 * a line is broken between graphemes. Words are measured one by one (kerning across a space is ignored),
 * and the resulting lines shaped whole, sharing the paragraph's direction.
 */
export function wrapText(text: string, style: TextStyle, size: number, maxWidth: number): ShapedLine[] {
  const normalized = normalizeText(text).trim();
  const rtl = paragraphIsRtl(classify(normalized));
  const widthOf = (piece: string) => shapeLine(piece, style, rtl).width * size;
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const token of breakCandidates(normalized)) {
    const word = token.trimEnd();
    if (currentWidth + widthOf(word) <= maxWidth) {
      current += token;
      currentWidth += widthOf(token);
      continue;
    }
    if (current.trim()) lines.push(current.trimEnd());
    current = '';
    currentWidth = 0;
    if (widthOf(word) <= maxWidth) {
      current = token;
      currentWidth = widthOf(token);
      continue;
    }
    for (const { segment } of graphemes.segment(token)) {
      if (current && widthOf((current + segment).trimEnd()) > maxWidth) {
        lines.push(current.trimEnd());
        current = '';
      }
      current += segment;
    }
    currentWidth = widthOf(current);
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines.map((line) => shapeLine(line, style, rtl));
}
