/**
 * The font registry of the credential PDFs: which faces exist, which face draws which script, parsed fonts
 * memoised per file and face (parsing a font costs more than rendering a page).
 *
 * The fonts come with the npm dependencies (`@expo-google-fonts/noto-*`, TTF files under the SIL Open Font
 * Licence), resolved from this module, so `npm install` is all a machine needs. Debian's `fonts-noto-core`
 * and `fonts-noto-cjk` are an optional alternative, read only when a package file is missing; one flat
 * directory named by `PDF_FONT_DIR` replaces both (an operator's own copies). Never web fonts.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
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

/** Environment variable naming one flat directory holding every font file (replaces the packages). */
export const FONT_DIR_ENV = 'PDF_FONT_DIR';
/** What to run when a packaged font is missing. */
export const FONT_INSTALL_HINT = 'npm install';

const SYSTEM_TRUETYPE_DIR = '/usr/share/fonts/truetype/noto';
const SYSTEM_OPENTYPE_DIR = '/usr/share/fonts/opentype/noto';
const WEIGHT_FILE_SUFFIX: Record<FontWeight, string> = { regular: 'Regular', bold: 'Bold' };
/** The folder and file suffix of a weight in the `@expo-google-fonts` packages. */
const PACKAGE_WEIGHT: Record<FontWeight, string> = { regular: '400Regular', bold: '700Bold' };

/** One file a face may be read from; for a `.ttc` collection, the PostScript name of the face in it. */
export interface FontFile {
  path: string;
  postscriptName?: string;
}

/** The npm file of a face: its package and the file inside it. */
export interface PackagedFont {
  packageName: string;
  file: string;
}

/** One face: the npm file it ships in, the Debian files that may stand in for it, and whether it is required. */
export interface FaceSpec {
  id: string;
  /** The TTF in an npm dependency (absent for the optional scripts, read from Debian's files only). */
  packaged?: PackagedFont;
  /** Debian's files, an optional alternative tried in order after the package. */
  system: readonly FontFile[];
  /** Required faces are checked at start-up; optional ones are used when present. */
  required: boolean;
}

/** Other scripts with a Noto Sans face of their own: shipped by npm (required), or Debian's when installed. */
const OTHER_SCRIPTS: Partial<Record<ScriptGroup, { name: string; packaged: boolean }>> = {
  hebrew: { name: 'Hebrew', packaged: true },
  devanagari: { name: 'Devanagari', packaged: true },
  armenian: { name: 'Armenian', packaged: false },
  georgian: { name: 'Georgian', packaged: false },
  thai: { name: 'Thai', packaged: false },
  ethiopic: { name: 'Ethiopic', packaged: false },
};
/** Per CJK group: the npm family (one package per region) and the face in Debian's collection. */
const CJK_FACES = {
  'cjk-sc': { family: 'NotoSansSC', collectionCode: 'sc' },
  'cjk-jp': { family: 'NotoSansJP', collectionCode: 'jp' },
  'cjk-kr': { family: 'NotoSansKR', collectionCode: 'kr' },
} as const;

/** `NotoSansJP` → `@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf`. */
function packaged(family: string, weight: FontWeight): PackagedFont {
  const packageName = `@expo-google-fonts/${family.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}`;
  const w = PACKAGE_WEIGHT[weight];
  return { packageName, file: `${w}/${family}_${w}.ttf` };
}

function buildFaceTable(): Map<string, FaceSpec> {
  const table = new Map<string, FaceSpec>();
  const add = (spec: FaceSpec) => table.set(spec.id, spec);
  for (const weight of ['regular', 'bold'] as const) {
    const w = WEIGHT_FILE_SUFFIX[weight];
    for (const role of ['sans', 'serif'] as const) {
      const family = role === 'sans' ? 'NotoSans' : 'NotoSerif';
      add({
        id: faceId('latin', role, weight),
        packaged: packaged(family, weight),
        system: [{ path: join(SYSTEM_TRUETYPE_DIR, `${family}-${w}.ttf`) }],
        required: true,
      });
    }
    add({
      id: faceId('arabic', 'serif', weight),
      packaged: packaged('NotoNaskhArabic', weight),
      system: [
        { path: join(SYSTEM_TRUETYPE_DIR, `NotoNaskhArabic-${w}.ttf`) },
        { path: join(SYSTEM_TRUETYPE_DIR, `NotoSansArabic-${w}.ttf`) },
      ],
      required: true,
    });
    for (const [group, { family, collectionCode }] of Object.entries(CJK_FACES)) {
      add({
        id: faceId(group as ScriptGroup, 'sans', weight),
        packaged: packaged(family, weight),
        system: [
          {
            path: join(SYSTEM_OPENTYPE_DIR, `NotoSansCJK-${w}.ttc`),
            postscriptName: `NotoSansCJK${collectionCode}-${w}`,
          },
        ],
        required: true,
      });
    }
    for (const [group, { name, packaged: isPackaged }] of Object.entries(OTHER_SCRIPTS)) {
      add({
        id: faceId(group as ScriptGroup, 'sans', weight),
        ...(isPackaged ? { packaged: packaged(`NotoSans${name}`, weight) } : {}),
        system: [{ path: join(SYSTEM_TRUETYPE_DIR, `NotoSans${name}-${w}.ttf`) }],
        required: isPackaged,
      });
    }
  }
  return table;
}

/**
 * The face id for a script group, role and weight. Only Latin-like text distinguishes sans and serif;
 * Arabic always uses Naskh (Debian's Noto Sans Arabic as fallback), the other scripts their Noto Sans face.
 */
export function faceId(group: ScriptGroup, role: FontRole, weight: FontWeight): string {
  if (group === 'latin') return `latin-${role}-${weight}`;
  if (group === 'arabic') return `arabic-${weight}`;
  return `${group}-${weight}`;
}

const FACES = buildFaceTable();
const require = createRequire(import.meta.url);

/** Every known face (required and optional). */
export function faceSpecs(): FaceSpec[] {
  return [...FACES.values()];
}

function specOf(id: string): FaceSpec {
  const spec = FACES.get(id);
  if (!spec) throw new Error(`unknown PDF font face "${id}"`);
  return spec;
}

/** The absolute path of a packaged font as Node resolves it from here, or null when the package is absent. */
export function resolvePackagedFont(font: PackagedFont): string | null {
  try {
    return require.resolve(`${font.packageName}/${font.file}`);
  } catch {
    return null;
  }
}

/**
 * The files face `id` may be read from, in order: with `PDF_FONT_DIR`, that directory only (the package's
 * file name, then Debian's); otherwise the npm package's file, then Debian's files.
 */
export function faceCandidates(id: string, env: NodeJS.ProcessEnv = process.env): FontFile[] {
  const spec = specOf(id);
  const dir = env[FONT_DIR_ENV];
  if (dir) {
    const names = spec.packaged ? [{ path: basename(spec.packaged.file) }] : [];
    return [...names, ...spec.system].map((f) => ({ ...f, path: join(dir, basename(f.path)) }));
  }
  const fromPackage = spec.packaged ? resolvePackagedFont(spec.packaged) : null;
  return [...(fromPackage ? [{ path: fromPackage }] : []), ...spec.system];
}

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const resolvedFiles = new Map<string, FontFile>();

/** The first readable candidate of a face; found files are memoised, a miss is looked up again next time
 * (fonts installed while the server runs are used without a restart). */
function resolveFaceFile(id: string, env: NodeJS.ProcessEnv): FontFile | null {
  const key = `${env[FONT_DIR_ENV] ?? ''}\n${id}`;
  const known = resolvedFiles.get(key);
  if (known) return known;
  const file = faceCandidates(id, env).find((f) => isReadable(f.path)) ?? null;
  if (file) resolvedFiles.set(key, file);
  return file;
}

/** The file a face is read from, or null when none of its candidates is readable. */
export function resolveFacePath(id: string, env: NodeJS.ProcessEnv = process.env): string | null {
  return resolveFaceFile(id, env)?.path ?? null;
}

/** A face missing from the machine. */
export interface MissingFace {
  face: string;
  /** Paths tried, in order. */
  paths: string[];
  /** The npm package that ships the face. */
  packageName: string;
}

/** Result of `checkPdfFonts`. */
export interface PdfFontCheck {
  ok: boolean;
  missing: MissingFace[];
  /** Empty when ok; otherwise one line: what is missing and what to do. */
  message: string;
}

/** Checks that every required face is readable (call at start-up); says what to install or set. */
export function checkPdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFontCheck {
  const missing: MissingFace[] = [];
  for (const spec of FACES.values()) {
    if (!spec.required) continue;
    const paths = faceCandidates(spec.id, env).map((f) => f.path);
    if (!paths.some(isReadable))
      missing.push({ face: spec.id, paths, packageName: spec.packaged?.packageName ?? '' });
  }
  if (missing.length === 0) return { ok: true, missing, message: '' };
  const faces = missing.map((m) => m.face).join(', ');
  const dir = env[FONT_DIR_ENV];
  const message = dir
    ? `PDF fonts missing in ${FONT_DIR_ENV}=${dir} (${faces}): put ` +
      `${[...new Set(missing.map((m) => basename(m.paths[0]!)))].join(', ')} there, or unset ${FONT_DIR_ENV} ` +
      'to use the fonts installed with the npm packages.'
    : `PDF fonts missing (${faces}): run \`${FONT_INSTALL_HINT}\` to install the packages ` +
      `${[...new Set(missing.map((m) => m.packageName))].sort().join(', ')}.`;
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

/** The parsed face `id`, memoised per file and face; throws saying what to install when it is missing. */
export function loadFace(id: string, env: NodeJS.ProcessEnv = process.env): LoadedFace {
  const file = resolveFaceFile(id, env);
  if (!file) {
    const check = checkPdfFonts(env);
    throw new Error(check.message || `PDF font "${id}" not found`);
  }
  const { path, postscriptName } = file;
  const cacheKey = `${path}#${postscriptName ?? ''}`;
  const cached = loadedFaces.get(cacheKey);
  if (cached) return cached;
  let bytes = fileBytes.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fileBytes.set(path, bytes);
  }
  const parsed = create(bytes, postscriptName);
  if (!('unitsPerEm' in parsed) || (postscriptName && parsed.postscriptName !== postscriptName)) {
    throw new Error(`PDF font "${id}": ${path} has no face ${postscriptName ?? '(single face expected)'}`);
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
  resolvedFiles.clear();
  for (const listener of clearListeners) listener();
}
