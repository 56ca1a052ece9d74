/**
 * Lets pdf-lib embed fonts parsed by upstream fontkit 2 (the `@pdf-lib/fontkit` fork corrupts subsets).
 *
 * - pdf-lib's subset embedder reads `subset.encodeStream()`; fontkit 2 only has `encode()`: the adapter
 *   adds `encodeStream()` returning a one-chunk stream.
 * - pdf-lib calls `fontkit.create(bytes)`; the adapter answers with the face already parsed for those bytes
 *   (fonts.ts hands pdf-lib a byte view per face, so one `.ttc` gives the SC, JP and KR faces).
 * - pdf-lib lays text out itself in `encodeText(text)` and would draw the glyphs without their positions
 *   (GPOS offsets, mark placement). We shape once ourselves and hand pdf-lib the glyphs to encode through a
 *   one-shot slot read by the proxied `layout`, so the subset ids match our glyph run exactly.
 */
import { Readable } from 'node:stream';
import type { Font, Glyph, GlyphRun, Subset } from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { faceForKey, type LoadedFace } from './fonts.js';
import type { GlyphRef } from './shaping.js';

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

const HEX_DIGITS_PER_GLYPH = 4;

interface AdaptedFace {
  proxy: Font;
  /** Glyphs the next `layout` call returns instead of laying text out (set and cleared by `encodeGlyphs`). */
  pending: Glyph[] | null;
}

const adaptedFaces = new WeakMap<LoadedFace, AdaptedFace>();

function withEncodeStream(subset: Subset): Subset {
  return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
}

function adapt(face: LoadedFace): AdaptedFace {
  const existing = adaptedFaces.get(face);
  if (existing) return existing;
  const adapted: AdaptedFace = { proxy: face.font, pending: null };
  const createSubset = () => withEncodeStream(face.font.createSubset());
  const layout = (text: string, features?: string[] | Record<string, boolean>): GlyphRun => {
    const glyphs = adapted.pending;
    if (glyphs) {
      adapted.pending = null;
      return { glyphs, positions: [] } as unknown as GlyphRun;
    }
    return face.font.layout(text, features);
  };
  adapted.proxy = new Proxy(face.font, {
    get(target, property) {
      if (property === 'createSubset') return createSubset;
      if (property === 'layout') return layout;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  adaptedFaces.set(face, adapted);
  return adapted;
}

/** The object given to `PDFDocument.registerFontkit`: serves faces loaded through fonts.ts only. */
export const fontkitForPdfLib: PdfLibFontkit = {
  create(data: Uint8Array) {
    const face = faceForKey(data);
    if (!face) throw new Error('credential PDF: fonts must be embedded through the font registry (fonts.ts)');
    return adapt(face).proxy as unknown as ReturnType<PdfLibFontkit['create']>;
  },
};

/**
 * Adds `glyphs` to the embedded subset of `face` and returns each glyph's hex code, in the same order.
 * pdf-lib reads `id` (subset), `advanceWidth` (widths) and `codePoints` (ToUnicode) of what it is given.
 */
export function encodeGlyphs(pdfFont: PDFFont, face: LoadedFace, glyphs: readonly GlyphRef[]): string[] {
  const adapted = adapt(face);
  adapted.pending = glyphs as unknown as Glyph[];
  const hex = pdfFont.encodeText('').asString();
  if (adapted.pending !== null) {
    adapted.pending = null;
    throw new Error(`credential PDF: font ${face.id} was not embedded through fontkitForPdfLib`);
  }
  const codes: string[] = [];
  for (let at = 0; at < hex.length; at += HEX_DIGITS_PER_GLYPH)
    codes.push(hex.slice(at, at + HEX_DIGITS_PER_GLYPH));
  if (codes.length !== glyphs.length)
    throw new Error(`credential PDF: glyph encoding mismatch in ${face.id}`);
  return codes;
}
