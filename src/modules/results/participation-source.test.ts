import { describe, expect, it } from 'vitest';
import { PARTICIPATION_COLUMNS, participationCells } from './participation-source.js';

describe('forum participation in the gradebook export', () => {
  it('gives one cell per column, zero for people who took no part', () => {
    expect(participationCells({ threads: 1, replies: 4, posts: 5, rounds: 2 })).toEqual([1, 4, 5, 2]);
    expect(participationCells(undefined)).toEqual([0, 0, 0, 0]);
    expect(PARTICIPATION_COLUMNS).toHaveLength(participationCells(undefined).length);
  });
});
