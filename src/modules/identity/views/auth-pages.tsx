import type { ComponentChildren } from 'preact';
import { LOCALES, type Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, FormField, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { EMAIL_MAX_LENGTH, FULL_NAME_MAX_LENGTH } from '../identity.schemas.js';
import type { DemoAccount } from '../list-demo-accounts.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../passwords/password.js';

type Values = Record<string, string | undefined>;

/**
 * The form every sign-in page shares: its problem (not about one field) and error summary on top, the
 * CSRF field, the fields, and one submit button.
 */
function AuthForm({
  ctx,
  action,
  submit,
  errors,
  problem,
  children,
}: {
  ctx: PageContext;
  action: string;
  /** The message id of the submit button. */
  submit: string;
  errors: FieldMessages;
  problem?: string | undefined;
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <>
      {problem ? (
        <p class="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={action} class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        {children}
        <button type="submit">{t.t(submit)}</button>
      </form>
    </>
  );
}

/** The email address field of the sign-in pages. */
function EmailField({
  t,
  values,
  errors,
  autocomplete = 'email',
  maxLength,
}: {
  t: Translator;
  values: Values;
  errors: FieldMessages;
  autocomplete?: 'email' | 'username';
  maxLength?: number;
}) {
  return (
    <FormField
      form={{ t, values, errors }}
      name="email"
      type="email"
      label="field.email"
      autocomplete={autocomplete}
      maxLength={maxLength}
      required
    />
  );
}

export function SignUpPage({
  ctx,
  values = {},
  errors = {},
  next = '/',
}: {
  ctx: PageContext;
  values?: Values;
  errors?: FieldMessages;
  /** Where to go once the account is confirmed and signed in. */
  next?: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('signUp.title')}>
      <h1>{t.t('signUp.title')}</h1>
      <p>{t.t('signUp.intro')}</p>
      <AuthForm ctx={ctx} action="/sign-up" submit="signUp.submit" errors={errors}>
        {next !== '/' ? <input type="hidden" name="next" value={next} /> : null}
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
        <EmailField t={t} values={values} errors={errors} maxLength={EMAIL_MAX_LENGTH} />
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
      </AuthForm>
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

/** Ask for a new confirmation link (the first expired, was used, or never came). */
export function NewConfirmationLinkPage({
  ctx,
  expired = false,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  expired?: boolean;
  values?: Values;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const title = t.t(expired ? 'newConfirmation.expiredTitle' : 'newConfirmation.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {expired ? <p>{t.t('errors.token_invalid')}</p> : null}
      <p>{t.t('newConfirmation.intro')}</p>
      <AuthForm ctx={ctx} action="/confirm-email/new" submit="newConfirmation.submit" errors={errors}>
        <EmailField t={t} values={values} errors={errors} />
      </AuthForm>
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
      <AuthForm ctx={ctx} action="/sign-in" submit="signIn.submit" errors={errors} problem={problem}>
        <input type="hidden" name="next" value={next} />
        <EmailField t={t} values={values} errors={errors} autocomplete="username" />
        <TextField
          name="password"
          type="password"
          label={t.t('field.password')}
          errors={errors}
          autocomplete="current-password"
          required
        />
      </AuthForm>
      <p>
        <a href="/password/forgot">{t.t('signIn.forgot')}</a>
      </p>
      <p>
        {t.t('signIn.noAccount')}{' '}
        <a href={next === '/' ? '/sign-up' : `/sign-up?next=${encodeURIComponent(next)}`}>
          {t.t('nav.signUp')}
        </a>
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
      <AuthForm ctx={ctx} action="/password/forgot" submit="forgot.submit" errors={errors} problem={problem}>
        <EmailField t={t} values={values} errors={errors} />
      </AuthForm>
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
      <AuthForm
        ctx={ctx}
        action={`/password/reset/${encodeURIComponent(token)}`}
        submit="reset.submit"
        errors={errors}
      >
        <TextField
          name="password"
          type="password"
          label={t.t('field.newPassword')}
          hint={t.t('field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          errors={errors}
          autocomplete="new-password"
          required
        />
      </AuthForm>
    </Layout>
  );
}
