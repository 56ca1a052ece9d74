import { LOCALES } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, Field, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { Builder, BuilderKind } from '../get-builder.js';
import type { SettingsChoices } from '../space-item-kind.js';
import type { ViewItem } from '../space-view.js';
import { toLocalInput } from '../spaces.js';
import { ITEM_TITLE_MAX } from '../spaces.schemas.js';

interface Props {
  ctx: PageContext;
  builder: Builder;
  kind: BuilderKind;
  /** The item being changed, or null for a new one. */
  item: ViewItem | null;
  sectionId: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
  /** The kind's edition-dependent options (`settingsChoices`). */
  choices?: SettingsChoices;
}

/** The values an item form shows: what was typed (after a refusal), else the saved item. */
function formValues(
  item: ViewItem | null,
  sectionId: string,
  timeZone: string,
  typed?: Record<string, string>,
) {
  if (typed) return typed;
  const values: Record<string, string> = { sectionId, timeZone };
  if (!item) return { ...values, required: 'on' };
  for (const l of LOCALES) values[`title.${l}`] = item.title[l] ?? '';
  values.completionRule = item.completionRule;
  if (item.required) values.required = 'on';
  values.availableFrom = toLocalInput(item.availableFrom, timeZone);
  values.dueAt = toLocalInput(item.dueAt, timeZone);
  values.afterItemId = item.afterItemId ?? '';
  return values;
}

/** Adds or changes an item of any kind: title, the kind's fields, availability, due date, completion, required. */
export function ItemFormPage(props: Props) {
  const { ctx, builder, kind, item, sectionId, values: typed, errors = {}, choices = {} } = props;
  const { t } = ctx;
  const base = `/spaces/${builder.edition.id}`;
  const values = formValues(item, sectionId, builder.timeZone, typed);
  const title = t.t(item ? 'spaces.build.editItemTitle' : 'spaces.build.newItemTitle', {
    kind: t.t(kind.label),
  });
  const uploads = kind.definition.uploads === true;
  const zone = builder.timeZone.replaceAll('_', ' ');
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={`${base}/build`}>{t.t('spaces.build.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action={item ? `${base}/build/items/${item.id}` : `${base}/build/items`}
        class="stack"
        enctype={uploads ? 'multipart/form-data' : undefined}
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="kind" value={kind.kind} />
        <input type="hidden" name="timeZone" value={builder.timeZone} />
        {LOCALES.map((l) => (
          <TextField
            name={`title.${l}`}
            label={t.t('spaces.build.itemTitle', { language: t.t(`spaces.language.${l}`) })}
            value={values[`title.${l}`]}
            errors={errors}
            maxLength={ITEM_TITLE_MAX}
            lang={l}
          />
        ))}
        {kind.definition.settingsFields?.(item, { t, values, errors, choices }) ?? (
          <p class="hint">{t.t('spaces.build.kindHasOwnPage')}</p>
        )}
        <SelectField
          name="sectionId"
          label={t.t('spaces.build.section')}
          value={values.sectionId}
          options={builder.sections.map((s) => ({
            value: s.id,
            label: Object.values(s.title).find(Boolean) ?? '',
          }))}
          errors={errors}
        />
        <SelectField
          name="completionRule"
          label={t.t('spaces.build.completionRule')}
          value={values.completionRule}
          options={kind.completionRules.map((r) => ({ value: r, label: t.t(`spaces.rule.${r}`) }))}
          errors={errors}
        />
        <Field name="required" label={t.t('spaces.build.requiredLabel')} errors={errors}>
          <input id="field-required" name="required" type="checkbox" checked={values.required === 'on'} />
        </Field>
        <TextField
          name="availableFrom"
          type="datetime-local"
          label={t.t('spaces.build.availableFrom')}
          hint={t.t('spaces.build.inZone', { zone })}
          value={values.availableFrom}
          errors={errors}
        />
        <SelectField
          name="afterItemId"
          label={t.t('spaces.build.after')}
          value={values.afterItemId}
          options={builder.items
            .filter((i) => i.id !== item?.id)
            .map((i) => ({ value: i.id, label: Object.values(i.title).find(Boolean) ?? '' }))}
          empty={t.t('spaces.build.afterNone')}
          errors={errors}
        />
        <TextField
          name="dueAt"
          type="datetime-local"
          label={t.t('spaces.build.dueAt')}
          hint={t.t('spaces.build.inZone', { zone })}
          value={values.dueAt}
          errors={errors}
        />
        <button type="submit">{t.t('form.save')}</button>
      </form>
      {item && kind.definition.editPath?.(item) ? (
        <p>
          <a href={kind.definition.editPath(item) ?? ''}>{t.t('spaces.build.kindPage')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
