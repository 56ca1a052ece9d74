import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

describe('HEAP_GROWING_PERCENT', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dp-heap-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) };

  it('bounds the heap’s growth at 50 % by default; 0 leaves V8’s own rule', () => {
    expect(loadConfig(env).heapGrowingPercent).toBe(50);
    expect(loadConfig({ ...env, HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ ...env, HEAP_GROWING_PERCENT: '25' }).heapGrowingPercent).toBe(25);
  });

  it('refuses what is not a whole number from 0 to 400, naming the variable', () => {
    for (const bad of ['-1', '401', '1.5', 'lots'])
      expect(() => loadConfig({ ...env, HEAP_GROWING_PERCENT: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, HEAP_GROWING_PERCENT: 'lots' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

  it('keeps a busy heap a bounded step above its live data (a process that makes garbage, with and without)', () => {
    // The same garbage-making loop in two fresh processes; the highest heap size each reached is compared.
    const script = (percent: number) => `
      import { tuneHeap } from ${JSON.stringify(join(import.meta.dirname, 'heap-tuning.ts'))};
      import { getHeapStatistics } from 'node:v8';
      tuneHeap(${percent});
      const live = Array.from({ length: 200_000 }, (_, i) => ({ i, text: 'x' + i }));
      let peak = 0, keep = [];
      for (let round = 0; round < 400; round++) {
        keep = Array.from({ length: 20_000 }, (_, i) => ({ round, i, text: 'y' + i }));
        peak = Math.max(peak, getHeapStatistics().total_heap_size);
      }
      globalThis.held = [live, keep];
      process.stdout.write(String(Math.round(peak / 1048576)));`;
    const peakOf = (percent: number) =>
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(percent)], {
          encoding: 'utf8',
        }),
      );
    const bounded = peakOf(10);
    const own = peakOf(0);
    expect(bounded).toBeGreaterThan(0);
    expect(bounded).toBeLessThan(own);
  }, 60_000);
});
