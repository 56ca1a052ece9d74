import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../modules/identity/demo/demo-people.js';
import { demoAccounts } from '../modules/identity/demo/seed-identity.js';
import { demoBanner } from './demo-banner.js';

describe('the demo banner of npm start', () => {
  it('prints the address, the password and each account with the language it signs in to', () => {
    const banner = demoBanner(demoAccounts(), 'http://localhost:3000');
    expect(banner).toContain('Diploma Platform is running at http://localhost:3000');
    expect(banner).toContain(`password for all: ${DEMO_PASSWORD}`);
    const rows = banner
      .split('\n')
      .filter((line) => line.includes('@'))
      .map((line) => line.trim().split(/\s+/));
    expect(rows).toEqual([
      ['administrator', 'admin@example.org', 'French'],
      ['manager', 'manager@example.org', 'Spanish'],
      ['facilitator', 'facilitator@example.org', 'French'],
      ['assessor', 'assessor@example.org', 'English'],
      ['participant', 'participant@example.org', 'English'],
    ]);
  });

  it('names any account language in English words', () => {
    const banner = demoBanner(
      { password: 'p', accounts: [{ role: 'participant', email: 'a@example.org', locale: 'es' }] },
      'http://x',
    );
    expect(banner).toMatch(/participant\s+a@example\.org\s+Spanish\n/);
  });
});
