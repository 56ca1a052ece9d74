import { describe, expect, it } from 'vitest';
import { shortfall, shortfallLines } from '../bench/goals.js';
import { type BenchRow, scenarioName } from '../bench/report.js';

const row = (name: string, value: number, unit: string, ratio: number | null): BenchRow => ({
  name,
  value,
  unit,
  ceiling: null,
  ratio,
});

describe("the bench report's marks (issue 17's goals)", () => {
  it('marks a page below a tenth of the ceiling, and not one at or above it', () => {
    expect(shortfall(row('forums: thread (participant) (10 conn.): requests/s', 438, 'req/s', 0.024))).toBe(
      'below 0.1 of the ceiling',
    );
    expect(shortfall(row('catalogue: /courses (10 conn.): requests/s', 4000, 'req/s', 0.1))).toBeNull();
  });

  it('marks a p99 of 100 ms or more, in milliseconds only', () => {
    expect(shortfall(row('a page (10 conn.): p99 latency', 102, 'ms', 0.02))).toBe('p99 not under 100 ms');
    expect(shortfall(row('a page (10 conn.): p99 latency', 99.9, 'ms', 0.02))).toBeNull();
  });

  it('judges the import, evaluate-all and memory against their own goals', () => {
    expect(shortfall(row('pathway: import 100,000 result rows: rows/s', 2206, 'rows/s', 0.037))).toBe(
      'below 0.25 of the raw insert',
    );
    expect(shortfall(row('pathway: import 100,000 result rows: rows/s', 20000, 'rows/s', 0.3))).toBeNull();
    expect(shortfall(row('pathway: evaluate all (target < 2 s)', 2.104, 's', 0.59))).toBe('not under 2 s');
    expect(shortfall(row('pathway: evaluate all (target < 2 s)', 1.8, 's', 0.7))).toBeNull();
    expect(shortfall(row('forums: server peak resident memory (RSS)', 519.1, 'MB', 1.73))).toBe(
      'not under 300 MB',
    );
    expect(shortfall(row('forums: server peak resident memory (RSS)', 280, 'MB', 0.93))).toBeNull();
  });

  it('leaves ceilings and rows without a goal here unjudged', () => {
    expect(shortfall(row('forums: ceiling (10 conn.): requests/s', 18000, 'req/s', 1))).toBeNull();
    expect(shortfall(row('lrs: statements posted in batches of 100', 2770, 'statements/s', 0.05))).toBeNull();
  });

  it('lists what falls short, or says that nothing does', () => {
    const lines = shortfallLines([
      row('a (10 conn.): requests/s', 100, 'req/s', 0.01),
      row('b (10 conn.): requests/s', 5000, 'req/s', 0.3),
    ]);
    expect(lines[0]).toContain('(1)');
    expect(lines.filter((l) => l.startsWith('- ✗'))).toEqual([
      '- ✗ a (10 conn.): requests/s: 100 req/s (below 0.1 of the ceiling)',
    ]);
    expect(shortfallLines([row('b (10 conn.): requests/s', 5000, 'req/s', 0.3)])[0]).toContain('meets it');
  });

  it("names every page scenario with its connection count, as the issue's checks read it", () => {
    expect(scenarioName('forums: thread of 500 posts (participant)', 10)).toBe(
      'forums: thread of 500 posts (participant) (10 conn.)',
    );
    expect(scenarioName('pathway: candidate dashboard (10 conn.)', 10)).toBe(
      'pathway: candidate dashboard (10 conn.)',
    );
  });
});
