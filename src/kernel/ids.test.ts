import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids.js';

describe('ids', () => {
  it('are UUID version 7, strictly increasing even within one millisecond', () => {
    const now = Date.now() + 10_000;
    const ids = Array.from({ length: 5000 }, () => newId(now));
    for (const id of ids) {
      expect(isId(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]!);
    }
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draw fresh random bits for every id, across refills of the random pool', () => {
    const ids = Array.from({ length: 1000 }, () => newId()); // 16 KB of random bytes: four refills
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length);
    const variants = new Set(ids.map((id) => id[19]));
    expect(variants.size).toBeGreaterThan(1);
  });

  it('carry the time they were made', () => {
    const now = Date.now() + 60_000;
    const id = newId(now);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });
});
