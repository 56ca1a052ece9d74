import { countryName } from '../../../i18n/countries.js';
import type { OutboxEntry } from '../../../integrations/mail.js';
import { readMailMessage } from '../../../integrations/mail-reader.js';
import { ROLES, type Role } from '../../../kernel/actor.js';
import type { AuditTrail as Trail } from '../../../kernel/audit.js';
import { AuditTrail } from '../../../web/audit-trail.js';
import { CheckboxGroup, Csrf, Pagination, SelectField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { Account } from '../account/account.js';
import type { PeoplePage } from '../people.js';

export function PeopleListPage({ ctx, result }: { ctx: PageContext; result: PeoplePage }) {
  const { t } = ctx;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (result.query.q) params.set('q', result.query.q);
    if (result.query.role) params.set('role', result.query.role);
    params.set('page', String(page));
    return `/admin/people?${params}`;
  };
  return (
    <Layout ctx={ctx} title={t.t('people.title')}>
      <h1>{t.t('people.title')}</h1>
      <p class="actions">
        <a href="/admin/outbox">{t.t('outbox.title')}</a>
        <a href="/admin/jobs">{t.t('jobs.title')}</a>
        <a href="/admin/issuer">{t.t('credential.web.issuer.title')}</a>
      </p>
      <form method="get" action="/admin/people" class="filters" role="search">
        <div class="field">
          <label for="people-q">{t.t('people.search')}</label>
          <input id="people-q" name="q" type="search" value={result.query.q ?? ''} />
        </div>
        <SelectField
          name="role"
          label={t.t('people.role')}
          value={result.query.role ?? ''}
          options={ROLES.map((r) => ({ value: r, label: t.t(`role.${r}`) }))}
          empty={t.t('people.anyRole')}
        />
        <button type="submit">{t.t('form.filter')}</button>
      </form>
      <p>{t.t('people.count', { count: result.total })}</p>
      <table>
        <caption class="visually-hidden">{t.t('people.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('field.fullName')}</th>
            <th scope="col">{t.t('field.email')}</th>
            <th scope="col">{t.t('field.country')}</th>
            <th scope="col">{t.t('people.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {result.people.map((p) => (
            <tr>
              <td>
                <a href={`/admin/people/${p.id}`}>{p.fullName}</a>
              </td>
              <td>{p.email}</td>
              <td>{p.country ? countryName(p.country, ctx.locale) : ''}</td>
              <td>{p.roles.map((r) => t.t(`role.${r}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination t={t} page={result.page} pageCount={result.pageCount} href={href} />
    </Layout>
  );
}

interface PersonPageProps {
  ctx: PageContext;
  person: Account;
  audit: Trail;
  canManageRoles: boolean;
  problem?: string | undefined;
}

export function PersonPage({ ctx, person, audit, canManageRoles, problem }: PersonPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={person.fullName}>
      <p>
        <a href="/admin/people">{t.t('people.back')}</a>
      </p>
      <h1>{person.fullName}</h1>
      <dl class="facts">
        <dt>{t.t('field.email')}</dt>
        <dd>
          {person.email} {person.emailConfirmed ? '' : `(${t.t('people.unconfirmed')})`}
        </dd>
        <dt>{t.t('field.preferredLocale')}</dt>
        <dd>{t.t(`language.${person.preferredLocale}`)}</dd>
        {person.country ? (
          <>
            <dt>{t.t('field.country')}</dt>
            <dd>{countryName(person.country, ctx.locale)}</dd>
          </>
        ) : null}
        {person.constituency ? (
          <>
            <dt>{t.t('field.constituency')}</dt>
            <dd>{t.t(`constituency.${person.constituency}`)}</dd>
          </>
        ) : null}
        {person.organisation ? (
          <>
            <dt>{t.t('field.organisation')}</dt>
            <dd>{person.organisation}</dd>
          </>
        ) : null}
        <dt>{t.t('people.memberSince')}</dt>
        <dd>{t.dateTime(person.createdAt)}</dd>
      </dl>
      <h2>{t.t('people.roles')}</h2>
      {problem ? (
        <p class="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      {canManageRoles ? (
        <form method="post" action={`/admin/people/${person.id}/roles`} class="stack">
          <Csrf token={ctx.csrf} />
          <CheckboxGroup
            name="roles"
            legend={t.t('people.rolesLegend')}
            options={ROLES.map((r) => ({ value: r, label: t.t(`role.${r}`) }))}
            checked={person.roles}
          />
          <button type="submit">{t.t('people.saveRoles')}</button>
        </form>
      ) : (
        <p>{person.roles.map((r: Role) => t.t(`role.${r}`)).join(', ')}</p>
      )}
      <h2>{t.t('audit.title')}</h2>
      <AuditTrail ctx={ctx} trail={audit} />
    </Layout>
  );
}

/** The mail outbox (when no SMTP server is configured), newest first: headers, the plain text, the raw message. */
export function OutboxPage({
  ctx,
  entries,
  page = 1,
  pageCount = 1,
  total = entries.length,
}: {
  ctx: PageContext;
  entries: OutboxEntry[];
  page?: number;
  pageCount?: number;
  total?: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('outbox.title')}>
      <h1>{t.t('outbox.title')}</h1>
      <p>{t.t('outbox.intro')}</p>
      {entries.length === 0 ? (
        <p>{t.t('outbox.empty')}</p>
      ) : (
        <p>{t.t('notifications.outbox.total', { count: total })}</p>
      )}
      {entries.map((entry) => {
        const message = readMailMessage(entry.raw);
        return (
          <details class="outbox-message">
            <summary>
              {t.dateTime(entry.sentAt)} · {message.to} · {message.subject}
            </summary>
            <dl>
              <dt>{t.t('notifications.outbox.messageId')}</dt>
              <dd>
                <code>{message.messageId ?? ''}</code>
              </dd>
              <dt>{t.t('notifications.outbox.language')}</dt>
              <dd>{message.language ?? ''}</dd>
            </dl>
            <p>
              <strong>{t.t('notifications.outbox.plainText')}</strong>
            </p>
            <pre lang={message.language ?? undefined}>{message.text}</pre>
            <details>
              <summary>{t.t('notifications.outbox.raw')}</summary>
              <pre>{entry.raw}</pre>
            </details>
          </details>
        );
      })}
      <Pagination t={t} page={page} pageCount={pageCount} href={(n) => `/admin/outbox?page=${n}`} />
    </Layout>
  );
}
