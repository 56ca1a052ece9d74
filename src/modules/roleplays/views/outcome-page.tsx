/** The outcome document's editor: the current text, the version it is based on, the rendered history. */
import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary, TextArea } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { RoleplayView } from '../get-roleplay.js';
import { OUTCOME_MAX } from '../roleplay.js';

interface Props {
  ctx: PageContext;
  view: RoleplayView;
  errors?: FieldMessages;
  /** The text typed before a refused save (kept, never lost). */
  typed?: string | undefined;
}

export function OutcomePage({ ctx, view, errors = {}, typed }: Props) {
  const { t } = ctx;
  const title = pickLocalized(view.item.title, ctx.locale).text;
  return (
    <Layout ctx={ctx} title={t.t('roleplays.outcome.pageTitle', { title })}>
      <p class="breadcrumb">
        <a href={`/spaces/${view.item.editionId}/items/${view.item.id}`}>{title}</a>
      </p>
      <h1>{t.t('roleplays.outcome.pageTitle', { title })}</h1>
      <ErrorSummary t={t} errors={errors} />
      <p class="hint">{t.t('roleplays.outcome.hint')}</p>
      <form method="post" action={`/roleplays/${view.item.id}/outcome`}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="baseVersion" value={String(view.outcome.version)} />
        <TextArea
          name="body"
          label={t.t('roleplays.outcome.edit')}
          value={typed ?? view.outcome.body}
          errors={errors}
          rows={20}
          maxLength={OUTCOME_MAX}
        />
        {typed !== undefined && typed !== view.outcome.body ? (
          <details open>
            <summary>{t.t('roleplays.outcome.latest', { version: view.outcome.version })}</summary>
            <pre class="outcome-version">{view.outcome.body}</pre>
          </details>
        ) : null}
        <button type="submit">{t.t('roleplays.outcome.save')}</button>
      </form>
    </Layout>
  );
}
