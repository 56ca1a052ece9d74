import { describe, expect, it } from 'vitest';
import { moderationSample } from './moderation-sample.js';

const item = (id: string, mark: number | null) => ({ id, mark, passMark: 5000 });

describe('moderationSample', () => {
  it('takes every fail, every borderline mark and 10 % of the others (rounded up), the same every time', () => {
    const items = [
      item('fail', 4000),
      item('border-low', 4990),
      item('border-high', 5400),
      ...Array.from({ length: 20 }, (_, i) => item(`ok-${i}`, 7000 + i)),
      item('unmarked', null),
    ];
    const sample = moderationSample(items);
    expect(sample.has('fail')).toBe(true);
    expect(sample.has('border-low')).toBe(true);
    expect(sample.has('border-high')).toBe(true);
    expect(sample.has('unmarked')).toBe(false);
    expect([...sample].filter((id) => id.startsWith('ok-'))).toHaveLength(2);
    expect([...moderationSample(items)]).toEqual([...sample]);
  });
  it('takes at least one of the others when there are any', () => {
    expect(moderationSample([item('a', 9000)]).size).toBe(1);
    expect(moderationSample([]).size).toBe(0);
  });
});
