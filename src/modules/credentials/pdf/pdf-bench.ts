/**
 * PDF throughput: `npx tsx src/modules/credentials/pdf/pdf-bench.ts [seconds]` prints PDFs/s for Latin,
 * Arabic and CJK names (warm font cache) and the cost of a cold font cache. `measurePdfThroughput` is
 * exported for `npm run bench`.
 */
import { fileURLToPath } from 'node:url';
import { clearFontCache } from './fonts.js';
import { sampleDiploma, sampleModel } from './pdf-fixtures.js';
import { renderCredentialPdf } from './render.js';
import type { CredentialPdfModel } from './types.js';

const DEFAULT_SECONDS = 3;
const MS_PER_SECOND = 1000;
const COLD_RUNS = 5;

/** One measured scenario. */
export interface PdfThroughput {
  name: string;
  /** Wall-clock rate. */
  pdfsPerSecond: number;
  /** Rate per second of this process's CPU time (steadier than wall clock on a shared machine). */
  pdfsPerCpuSecond: number;
  meanKilobytes: number;
}

const MICROSECONDS_PER_SECOND = 1e6;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / MICROSECONDS_PER_SECOND;
}

async function rate(name: string, models: CredentialPdfModel[], seconds: number): Promise<PdfThroughput> {
  await renderCredentialPdf(models[0]!); // warm the font cache and the JIT
  let count = 0;
  let bytes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * MS_PER_SECOND;
  while (performance.now() < deadline) {
    const pdf = await renderCredentialPdf(models[count % models.length]!);
    bytes += pdf.byteLength;
    count++;
  }
  const elapsed = (performance.now() - started) / MS_PER_SECOND;
  return {
    name,
    pdfsPerSecond: count / elapsed,
    pdfsPerCpuSecond: count / cpuSeconds(cpu),
    meanKilobytes: bytes / count / 1024,
  };
}

async function coldRate(name: string, model: CredentialPdfModel): Promise<PdfThroughput> {
  let bytes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < COLD_RUNS; i++) {
    clearFontCache();
    bytes += (await renderCredentialPdf(model)).byteLength;
  }
  const elapsed = (performance.now() - started) / MS_PER_SECOND;
  return {
    name,
    pdfsPerSecond: COLD_RUNS / elapsed,
    pdfsPerCpuSecond: COLD_RUNS / cpuSeconds(cpu),
    meanKilobytes: bytes / COLD_RUNS / 1024,
  };
}

/** Renders PDFs for `seconds` per scenario and returns the rates. */
export async function measurePdfThroughput(seconds = DEFAULT_SECONDS): Promise<PdfThroughput[]> {
  const latin = ['José Ñúñez', 'Marie-Hélène Dubois', 'Łukasz Wróblewski', 'Nguyễn Thị Lan'];
  const cjk = ['王芳', '山田 さくら', '김민준', '李小龙'];
  const results = [
    await rate(
      'Latin names (certificate)',
      latin.map((n) => sampleModel(n, 'fr')),
      seconds,
    ),
    await rate(
      'Latin names (diploma, 5 components)',
      latin.map((n) => sampleDiploma(n, 'en')),
      seconds,
    ),
    await rate(
      'Arabic names',
      ['محمد الأحمد', 'عبد الله الحسن'].map((n) => sampleModel(n, 'en')),
      seconds,
    ),
    await rate(
      'CJK names (certificate)',
      cjk.map((n) => sampleModel(n, 'es')),
      seconds,
    ),
  ];
  results.push(await coldRate('Latin name, no memo (fonts parsed per PDF)', sampleModel('José Ñúñez', 'fr')));
  results.push(await coldRate('CJK name, no memo (fonts parsed per PDF)', sampleModel('王芳', 'es')));
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? DEFAULT_SECONDS);
  for (const r of await measurePdfThroughput(seconds)) {
    const wall = r.pdfsPerSecond.toFixed(1).padStart(6);
    const cpu = r.pdfsPerCpuSecond.toFixed(1).padStart(6);
    console.log(
      `${r.name.padEnd(44)} ${wall} PDFs/s ${cpu} per CPU-second  ${r.meanKilobytes.toFixed(0)} KB`,
    );
  }
}
