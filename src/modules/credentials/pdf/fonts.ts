/**
 * The font registry of the credential PDFs: which system faces exist, which face draws which script,
 * parsed fonts memoised per file and face (parsing a font costs more than rendering a page).
 *
 * Fonts come from Debian `fonts-noto-core` and `fonts-noto-cjk` (never web fonts), or from one flat
 * directory named by `PDF_FONT_DIR` (for example TTFs shipped with a deployment).
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';

/** The Latin-like design family of a text (Arabic, CJK and other scripts have one family each). */
export type FontRole = 'sans' | 'serif';
/** Font weight. */
export type FontWeight = 'regular' | 'bold';
/** Script groups that need a face of their own. */
export type ScriptGroup =
  | 'latin'
  | 'arabic'
  | 'cjk-sc'
  | 'cjk-jp'
  | 'cjk-kr'
  | 'hebrew'
  | 'armenian'
  | 'georgian'
  | 'devanagari'
  | 'thai'
  | 'ethiopic';

/** Debian packages providing the faces (named in error messages). */
export const NOTO_CORE_PACKAGE = 'fonts-noto-core';
/** Debian package of the Chinese, Japanese and Korean faces. */
export const NOTO_CJK_PACKAGE = 'fonts-noto-cjk';
/** Environment variable naming one flat directory holding every font file (overrides the system paths). */
export const FONT_DIR_ENV = 'PDF_FONT_DIR';

const SYSTEM_TRUETYPE_DIR = '/usr/share/fonts/truetype/noto';
const SYSTEM_OPENTYPE_DIR = '/usr/share/fonts/opentype/noto';
const WEIGHT_FILE_SUFFIX: Record<FontWeight, string> = { regular: 'Regular', bold: 'Bold' };

/** One face: candidate files (first readable wins), the face inside a collection, where it comes from. */
export interface FaceSpec {
  id: string;
  files: readonly string[];
  /** For `.ttc` collections: the PostScript name of the face to use. */
  postscriptName?: string;
  kind: 'truetype' | 'opentype';
  debianPackage: typeof NOTO_CORE_PACKAGE | typeof NOTO_CJK_PACKAGE;
  /** Required faces are checked at start-up; optional ones are used when present. */
  required: boolean;
}

const OPTIONAL_SCRIPTS: Partial<Record<ScriptGroup, string>> = {
  hebrew: 'Hebrew',
  armenian: 'Armenian',
  georgian: 'Georgian',
  devanagari: 'Devanagari',
  thai: 'Thai',
  ethiopic: 'Ethiopic',
};
const CJK_FACE_CODES = { 'cjk-sc': 'sc', 'cjk-jp': 'jp', 'cjk-kr': 'kr' } as const;

function buildFaceTable(): Map<string, FaceSpec> {
  const table = new Map<string, FaceSpec>();
  const add = (spec: FaceSpec) => table.set(spec.id, spec);
  for (const weight of ['regular', 'bold'] as const) {
    const w = WEIGHT_FILE_SUFFIX[weight];
    for (const role of ['sans', 'serif'] as const) {
      const family = role === 'sans' ? 'NotoSans' : 'NotoSerif';
      add({
        id: faceId('latin', role, weight),
        files: [`${family}-${w}.ttf`],
        kind: 'truetype',
        debianPackage: NOTO_CORE_PACKAGE,
        required: true,
      });
    }
    add({
      id: faceId('arabic', 'serif', weight),
      files: [`NotoNaskhArabic-${w}.ttf`, `NotoSansArabic-${w}.ttf`],
      kind: 'truetype',
      debianPackage: NOTO_CORE_PACKAGE,
      required: true,
    });
    for (const [group, code] of Object.entries(CJK_FACE_CODES)) {
      add({
        id: faceId(group as ScriptGroup, 'sans', weight),
        files: [`NotoSansCJK-${w}.ttc`],
        postscriptName: `NotoSansCJK${code}-${w}`,
        kind: 'opentype',
        debianPackage: NOTO_CJK_PACKAGE,
        required: true,
      });
    }
    for (const [group, name] of Object.entries(OPTIONAL_SCRIPTS)) {
      add({
        id: faceId(group as ScriptGroup, 'sans', weight),
        files: [`NotoSans${name}-${w}.ttf`],
        kind: 'truetype',
        debianPackage: NOTO_CORE_PACKAGE,
        required: false,
      });
    }
  }
  return table;
}

/**
 * The face id for a script group, role and weight. Only Latin-like text distinguishes sans and serif;
 * Arabic always uses Naskh (Noto Sans Arabic as fallback), the other scripts their Noto Sans face.
 */
export function faceId(group: ScriptGroup, role: FontRole, weight: FontWeight): string {
  if (group === 'latin') return `latin-${role}-${weight}`;
  if (group === 'arabic') return `arabic-${weight}`;
  return `${group}-${weight}`;
}

const FACES = buildFaceTable();

/** Every known face (required and optional). */
export function faceSpecs(): FaceSpec[] {
  return [...FACES.values()];
}

function candidatePaths(spec: FaceSpec, env: NodeJS.ProcessEnv): string[] {
  const override = env[FONT_DIR_ENV];
  const dir = override || (spec.kind === 'truetype' ? SYSTEM_TRUETYPE_DIR : SYSTEM_OPENTYPE_DIR);
  return spec.files.map((file) => join(dir, file));
}

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const resolvedPaths = new Map<string, string | null>();

/** The file a face is read from, or null when none of its candidates is readable (memoised per directory). */
export function resolveFacePath(id: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const spec = FACES.get(id);
  if (!spec) throw new Error(`unknown PDF font face "${id}"`);
  const key = `${env[FONT_DIR_ENV] ?? ''}\n${id}`;
  let path = resolvedPaths.get(key);
  if (path === undefined) {
    path = candidatePaths(spec, env).find(isReadable) ?? null;
    resolvedPaths.set(key, path);
  }
  return path;
}

/** A face missing from the machine. */
export interface MissingFace {
  face: string;
  /** Paths tried, in order. */
  paths: string[];
  debianPackage: string;
}

/** Result of `checkPdfFonts`. */
export interface PdfFontCheck {
  ok: boolean;
  missing: MissingFace[];
  /** Empty when ok; otherwise what is missing and which Debian packages to install. */
  message: string;
}

/** Checks that every required face is readable (call at start-up); names the Debian packages to install. */
export function checkPdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFontCheck {
  const missing: MissingFace[] = [];
  for (const spec of FACES.values()) {
    if (!spec.required) continue;
    const paths = candidatePaths(spec, env);
    if (!paths.some(isReadable)) missing.push({ face: spec.id, paths, debianPackage: spec.debianPackage });
  }
  if (missing.length === 0) return { ok: true, missing, message: '' };
  const packages = [...new Set(missing.map((m) => m.debianPackage))].sort();
  const files = [...new Set(missing.map((m) => m.paths.join(' or ')))];
  const where = env[FONT_DIR_ENV] ? `${FONT_DIR_ENV}=${env[FONT_DIR_ENV]}` : 'the system font directories';
  const message =
    `PDF fonts missing in ${where}: ${files.join('; ')}. ` +
    `Install the Debian packages ${packages.join(' and ')} (apt-get install ${packages.join(' ')}), ` +
    `or set ${FONT_DIR_ENV} to a directory holding these files.`;
  return { ok: false, missing, message };
}

/** A parsed face and the byte array that identifies it to pdf-lib's embedder. */
export interface LoadedFace {
  id: string;
  font: Font;
  /** A view of the file's bytes unique to this face (pdf-lib is handed this array; see fontkit-adapter.ts). */
  key: Uint8Array;
}

const fileBytes = new Map<string, Buffer>();
const loadedFaces = new Map<string, LoadedFace>();
const facesByKey = new WeakMap<Uint8Array, LoadedFace>();

/** The parsed face `id`, memoised per file and face; throws naming the package when it is missing. */
export function loadFace(id: string, env: NodeJS.ProcessEnv = process.env): LoadedFace {
  const path = resolveFacePath(id, env);
  if (!path) {
    const spec = FACES.get(id)!;
    throw new Error(
      `PDF font "${id}" not found (${candidatePaths(spec, env).join(', ')}): install ${spec.debianPackage}`,
    );
  }
  const spec = FACES.get(id)!;
  const cacheKey = `${path}#${spec.postscriptName ?? ''}`;
  const cached = loadedFaces.get(cacheKey);
  if (cached) return cached;
  let bytes = fileBytes.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fileBytes.set(path, bytes);
  }
  const parsed = create(bytes, spec.postscriptName);
  if (!('unitsPerEm' in parsed) || (spec.postscriptName && parsed.postscriptName !== spec.postscriptName)) {
    throw new Error(
      `PDF font "${id}": ${path} has no face ${spec.postscriptName ?? '(single face expected)'}`,
    );
  }
  const key = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const face: LoadedFace = { id, font: parsed, key };
  loadedFaces.set(cacheKey, face);
  facesByKey.set(key, face);
  return face;
}

/** Whether face `id` can be loaded (optional faces may be absent). */
export function hasFace(id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return resolveFacePath(id, env) !== null;
}

/** The loaded face registered under a byte array handed to pdf-lib, if any. */
export function faceForKey(key: Uint8Array): LoadedFace | undefined {
  return facesByKey.get(key);
}

const clearListeners: (() => void)[] = [];

/** Registers a cache derived from the loaded faces, to be emptied with them. */
export function onFontCacheClear(listener: () => void): void {
  clearListeners.push(listener);
}

/** Forgets parsed fonts and resolved paths (tests switch `PDF_FONT_DIR`; benchmarks measure cold starts). */
export function clearFontCache(): void {
  fileBytes.clear();
  loadedFaces.clear();
  resolvedPaths.clear();
  for (const listener of clearListeners) listener();
}
