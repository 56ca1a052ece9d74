import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../i18n/i18n.js';
import type { PageContext } from '../../../../web/page-context.js';
import type { CredentialVerificationView } from '../../verifying/get-credential-for-verification.js';
import { CredentialVerificationPage } from './verify-page.js';

/** The verification page as a pure view: the verdicts the HTTP tests cannot reach with our own credentials. */

const ctx = (locale: 'en' | 'fr'): PageContext => ({
  t: translator(locale),
  locale,
  path: '/verify/x',
  user: null,
  csrf: 'unused',
  flash: null,
  navigation: [],
});

function view(overrides: Partial<CredentialVerificationView> = {}): CredentialVerificationView {
  return {
    id: '01234567-89ab-7cde-8f01-23456789abcd',
    shortCode: 'ABCD-EFGH',
    kind: 'achievement',
    status: 'valid',
    statusReason: null,
    statusChangedAt: null,
    supersededBy: null,
    holderName: 'مريم الحسيني',
    locale: 'ar',
    title: { en: 'Certificate of Achievement — Academy' },
    achievement: { name: { en: 'Academy' }, description: {}, hours: '80', grade: null },
    issuer: { name: { en: 'Training Centre', fr: 'Centre de formation' }, url: null },
    issuedAt: '2026-11-28T10:00:00.000Z',
    awardedOn: '2026-06-27',
    validUntil: null,
    verifyUrl: 'http://localhost:3000/verify/x',
    shortUrl: 'http://localhost:3000/v/ABCD-EFGH',
    printedShortUrl: 'localhost:3000/v/ABCD-EFGH',
    components: [],
    ...overrides,
  };
}

describe('the verification page (view)', () => {
  it('says EXPIRED with the end of validity', () => {
    const fr = translator('fr');
    const html = renderToString(
      <CredentialVerificationPage
        ctx={ctx('fr')}
        view={view({ status: 'expired', validUntil: '2026-01-31T00:00:00Z' })}
        downloads={null}
      />,
    );
    expect(html).toContain('class="verdict verdict-expired"');
    expect(html).toContain(fr.t('credential.status.expired'));
    expect(html).toContain(
      fr.t('credential.web.verify.meaning.expired', { date: fr.date('2026-01-31', 'long') }),
    );
    expect(html).toContain(fr.t('credential.web.verify.validUntil'));
  });

  it('marks texts in another language, writes the name in its own direction, and links a replacement', () => {
    const en = translator('en');
    const html = renderToString(
      <CredentialVerificationPage
        ctx={ctx('fr')}
        view={view({
          status: 'revoked',
          statusReason: 'superseded',
          statusChangedAt: '2026-11-29T08:00:00Z',
          supersededBy: {
            id: 'new-id',
            shortCode: 'WXYZ-0123',
            verifyUrl: 'http://localhost:3000/verify/new-id',
          },
        })}
        downloads={null}
      />,
    );
    expect(html).toContain('<h1 lang="en">Certificate of Achievement — Academy</h1>');
    expect(html).toContain('<dd class="holder" dir="auto">مريم الحسيني</dd>');
    expect(html).toContain('href="/verify/new-id"');
    expect(html).toContain(translator('fr').t('credential.reason.superseded'));
    expect(html).toContain('Centre de formation');
    expect(html).not.toContain(en.t('credential.web.verify.downloads'));
  });
});
