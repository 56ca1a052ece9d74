import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../kernel/errors.js';
import { pageOfPosition, parsePageParameter, threadPageToShow } from './thread-paging.js';

describe('thread paging', () => {
  it('reads a page parameter: none, last, or a whole number from 1 to 10,000', () => {
    expect([undefined, '', 'last', '1', '07', '10000'].map(parsePageParameter)).toEqual([
      'landing',
      'landing',
      'last',
      1,
      7,
      10_000,
    ]);
    for (const bad of ['0', '-1', '1.5', 'abc', '10001', '1e3', ' 2', ['2']]) {
      let thrown: unknown;
      try {
        parsePageParameter(bad);
      } catch (error) {
        thrown = error;
      }
      expect(isAppError(thrown, 'validation_failed')).toBe(true);
    }
  });

  it('lands on the first page, the page of the first new post, or the newest page', () => {
    const place = (postCount: number, readCount: number, lastReadAt: string | null = '2026-12-01') => ({
      postCount,
      readCount,
      lastReadAt,
    });
    expect(threadPageToShow('landing', place(500, 0, null), 50)).toEqual({ page: 1, pageCount: 10 });
    expect(threadPageToShow('landing', place(500, 60), 50)).toEqual({ page: 2, pageCount: 10 });
    expect(threadPageToShow('landing', place(500, 50), 50)).toEqual({ page: 2, pageCount: 10 });
    expect(threadPageToShow('landing', place(500, 49), 50)).toEqual({ page: 1, pageCount: 10 });
    expect(threadPageToShow('landing', place(500, 500), 50)).toEqual({ page: 10, pageCount: 10 });
    expect(threadPageToShow('landing', place(0, 0), 50)).toEqual({ page: 1, pageCount: 1 });
    expect(threadPageToShow('last', place(101, 0, null), 50)).toEqual({ page: 3, pageCount: 3 });
    expect(threadPageToShow(99, place(101, 0), 50)).toEqual({ page: 3, pageCount: 3 });
    expect(threadPageToShow(2, place(101, 0), 50)).toEqual({ page: 2, pageCount: 3 });
  });

  it('finds the page of a post from the posts before it', () => {
    expect([0, 49, 50, 99, 100].map((n) => pageOfPosition(n, 50))).toEqual([1, 1, 2, 2, 3]);
  });
});
