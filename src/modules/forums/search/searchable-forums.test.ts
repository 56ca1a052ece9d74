import { describe, expect, it } from 'vitest';
import { type SearchableForum, searchScopeOf } from './searchable-forums.js';

const forum = (id: string, over: Partial<SearchableForum> = {}): SearchableForum => ({
  id,
  audience: 'edition',
  scope_kind: 'space',
  scope_id: `item-${id}`,
  posting_rule: 'open',
  ...over,
});

const FORUMS = [
  forum('course'),
  forum('reflect', { posting_rule: 'post-first' }),
  forum('locked'),
  forum('group', { audience: 'members', scope_kind: 'group', scope_id: 'g1' }),
  forum('other-group', { audience: 'members', scope_kind: 'group', scope_id: 'g2' }),
];
const OPEN = new Set(['item-course', 'item-reflect']);

describe('the forums a search covers', () => {
  it('staff: every forum, every post', () => {
    expect(searchScopeOf(FORUMS, { staff: true, readerId: 's' }, new Set(), null)).toEqual({
      forumIds: ['course', 'reflect', 'locked', 'group', 'other-group'],
      ownOnlyForumIds: [],
    });
  });

  it('a participant: the edition’s open discussions and their own groups; only their posts under "post first"', () => {
    expect(searchScopeOf(FORUMS, { staff: false, readerId: 'p' }, new Set(['group']), OPEN)).toEqual({
      forumIds: ['course', 'reflect', 'group'],
      ownOnlyForumIds: ['reflect'],
    });
  });

  it('a participant in no group, every discussion locked: nothing', () => {
    expect(searchScopeOf(FORUMS, { staff: false, readerId: 'p' }, new Set(), new Set())).toEqual({
      forumIds: [],
      ownOnlyForumIds: [],
    });
  });
});
