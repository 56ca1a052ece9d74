import type { Locale, Translator } from '../../../../i18n/i18n.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, describedBy, ErrorSummary, Field } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { CheckedCredential } from '../../verifying/submitted-credential.js';
import { CodeLookup } from './verify-page.js';

/** A check's message in the reader's language (the code itself when no message exists for it). */
function checkMessage(t: Translator, id: string, code: string): string {
  const key = `credential.check.${id}.${code}`;
  return t.has(key) ? t.t(key) : code;
}

/** What the checked credential says, labelled as its own claims (trustworthy only when it is valid). */
function Claims({ t, locale, checked }: { t: Translator; locale: Locale; checked: CheckedCredential }) {
  const content = checked.content;
  if (!content) return null;
  const rows: [string, string][] = [
    [t.t('credential.web.verify.holder'), content.holderName],
    [t.t('credential.web.check.credentialName'), pickLocalized(content.title, locale).text],
    [t.t('credential.web.verify.issuer'), pickLocalized(content.issuerName, locale).text],
    [t.t('credential.web.verify.awardedOn'), content.awardedOn ? t.date(content.awardedOn, 'long') : ''],
    [t.t('credential.web.verify.validUntil'), content.validUntil ? t.date(content.validUntil, 'long') : ''],
  ];
  return (
    <>
      <h3>{t.t('credential.web.check.says')}</h3>
      <p class="hint">
        {t.t(checked.valid ? 'credential.web.check.saysValid' : 'credential.web.check.saysInvalid')}
      </p>
      <dl class="facts">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd dir="auto">{value}</dd>
            </>
          ))}
      </dl>
    </>
  );
}

/** The outcome of a check: the verdict, then each of the five checks with pass/fail and its message. */
function CheckResults({ t, locale, checked }: { t: Translator; locale: Locale; checked: CheckedCredential }) {
  const verdict = checked.valid ? 'valid' : 'invalid';
  return (
    <section class="check-results" aria-labelledby="check-results-title">
      <h2 id="check-results-title">{t.t('credential.web.check.resultTitle')}</h2>
      <div class={`verdict verdict-${checked.valid ? 'valid' : 'revoked'}`}>
        <p class="verdict-status">
          <span class="verdict-sign" aria-hidden="true">
            {checked.valid ? '✓' : '✗'}
          </span>{' '}
          {t.t(`credential.web.check.verdict.${verdict}`)}
        </p>
        <p class="verdict-meaning">
          {t.t(`credential.web.check.meaning.${verdict}`, {
            kind: t.t(`credential.web.check.kind.${checked.kind}`),
          })}
        </p>
      </div>
      <table class="checks">
        <caption>{t.t('credential.web.check.checksCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('credential.web.check.check')}</th>
            <th scope="col">{t.t('credential.web.check.outcome')}</th>
            <th scope="col">{t.t('credential.web.check.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {checked.checks.map((check) => (
            <tr class={check.ok ? 'passed' : 'failed'}>
              <th scope="row">{t.t(`credential.checkName.${check.id}`)}</th>
              <td>
                <span class={`badge status-${check.ok ? 'valid' : 'revoked'}`}>
                  <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
                  {t.t(check.ok ? 'credential.web.check.passed' : 'credential.web.check.failed')}
                </span>
              </td>
              <td>{checkMessage(t, check.id, check.code)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {checked.ownPage ? (
        <p>
          <a href={checked.ownPage}>{t.t('credential.web.check.ownPage')}</a>
        </p>
      ) : null}
      <Claims t={t} locale={locale} checked={checked} />
    </section>
  );
}

interface Props {
  ctx: PageContext;
  checked?: CheckedCredential | undefined;
  /** The pasted text to show again (after a refusal). */
  pasted?: string | undefined;
  errors?: FieldMessages;
  /** The largest accepted credential, in kilobytes (for the hint). */
  maxKilobytes: number;
}

/**
 * `/verify`: look a credential up by its printed code, or check one you were given — paste its JSON or
 * JWT, or choose its file — and see each check (schema, proof, status, validity dates, issuer) with
 * pass/fail. Nothing submitted is stored.
 */
export function CheckCredentialPage({ ctx, checked, pasted, errors = {}, maxKilobytes }: Props) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t.t('credential.web.check.title')}
      description={t.t('credential.web.check.intro')}
    >
      <p class="eyebrow">{t.t('credential.web.verify.eyebrow')}</p>
      <h1>{t.t('credential.web.check.title')}</h1>
      {checked ? <CheckResults t={t} locale={ctx.locale} checked={checked} /> : null}
      <h2>{t.t('credential.web.lookup.title')}</h2>
      <CodeLookup t={t} />
      <h2>{t.t('credential.web.check.formTitle')}</h2>
      <p>{t.t('credential.web.check.intro')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/verify" enctype="multipart/form-data" class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <Field
          name="credential"
          label={t.t('credential.web.check.paste')}
          errors={errors}
          hint={t.t('credential.web.check.pasteHint')}
        >
          <textarea
            {...describedBy('credential', errors, 'hint')}
            rows={8}
            spellcheck={false}
            autocomplete="off"
            class="code"
          >
            {pasted ?? ''}
          </textarea>
        </Field>
        <Field
          name="file"
          label={t.t('credential.web.check.file')}
          errors={errors}
          hint={t.t('credential.web.check.fileHint', { size: maxKilobytes })}
        >
          <input
            {...describedBy('file', errors, 'hint')}
            type="file"
            accept=".json,.jwt,.jsonld,application/json,application/ld+json,application/vc+jwt,text/plain"
          />
        </Field>
        <button type="submit">{t.t('credential.web.check.submit')}</button>
      </form>
    </Layout>
  );
}
