import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkPdfFonts,
  FONT_DIR_ENV,
  faceSpecs,
  loadFace,
  NOTO_CJK_PACKAGE,
  NOTO_CORE_PACKAGE,
  resolveFacePath,
} from './fonts.js';
import { pdfFontsAvailable } from './pdf-test-tools.js';

const SYSTEM_SANS_ARABIC = '/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf';
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A PDF_FONT_DIR holding links to the system files whose names pass `keep`. */
function fontDirWith(keep: (file: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-fonts-'));
  tempDirs.push(dir);
  const linked = new Set<string>();
  for (const spec of faceSpecs()) {
    const path = resolveFacePath(spec.id);
    if (path && keep(basename(path)) && !linked.has(path)) {
      symlinkSync(path, join(dir, basename(path)));
      linked.add(path);
    }
  }
  return dir;
}

describe('PDF font registry: start-up check', () => {
  it('names every missing face and the Debian packages to install', () => {
    const check = checkPdfFonts({ [FONT_DIR_ENV]: '/nonexistent-font-dir' });
    expect(check.ok).toBe(false);
    expect(check.missing.map((m) => m.face)).toEqual(
      expect.arrayContaining([
        'latin-sans-regular',
        'latin-serif-bold',
        'arabic-bold',
        'cjk-sc-regular',
        'cjk-kr-bold',
      ]),
    );
    expect(check.message).toContain(NOTO_CORE_PACKAGE);
    expect(check.message).toContain(NOTO_CJK_PACKAGE);
    expect(check.message).toContain('apt-get install fonts-noto-cjk fonts-noto-core');
    expect(check.message).toContain(`${FONT_DIR_ENV}=/nonexistent-font-dir`);
    // Optional scripts (Hebrew, Devanagari…) are used when present, never required.
    expect(check.missing.map((m) => m.face)).not.toContain('hebrew-regular');
  });

  it.skipIf(!pdfFontsAvailable)('passes on this machine', () => {
    expect(checkPdfFonts()).toEqual({ ok: true, missing: [], message: '' });
  });

  it.skipIf(!pdfFontsAvailable)(
    'reports only the CJK package when only the CJK collections are missing',
    () => {
      const env = { [FONT_DIR_ENV]: fontDirWith((file) => !file.endsWith('.ttc')) };
      const check = checkPdfFonts(env);
      expect(check.ok).toBe(false);
      expect(new Set(check.missing.map((m) => m.debianPackage))).toEqual(new Set([NOTO_CJK_PACKAGE]));
      expect(check.message).not.toContain(NOTO_CORE_PACKAGE);
    },
  );

  it.skipIf(!existsSync(SYSTEM_SANS_ARABIC))(
    'falls back to Noto Sans Arabic when Noto Naskh Arabic is absent',
    () => {
      const withoutArabic = fontDirWith((file) => !file.startsWith('NotoNaskhArabic'));
      expect(resolveFacePath('arabic-bold', { [FONT_DIR_ENV]: withoutArabic })).toBeNull();
      const withSansArabic = fontDirWith((file) => !file.startsWith('NotoNaskhArabic'));
      symlinkSync(SYSTEM_SANS_ARABIC, join(withSansArabic, basename(SYSTEM_SANS_ARABIC)));
      expect(resolveFacePath('arabic-bold', { [FONT_DIR_ENV]: withSansArabic })).toBe(
        join(withSansArabic, 'NotoSansArabic-Bold.ttf'),
      );
    },
  );
});

describe.skipIf(!pdfFontsAvailable)('PDF font registry: faces', () => {
  it('picks the Chinese, Japanese and Korean faces out of the Noto CJK collection', () => {
    expect(loadFace('cjk-sc-regular').font.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(loadFace('cjk-jp-bold').font.postscriptName).toBe('NotoSansCJKjp-Bold');
    expect(loadFace('cjk-kr-regular').font.postscriptName).toBe('NotoSansCJKkr-Regular');
  });

  it('parses each file and face once (memoised), with a distinct byte view per face of a collection', () => {
    const sc = loadFace('cjk-sc-regular');
    const jp = loadFace('cjk-jp-regular');
    // Identity compared as booleans: a failing toBe on 19 MB arrays would deep-compare them.
    expect(loadFace('cjk-sc-regular') === sc).toBe(true);
    expect(sc.key === jp.key).toBe(false);
    expect(sc.key.buffer === jp.key.buffer).toBe(true);
  });

  it('reads the system Noto paths by default', () => {
    expect(resolveFacePath('latin-sans-regular', {})).toBe(
      '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
    );
    expect(resolveFacePath('cjk-jp-bold', {})).toBe('/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc');
  });
});
