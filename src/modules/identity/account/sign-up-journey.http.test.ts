import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, heading } from '../../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';

/** Signing up on the way to somewhere: the return address survives, the confirmation speaks the account's language. */

const es = translator('es');
const en = translator('en');
const APPLY = '/programmes/labour-migration/apply';

describe('sign-up on the way to an application', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
  });
  afterAll(async () => close?.());

  const linkTo = (to: string) => {
    const mails = deps.mailer.sent.filter((m) => m.to === to);
    return mails.at(-1)?.text.match(/\/confirm-email\/(\S+)/)?.[1];
  };

  it('keeps the return address through "Create an account" and confirms in the account’s language', async () => {
    const browser = new Client(app);
    const signIn = await browser.get(`/sign-in?next=${encodeURIComponent(APPLY)}`);
    expect(signIn.body).toContain(`href="/sign-up?next=${encodeURIComponent(APPLY)}"`);
    const signUp = await browser.get(`/sign-up?next=${encodeURIComponent(APPLY)}`);
    expect(signUp.body).toContain(`name="next" value="${APPLY}"`);
    const email = 'walker@example.org';
    const sent = await browser.send('/sign-up', {
      fullName: 'Walker Sin Prisa',
      email,
      password: 'a long enough password',
      preferredLocale: 'es',
      next: APPLY,
    });
    expect(sent.statusCode).toBe(303);
    const token = linkTo(email);
    expect(token).toBeTruthy();
    // The browser shows English pages (no cookie, no Accept-Language); the account speaks Spanish.
    const confirmed = await browser.get(`/confirm-email/${token}`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('<html lang="es"');
    expect(heading(confirmed.body)).toBe(es.t('confirm.title'));
    expect(confirmed.body).toContain(`href="/sign-in?next=${encodeURIComponent(APPLY)}"`);
    expect(String(confirmed.headers['set-cookie'])).toContain('dp_lang=es');
  });

  it('offers a new link when the link no longer works, without telling who has an account', async () => {
    const browser = new Client(app);
    const email = 'late@example.org';
    await browser.send('/sign-up', {
      fullName: 'Late Reader',
      email,
      password: 'a long enough password',
      preferredLocale: 'en',
    });
    const first = linkTo(email)!;
    expect((await browser.get(`/confirm-email/${first}`)).statusCode).toBe(200);
    const again = await browser.get(`/confirm-email/${first}`);
    expect(again.statusCode).toBe(410);
    expect(heading(again.body)).toBe(en.t('newConfirmation.expiredTitle'));
    expect(again.body).toContain('action="/confirm-email/new"');
    // A confirmed account gets no new link; an unconfirmed one does; an unknown address gets the same answer.
    const before = deps.mailer.sent.length;
    for (const address of [email, 'nobody@example.org'])
      expect((await browser.send('/confirm-email/new', { email: address })).headers.location).toBe(
        '/sign-up/sent',
      );
    expect(deps.mailer.sent.length).toBe(before);
    const pending = 'pending@example.org';
    await browser.send('/sign-up', {
      fullName: 'Pending',
      email: pending,
      password: 'a long enough password',
      preferredLocale: 'en',
    });
    const old = linkTo(pending);
    const asked = await browser.send('/confirm-email/new', { email: pending });
    expect(asked.headers.location).toBe('/sign-up/sent');
    const fresh = linkTo(pending);
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(old);
    expect((await browser.get(`/confirm-email/${fresh}`)).statusCode).toBe(200);
    const bad = await browser.send('/confirm-email/new', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect((await browser.get('/confirm-email/new')).statusCode).toBe(200);
  });
});
