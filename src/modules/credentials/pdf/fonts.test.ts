import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkPdfFonts,
  FONT_DIR_ENV,
  FONT_INSTALL_HINT,
  faceCandidates,
  faceSpecs,
  loadFace,
  resolveFacePath,
} from './fonts.js';

const PACKAGES_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'node_modules', '@expo-google-fonts');
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A PDF_FONT_DIR holding links to the resolved font files whose names pass `keep`. */
function fontDirWith(keep: (file: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-fonts-'));
  tempDirs.push(dir);
  const linked = new Set<string>();
  for (const spec of faceSpecs()) {
    const path = resolveFacePath(spec.id, {});
    if (path && keep(basename(path)) && !linked.has(path)) {
      symlinkSync(path, join(dir, basename(path)));
      linked.add(path);
    }
  }
  return dir;
}

const REQUIRED = faceSpecs().filter((spec) => spec.required);

describe('PDF font registry: the fonts come with npm install', () => {
  it('passes the start-up check without any system font (no Debian package needed)', () => {
    expect(checkPdfFonts({})).toEqual({ ok: true, missing: [], message: '' });
  });

  it('reads every required face from an @expo-google-fonts package, never from /usr/share/fonts', () => {
    expect(REQUIRED.map((spec) => spec.id).sort()).toEqual(
      [
        'arabic-bold',
        'arabic-regular',
        'cjk-jp-bold',
        'cjk-jp-regular',
        'cjk-kr-bold',
        'cjk-kr-regular',
        'cjk-sc-bold',
        'cjk-sc-regular',
        'devanagari-bold',
        'devanagari-regular',
        'hebrew-bold',
        'hebrew-regular',
        'latin-sans-bold',
        'latin-sans-regular',
        'latin-serif-bold',
        'latin-serif-regular',
      ].sort(),
    );
    for (const spec of REQUIRED) {
      const path = resolveFacePath(spec.id, {});
      expect(path, spec.id).toMatch(
        /\/node_modules\/@expo-google-fonts\/noto-[a-z-]+\/\d00\w+\/Noto\w+\.ttf$/,
      );
      expect(path!.startsWith(PACKAGES_DIR), spec.id).toBe(true);
    }
  });

  it('loads the regional CJK faces and the Naskh Arabic face from their packages', () => {
    expect(loadFace('cjk-sc-regular', {}).font.postscriptName).toBe('NotoSansSC-Regular');
    expect(loadFace('cjk-jp-bold', {}).font.postscriptName).toBe('NotoSansJP-Bold');
    expect(loadFace('cjk-kr-regular', {}).font.postscriptName).toBe('NotoSansKR-Regular');
    expect(loadFace('arabic-bold', {}).font.postscriptName).toBe('NotoNaskhArabic-Bold');
    expect(loadFace('latin-serif-bold', {}).font.postscriptName).toBe('NotoSerif-Bold');
  });

  it('covers Latin-extended, Vietnamese, Cyrillic and Greek in both Latin families and weights', () => {
    const text = 'Nguyễn Ñúñez Łukasiewicz Åström Мария Иванова Αικατερίνη';
    for (const id of ['latin-sans-regular', 'latin-sans-bold', 'latin-serif-regular', 'latin-serif-bold']) {
      const font = loadFace(id, {}).font;
      for (const char of text.normalize('NFC'))
        expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), `${id} ${char}`).toBe(true);
    }
  });

  it('ships the SIL Open Font Licence with every font package', () => {
    const packages = new Set(REQUIRED.map((spec) => spec.packaged!.packageName.split('/')[1]!));
    expect(packages.size).toBe(8);
    for (const name of packages) {
      expect(readFileSync(join(PACKAGES_DIR, name, 'LICENSE_FONT'), 'utf8'), name).toMatch(
        /SIL OPEN FONT LICENSE/i,
      );
    }
  });

  it('keeps Debian’s Noto files as an optional alternative, after the package', () => {
    const latin = faceCandidates('latin-sans-regular', {}).map((f) => f.path);
    expect(latin[0]).toMatch(/@expo-google-fonts\/noto-sans\/400Regular\/NotoSans_400Regular\.ttf$/);
    expect(latin[1]).toBe('/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf');
    expect(faceCandidates('cjk-jp-bold', {})[1]).toEqual({
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      postscriptName: 'NotoSansCJKjp-Bold',
    });
    expect(faceCandidates('arabic-regular', {}).map((f) => basename(f.path))).toEqual([
      'NotoNaskhArabic_400Regular.ttf',
      'NotoNaskhArabic-Regular.ttf',
      'NotoSansArabic-Regular.ttf',
    ]);
  });

  it('parses each file and face once (memoised)', () => {
    const sc = loadFace('cjk-sc-regular', {});
    // Identity compared as booleans: a failing toBe on 10 MB arrays would deep-compare them.
    expect(loadFace('cjk-sc-regular', {}) === sc).toBe(true);
    expect(loadFace('cjk-jp-regular', {}).key === sc.key).toBe(false);
  });
});

describe('PDF font registry: PDF_FONT_DIR and the start-up check', () => {
  it('names every missing face in one line when PDF_FONT_DIR holds none of them', () => {
    const check = checkPdfFonts({ [FONT_DIR_ENV]: '/nonexistent-font-dir' });
    expect(check.ok).toBe(false);
    expect(check.missing.map((m) => m.face).sort()).toEqual(REQUIRED.map((spec) => spec.id).sort());
    expect(check.message).toContain(`${FONT_DIR_ENV}=/nonexistent-font-dir`);
    expect(check.message).toContain('NotoSans_400Regular.ttf');
    expect(check.message).toContain(`unset ${FONT_DIR_ENV}`);
    expect(check.message).not.toContain('\n');
    // Scripts no npm package ships (Armenian, Georgian, Thai, Ethiopic) are used when present, never required.
    expect(check.missing.map((m) => m.face)).not.toContain('thai-regular');
  });

  it('reads the faces from PDF_FONT_DIR when set, and reports only the missing ones', () => {
    const withoutCjk = fontDirWith((file) => !/^NotoSans(SC|JP|KR)_/.test(file));
    const env = { [FONT_DIR_ENV]: withoutCjk };
    expect(resolveFacePath('latin-sans-regular', env)).toBe(join(withoutCjk, 'NotoSans_400Regular.ttf'));
    const check = checkPdfFonts(env);
    expect(check.ok).toBe(false);
    expect(new Set(check.missing.map((m) => m.packageName))).toEqual(
      new Set([
        '@expo-google-fonts/noto-sans-jp',
        '@expo-google-fonts/noto-sans-kr',
        '@expo-google-fonts/noto-sans-sc',
      ]),
    );
  });

  it('tells what to run when a packaged font is missing', () => {
    expect(FONT_INSTALL_HINT).toBe('npm install');
    expect(() => loadFace('cjk-kr-bold', { [FONT_DIR_ENV]: '/nonexistent-font-dir' })).toThrow(
      /PDF fonts missing in PDF_FONT_DIR=\/nonexistent-font-dir/,
    );
  });
});
