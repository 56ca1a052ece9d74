import { LOCALES } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { Builder } from '../get-builder.js';
import { PHASES } from '../spaces.js';
import { SECTION_TITLE_MAX } from '../spaces.schemas.js';
import { Text } from './space-parts.js';

/** Up/down arrows and remove, each a small form (works without JavaScript). */
function RowActions({ ctx, path, label }: { ctx: PageContext; path: string; label: string }) {
  const { t } = ctx;
  return (
    <span class="row-actions">
      {(['up', 'down'] as const).map((direction) => (
        <form method="post" action={`${path}/move`} class="inline">
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="direction" value={direction} />
          <button
            type="submit"
            class="secondary"
            aria-label={t.t(`spaces.build.move.${direction}`, { name: label })}
          >
            {direction === 'up' ? '↑' : '↓'}
          </button>
        </form>
      ))}
      <form method="post" action={`${path}/remove`} class="inline">
        <Csrf token={ctx.csrf} />
        <button type="submit" class="secondary" aria-label={t.t('spaces.build.remove', { name: label })}>
          {t.t('spaces.build.removeShort')}
        </button>
      </form>
    </span>
  );
}

/** The section form's fields (title per language, phase). */
export function SectionFields({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <>
      {LOCALES.map((l) => (
        <TextField
          name={`title.${l}`}
          label={t.t('spaces.build.sectionTitle', { language: t.t(`spaces.language.${l}`) })}
          value={values[`title.${l}`]}
          errors={errors}
          maxLength={SECTION_TITLE_MAX}
          lang={l}
        />
      ))}
      <SelectField
        name="phase"
        label={t.t('spaces.build.phase')}
        value={values.phase}
        options={PHASES.map((p) => ({ value: p, label: t.t(`spaces.phase.${p}`) }))}
        empty={t.t('spaces.build.noPhase')}
        errors={errors}
      />
    </>
  );
}

interface Props {
  ctx: PageContext;
  builder: Builder;
  values?: Record<string, string>;
  errors?: FieldMessages;
}

/** The builder's overview: sections and items in order with their actions, a form to add a section. */
export function BuilderPage({ ctx, builder, values = {}, errors = {} }: Props) {
  const { t } = ctx;
  const base = `/spaces/${builder.edition.id}`;
  const title = t.t('spaces.build.title');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={base}>
          <Text value={builder.edition.courseTitle} locale={ctx.locale} />
        </a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {builder.sections.length === 0 ? <p>{t.t('spaces.build.empty')}</p> : null}
      {builder.sections.map((section) => {
        const sectionName = Object.values(section.title).find(Boolean) ?? '';
        return (
          <section aria-labelledby={`s-${section.id}`} class="card space-section">
            <h2 id={`s-${section.id}`}>
              <Text value={section.title} locale={ctx.locale} />
              {section.phase ? <small> · {t.t(`spaces.phase.${section.phase}`)}</small> : null}
            </h2>
            <p>
              <a href={`${base}/build/sections/${section.id}`}>{t.t('spaces.build.editSection')}</a>{' '}
              <RowActions ctx={ctx} path={`${base}/build/sections/${section.id}`} label={sectionName} />
            </p>
            <ol class="space-items">
              {section.items.map((item) => {
                const name = Object.values(item.title).find(Boolean) ?? '';
                const kind = builder.kinds.find((k) => k.kind === item.kind);
                return (
                  <li>
                    <a href={`${base}/build/items/${item.id}`}>
                      <Text value={item.title} locale={ctx.locale} />
                    </a>{' '}
                    <small>
                      {kind ? t.t(kind.label) : item.kind} · {t.t(`spaces.rule.${item.completionRule}`)} ·{' '}
                      {t.t(item.required ? 'spaces.state.required' : 'spaces.state.optional')}
                    </small>{' '}
                    <RowActions ctx={ctx} path={`${base}/build/items/${item.id}`} label={name} />
                  </li>
                );
              })}
            </ol>
            <p class="add-item">
              {t.t('spaces.build.addItem')}{' '}
              {builder.kinds.map((k) => (
                <>
                  <a
                    class="button secondary"
                    href={
                      k.definition.createPath?.(builder.edition.id, section.id) ??
                      `${base}/build/items/new?section=${section.id}&kind=${encodeURIComponent(k.kind)}`
                    }
                  >
                    {t.t(k.label)}
                  </a>{' '}
                </>
              ))}
            </p>
          </section>
        );
      })}
      <section aria-labelledby="add-section">
        <h2 id="add-section">{t.t('spaces.build.addSection')}</h2>
        <form method="post" action={`${base}/build/sections`} class="stack narrow" novalidate>
          <Csrf token={ctx.csrf} />
          <SectionFields ctx={ctx} values={values} errors={errors} />
          <button type="submit">{t.t('spaces.build.addSection')}</button>
        </form>
      </section>
      {builder.copySources.length ? (
        <section aria-labelledby="copy-space">
          <h2 id="copy-space">{t.t('spaces.copy.title')}</h2>
          <p class="hint">{t.t('spaces.copy.hint')}</p>
          <form method="post" action={`${base}/build/copy`} class="stack narrow" novalidate>
            <Csrf token={ctx.csrf} />
            <SelectField
              name="fromEditionId"
              label={t.t('spaces.copy.from')}
              value={values.fromEditionId}
              options={builder.copySources.map((e) => ({
                value: e.id,
                label: `${e.code ?? ''} ${t.date(e.startsOn)} (${e.language.toUpperCase()})`.trim(),
              }))}
              errors={errors}
            />
            <button type="submit">{t.t('spaces.copy.submit')}</button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
