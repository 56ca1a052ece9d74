import { countryOptions } from '../../../i18n/countries.js';
import { LOCALES } from '../../../i18n/i18n.js';
import { TEACHING_LANGUAGES } from '../../../i18n/languages.js';
import { timeZoneNames } from '../../../i18n/time-zones.js';
import { CheckboxGroup, Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { TokensList, type TokensPageState } from '../../../web/tokens-list.js';
import type { Account } from '../account/account.js';
import {
  CONSTITUENCIES,
  FULL_NAME_MAX_LENGTH,
  ORGANISATION_MAX_LENGTH,
  TOKEN_NAME_MAX_LENGTH,
} from '../identity.schemas.js';
import { PASSWORD_MIN_LENGTH } from '../passwords/password.js';
import type { ApiTokenSummary } from '../sign-in/api-tokens.js';

type Values = Record<string, string | null | undefined>;

interface AccountPageProps {
  ctx: PageContext;
  account: Account;
  /** Which form failed, with its values and errors (the others show the saved account). */
  failed?: { form: 'profile' | 'email' | 'password'; values: Values; errors: FieldMessages };
}

export function AccountPage({ ctx, account, failed }: AccountPageProps) {
  const { t } = ctx;
  const profile: Values =
    failed?.form === 'profile'
      ? failed.values
      : {
          fullName: account.fullName,
          preferredLocale: account.preferredLocale,
          country: account.country,
          constituency: account.constituency,
          organisation: account.organisation,
          jobTitle: account.jobTitle,
          learningLanguages: account.learningLanguages.join(','),
          timeZone: account.timeZone,
        };
  const errorsOf = (form: string) => (failed?.form === form ? failed.errors : {});
  return (
    <Layout ctx={ctx} title={t.t('account.title')}>
      <h1>{t.t('account.title')}</h1>
      <p>
        {t.t('account.roles')}: {account.roles.map((r) => t.t(`role.${r}`)).join(', ')}
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t.t('account.profile')}</h2>
        <ErrorSummary t={t} errors={errorsOf('profile')} />
        <form method="post" action="/account/profile" class="stack narrow" novalidate>
          <Csrf token={ctx.csrf} />
          <TextField
            name="fullName"
            label={t.t('field.fullName')}
            hint={t.t('signUp.fullNameHint')}
            value={profile.fullName}
            errors={errorsOf('profile')}
            maxLength={FULL_NAME_MAX_LENGTH}
            autocomplete="name"
            dir="auto"
            required
          />
          <SelectField
            name="preferredLocale"
            label={t.t('field.preferredLocale')}
            value={profile.preferredLocale}
            options={LOCALES.map((l) => ({ value: l, label: t.t(`language.${l}`) }))}
            errors={errorsOf('profile')}
          />
          <SelectField
            name="country"
            label={t.t('field.country')}
            value={profile.country}
            options={countryOptions(ctx.locale)}
            empty={t.t('form.notSaid')}
            errors={errorsOf('profile')}
          />
          <SelectField
            name="constituency"
            label={t.t('field.constituency')}
            value={profile.constituency}
            options={CONSTITUENCIES.map((c) => ({ value: c, label: t.t(`constituency.${c}`) }))}
            empty={t.t('form.notSaid')}
            errors={errorsOf('profile')}
          />
          <TextField
            name="organisation"
            label={t.t('field.organisation')}
            value={profile.organisation}
            errors={errorsOf('profile')}
            maxLength={ORGANISATION_MAX_LENGTH}
            autocomplete="organization"
          />
          <TextField
            name="jobTitle"
            label={t.t('field.jobTitle')}
            value={profile.jobTitle}
            errors={errorsOf('profile')}
            maxLength={ORGANISATION_MAX_LENGTH}
            autocomplete="organization-title"
          />
          {/* Unticking every box must clear the list: the empty value says the group was on the form. */}
          <input type="hidden" name="learningLanguages" value="" />
          <CheckboxGroup
            name="learningLanguages"
            legend={t.t('account.learningLanguages')}
            options={TEACHING_LANGUAGES.map((code) => ({ value: code, label: t.t(`language.${code}`) }))}
            checked={(profile.learningLanguages ?? '').split(',')}
            errors={errorsOf('profile')}
          />
          <p class="hint">{t.t('account.learningLanguagesHint')}</p>
          <SelectField
            name="timeZone"
            label={t.t('field.timeZone')}
            hint={t.t('account.timeZoneHint')}
            value={profile.timeZone}
            options={timeZoneNames().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
            empty={t.t('form.notSaid')}
            errors={errorsOf('profile')}
          />
          <button type="submit">{t.t('form.save')}</button>
        </form>
      </section>
      <section aria-labelledby="email-heading">
        <h2 id="email-heading">{t.t('account.email')}</h2>
        <p>{t.t('account.currentEmail', { email: account.email })}</p>
        <ErrorSummary t={t} errors={errorsOf('email')} />
        <form method="post" action="/account/email" class="stack narrow" novalidate>
          <Csrf token={ctx.csrf} />
          <TextField
            name="newEmail"
            type="email"
            label={t.t('field.newEmail')}
            value={failed?.form === 'email' ? failed.values.newEmail : ''}
            errors={errorsOf('email')}
            autocomplete="email"
            required
          />
          <TextField
            name="currentPassword"
            type="password"
            label={t.t('field.currentPassword')}
            errors={errorsOf('email')}
            autocomplete="current-password"
            required
          />
          <button type="submit">{t.t('account.changeEmail')}</button>
        </form>
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t.t('account.password')}</h2>
        <ErrorSummary t={t} errors={errorsOf('password')} />
        <form method="post" action="/account/password" class="stack narrow" novalidate>
          <Csrf token={ctx.csrf} />
          <TextField
            name="currentPassword"
            type="password"
            label={t.t('field.currentPassword')}
            errors={errorsOf('password')}
            autocomplete="current-password"
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t.t('field.newPassword')}
            hint={t.t('field.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            errors={errorsOf('password')}
            autocomplete="new-password"
            required
          />
          <button type="submit">{t.t('account.changePassword')}</button>
        </form>
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t.t('tokens.title')}</h2>
        <p>
          <a href="/account/tokens">{t.t('tokens.manage')}</a>
        </p>
      </section>
      <section aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">{t.t('notifications.preferences.accountLink')}</h2>
        <p>{t.t('notifications.preferences.accountHint')}</p>
        <p>
          <a href="/account/notifications">{t.t('notifications.preferences.title')}</a>
        </p>
      </section>
    </Layout>
  );
}

interface TokensPageProps extends TokensPageState {
  ctx: PageContext;
  tokens: ApiTokenSummary[];
}

/** The person's personal API tokens: the one just created, the form for a new one, the list. */
export function TokensPage({ ctx, tokens, created, values = {}, errors = {} }: TokensPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('tokens.title')}>
      <h1>{t.t('tokens.title')}</h1>
      <p>{t.t('tokens.intro')}</p>
      <TokensList
        ctx={ctx}
        messages="tokens"
        shownHeading="tokens.prefix"
        hasNameHint
        action="/account/tokens"
        nameMaxLength={TOKEN_NAME_MAX_LENGTH}
        tokens={tokens.map((token) => ({ ...token, shown: `dp_${token.prefix}_…` }))}
        created={created}
        values={values}
        errors={errors}
      />
    </Layout>
  );
}
