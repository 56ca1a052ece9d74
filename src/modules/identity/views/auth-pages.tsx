import { LOCALES } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { EMAIL_MAX_LENGTH, FULL_NAME_MAX_LENGTH } from '../identity.schemas.js';
import type { DemoAccount } from '../list-demo-accounts.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password.js';

type Values = Record<string, string | undefined>;

export function SignUpPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('signUp.title')}>
      <h1>{t.t('signUp.title')}</h1>
      <p>{t.t('signUp.intro')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/sign-up" class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        <TextField
          name="fullName"
          label={t.t('field.fullName')}
          hint={t.t('signUp.fullNameHint')}
          value={values.fullName}
          errors={errors}
          autocomplete="name"
          dir="auto"
          maxLength={FULL_NAME_MAX_LENGTH}
          required
        />
        <TextField
          name="email"
          type="email"
          label={t.t('field.email')}
          value={values.email}
          errors={errors}
          autocomplete="email"
          maxLength={EMAIL_MAX_LENGTH}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t.t('field.password')}
          hint={t.t('field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          errors={errors}
          autocomplete="new-password"
          maxLength={PASSWORD_MAX_LENGTH}
          required
        />
        <SelectField
          name="preferredLocale"
          label={t.t('field.preferredLocale')}
          value={values.preferredLocale ?? ctx.locale}
          options={LOCALES.map((l) => ({ value: l, label: t.t(`language.${l}`) }))}
          errors={errors}
        />
        <button type="submit">{t.t('signUp.submit')}</button>
      </form>
      <p>
        {t.t('signUp.haveAccount')} <a href="/sign-in">{t.t('nav.signIn')}</a>
      </p>
    </Layout>
  );
}

/** "Check your email": the same page whether or not the address already had an account. */
export function MessagePage({
  ctx,
  titleKey,
  bodyKey,
  link,
}: {
  ctx: PageContext;
  titleKey: string;
  bodyKey: string;
  link?: { href: string; key: string };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t(titleKey)}>
      <h1>{t.t(titleKey)}</h1>
      <p>{t.t(bodyKey)}</p>
      {link ? (
        <p>
          <a href={link.href}>{t.t(link.key)}</a>
        </p>
      ) : null}
    </Layout>
  );
}

interface SignInProps {
  ctx: PageContext;
  values?: Values;
  errors?: FieldMessages;
  next: string;
  /** A problem that is not about one field (wrong credentials, too many attempts, unconfirmed). */
  problem?: string | undefined;
  /** The demo accounts present in this database (listed with their languages; none without the demo). */
  demoAccounts?: readonly DemoAccount[];
}

export function SignInPage({ ctx, values = {}, errors = {}, next, problem, demoAccounts = [] }: SignInProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('signIn.title')}>
      <h1>{t.t('signIn.title')}</h1>
      {problem ? (
        <p class="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/sign-in" class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          type="email"
          label={t.t('field.email')}
          value={values.email}
          errors={errors}
          autocomplete="username"
          required
        />
        <TextField
          name="password"
          type="password"
          label={t.t('field.password')}
          errors={errors}
          autocomplete="current-password"
          required
        />
        <button type="submit">{t.t('signIn.submit')}</button>
      </form>
      <p>
        <a href="/password/forgot">{t.t('signIn.forgot')}</a>
      </p>
      <p>
        {t.t('signIn.noAccount')} <a href="/sign-up">{t.t('nav.signUp')}</a>
      </p>
      {demoAccounts.length > 0 ? (
        <aside class="card demo-accounts" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">{t.t('signIn.demoTitle')}</h2>
          <p>{t.t('signIn.demoIntro')}</p>
          <ul>
            {demoAccounts.map((account) => (
              <li>
                {t.t('signIn.demoAccount', {
                  role: t.t(`role.${account.role}`),
                  email: account.email,
                  language: t.t(`language.${account.locale}`),
                })}
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </Layout>
  );
}

export function ForgotPasswordPage({
  ctx,
  values = {},
  errors = {},
  problem,
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldMessages;
  problem?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('forgot.title')}>
      <h1>{t.t('forgot.title')}</h1>
      <p>{t.t('forgot.intro')}</p>
      {problem ? (
        <p class="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/password/forgot" class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        <TextField
          name="email"
          type="email"
          label={t.t('field.email')}
          value={values.email}
          errors={errors}
          autocomplete="email"
          required
        />
        <button type="submit">{t.t('forgot.submit')}</button>
      </form>
    </Layout>
  );
}

export function ResetPasswordPage({
  ctx,
  token,
  errors = {},
}: {
  ctx: PageContext;
  token: string;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('reset.title')}>
      <h1>{t.t('reset.title')}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action={`/password/reset/${encodeURIComponent(token)}`}
        class="stack narrow"
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <TextField
          name="password"
          type="password"
          label={t.t('field.newPassword')}
          hint={t.t('field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          errors={errors}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t.t('reset.submit')}</button>
      </form>
    </Layout>
  );
}
