import { Csrf, ErrorSummary, TextField } from './components.js';
import type { FieldMessages, PageContext } from './page-context.js';

/** One secret in the list: what it is called, the part of it that may be shown again, its dates. */
export interface TokenRow {
  id: string;
  name: string;
  /** The visible part (a prefix, a key): never the secret itself. */
  shown: string;
  createdAt: string;
  /** Left out where the use of the secret is not recorded (no "last used" column then). */
  lastUsedAt?: string | null;
  revokedAt: string | null;
}

/** What a page of secrets shows besides the list: the one just created, or the form's failed values. */
export interface TokensPageState {
  /** The secret just created, shown on this response only. */
  created?: { name: string; secret: string } | undefined;
  values?: Record<string, string | null | undefined>;
  errors?: FieldMessages;
}

interface TokensListProps extends TokensPageState {
  ctx: PageContext;
  /**
   * The prefix of the message ids: `<messages>.` createdOnce, name, create, none, listCaption, created,
   * status, revokedOn, revoke, revokeNamed; lastUsed and never with a "last used" column; nameHint when
   * `hasNameHint`.
   */
  messages: string;
  /** The message id of the visible part's column heading. */
  shownHeading: string;
  hasNameHint?: boolean;
  /** Where the form posts; each secret is revoked at `<action>/<id>/revoke`. */
  action: string;
  nameMaxLength: number;
  tokens: TokenRow[];
}

/**
 * Secrets a page hands out (personal API tokens, the LRS's credentials): the one just created, the form
 * that names a new one, and the list with a "Revoke" button for those still valid.
 */
export function TokensList(props: TokensListProps) {
  const { ctx, messages, action, tokens, created, values = {}, errors = {} } = props;
  const { t } = ctx;
  const text = (suffix: string, params?: Record<string, string>) => t.t(`${messages}.${suffix}`, params);
  const hasLastUsed = tokens.some((token) => token.lastUsedAt !== undefined);
  return (
    <>
      {created ? (
        <div class="notice" role="status">
          <p>{text('createdOnce', { name: created.name })}</p>
          <p>
            <code class="secret">{created.secret}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={action} class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        <TextField
          name="name"
          label={text('name')}
          hint={props.hasNameHint ? text('nameHint') : undefined}
          value={values.name}
          errors={errors}
          maxLength={props.nameMaxLength}
          required
        />
        <button type="submit">{text('create')}</button>
      </form>
      {tokens.length === 0 ? (
        <p>{text('none')}</p>
      ) : (
        <table>
          <caption>{text('listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text('name')}</th>
              <th scope="col">{t.t(props.shownHeading)}</th>
              <th scope="col">{text('created')}</th>
              {hasLastUsed ? <th scope="col">{text('lastUsed')}</th> : null}
              <th scope="col">{text('status')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr>
                <td>{token.name}</td>
                <td>
                  <code>{token.shown}</code>
                </td>
                <td>{t.dateTime(token.createdAt)}</td>
                {hasLastUsed ? (
                  <td>{token.lastUsedAt ? t.dateTime(token.lastUsedAt) : text('never')}</td>
                ) : null}
                <td>
                  {token.revokedAt ? (
                    text('revokedOn', { date: t.dateTime(token.revokedAt) })
                  ) : (
                    <form method="post" action={`${action}/${token.id}/revoke`} class="inline">
                      <Csrf token={ctx.csrf} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={text('revokeNamed', { name: token.name })}
                      >
                        {text('revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
