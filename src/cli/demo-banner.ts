import type { SeedReport } from '../seed/seed-demo.js';

/** Language names for the banner (the command line speaks English). */
const languageNames = new Intl.DisplayNames('en', { type: 'language' });

/**
 * What `npm start` prints once the demo is up: the address, the shared password, and each demo account
 * with the interface language it signs in to (the administrator and the facilitator see French pages,
 * the manager Spanish ones: a surprise otherwise).
 */
export function demoBanner(report: Pick<SeedReport, 'accounts' | 'password'>, url: string): string {
  const width = Math.max(...report.accounts.map((a) => a.email.length));
  const lines = [
    '',
    `  Diploma Platform is running at ${url}`,
    '',
    `  Demo accounts (password for all: ${report.password}):`,
    ...report.accounts.map(
      (a) => `    ${a.role.padEnd(14)} ${a.email.padEnd(width)}  ${languageNames.of(a.locale) ?? a.locale}`,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
