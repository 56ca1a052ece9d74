import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../kernel/actor.js';
import { canJobs } from './jobs.policy.js';

const user = (roles: Role[]): Actor => ({ kind: 'user', id: 'u', roles, via: 'session' });

describe('jobs policy', () => {
  it('lets administrators read and retry, managers read only, and nobody else anything', () => {
    expect(canJobs(user(['administrator']), 'jobs.read')).toBe(true);
    expect(canJobs(user(['administrator']), 'jobs.retry')).toBe(true);
    expect(canJobs(user(['manager']), 'jobs.read')).toBe(true);
    expect(canJobs(user(['manager']), 'jobs.retry')).toBe(false);
    for (const role of ['participant', 'facilitator', 'assessor'] as const) {
      expect(canJobs(user([role]), 'jobs.read')).toBe(false);
      expect(canJobs(user([role]), 'jobs.retry')).toBe(false);
    }
    expect(canJobs({ kind: 'anonymous' }, 'jobs.read')).toBe(false);
    expect(canJobs({ kind: 'system', reason: 'test' }, 'jobs.retry')).toBe(true);
  });
});
