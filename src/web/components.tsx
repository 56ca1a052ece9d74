import type { ComponentChildren } from 'preact';
import type { Translator } from '../i18n/i18n.js';
import type { PickedText } from '../i18n/localized.js';
import type { FieldMessages } from './page-context.js';

/** The hidden CSRF field every POST form carries. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A list of the form's problems at its top, each linking to its field (read first by screen readers). */
export function ErrorSummary({ t, errors }: { t: Translator; errors: FieldMessages }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{t.t('form.errorSummary', { count: entries.length })}</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li>
            <a href={`#field-${path}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldMessages;
  hint?: string | undefined;
  children: ComponentChildren;
}

/** A labelled field with its hint and error, wired with aria-describedby. */
export function Field({ name, label, errors, hint, children }: FieldProps) {
  const error = errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`field-${name}`}>{label}</label>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`error-${name}`}>
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** The aria attributes of an input inside a Field. */
export function describedBy(name: string, errors?: FieldMessages, hint?: string) {
  const ids = [hint ? `hint-${name}` : null, errors?.[name] ? `error-${name}` : null].filter(Boolean);
  return {
    id: `field-${name}`,
    name,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': errors?.[name] ? ('true' as const) : undefined,
  };
}

interface TextFieldProps {
  name: string;
  label: string;
  value?: string | number | null | undefined;
  errors?: FieldMessages;
  hint?: string | undefined;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  lang?: string;
  /** `auto` for people's names and other text that may be written right to left. */
  dir?: 'auto' | 'ltr' | 'rtl';
}

export function TextField(props: TextFieldProps) {
  const {
    name,
    label,
    value,
    errors,
    hint,
    type = 'text',
    required,
    autocomplete,
    maxLength,
    min,
    max,
    lang,
    dir,
  } = props;
  return (
    <Field name={name} label={label} errors={errors} hint={hint}>
      <input
        {...describedBy(name, errors, hint)}
        type={type as 'text'}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        maxLength={maxLength}
        min={min}
        max={max}
        lang={lang}
        dir={dir}
      />
    </Field>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  value?: string | null | undefined;
  errors?: FieldMessages;
  hint?: string | undefined;
  rows?: number;
  maxLength?: number;
  lang?: string;
}

export function TextArea({ name, label, value, errors, hint, rows = 4, maxLength, lang }: TextAreaProps) {
  return (
    <Field name={name} label={label} errors={errors} hint={hint}>
      <textarea {...describedBy(name, errors, hint)} rows={rows} maxLength={maxLength} lang={lang}>
        {value ?? ''}
      </textarea>
    </Field>
  );
}

/** A form's state as its fields read it: the translator, the values shown and the problems found. */
export interface FormState {
  t: Translator;
  values: Record<string, string | null | undefined>;
  errors: FieldMessages;
}

type FormFieldProps<P> = Omit<P, 'label' | 'hint' | 'value' | 'errors'> & {
  form: FormState;
  /** Message ids of the label and hint. */
  label: string;
  hint?: string;
};

/** A TextField (a TextArea with `rows`) whose label, hint, value and error come from the form's state. */
export function FormField({ form, label, hint, ...rest }: FormFieldProps<TextFieldProps & TextAreaProps>) {
  const shared = {
    label: form.t.t(label),
    hint: hint ? form.t.t(hint) : undefined,
    value: form.values[rest.name],
    errors: form.errors,
  };
  return rest.rows ? <TextArea {...rest} {...shared} /> : <TextField {...rest} {...shared} />;
}

interface SelectFieldProps {
  name: string;
  label: string;
  value?: string | null | undefined;
  options: readonly { value: string; label: string }[];
  errors?: FieldMessages;
  hint?: string | undefined;
  /** Label of an empty first option (none when absent). */
  empty?: string;
}

export function SelectField({ name, label, value, options, errors, hint, empty }: SelectFieldProps) {
  const emptyOption = empty !== undefined ? <option value="">{empty}</option> : null;
  return (
    <Field name={name} label={label} errors={errors} hint={hint}>
      {options.length >= LONG_LIST ? (
        // A long list (every country) is the same array on every page: its markup is made once.
        <select
          {...describedBy(name, errors, hint)}
          dangerouslySetInnerHTML={{
            __html: `${empty !== undefined ? `<option value>${escapeHtml(empty)}</option>` : ''}${optionsHtml(options, value)}`,
          }}
        />
      ) : (
        <select {...describedBy(name, errors, hint)}>
          {emptyOption}
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** From this many options, a select's options are rendered once per options array (see optionsHtml). */
const LONG_LIST = 40;

type Options = readonly { value: string; label: string }[];
const renderedOptions = new WeakMap<Options, { html: string; starts: Map<string, [number, number]> }>();

/** Text or attribute value escaped as preact-render-to-string escapes it (`&`, `<` and `"`; not `>`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}

/**
 * The `<option>` elements of a long, stable options array (the countries of one language), byte for byte
 * what preact renders, made once per array; the chosen value gets its `selected` attribute per call.
 * Rendering 250 option elements per select was a large part of the pages with a country field or filter.
 */
export function optionsHtml(options: Options, value: string | null | undefined): string {
  let rendered = renderedOptions.get(options);
  if (!rendered) {
    let html = '';
    const starts = new Map<string, [number, number]>();
    for (const option of options) {
      // preact writes an empty attribute bare (`<option value>`).
      const open = option.value === '' ? '<option value' : `<option value="${escapeHtml(option.value)}"`;
      if (!starts.has(option.value)) starts.set(option.value, [html.length, open.length]);
      html += `${open}>${escapeHtml(option.label)}</option>`;
    }
    rendered = { html, starts };
    renderedOptions.set(options, rendered);
  }
  const at = value == null ? undefined : rendered.starts.get(value);
  if (!at) return rendered.html;
  const cut = at[0] + at[1];
  return `${rendered.html.slice(0, cut)} selected${rendered.html.slice(cut)}`;
}

interface CheckboxGroupProps {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  errors?: FieldMessages;
}

/** A fieldset of checkboxes sharing one name (the form posts the name once per ticked box). */
export function CheckboxGroup({ name, legend, options, checked, errors }: CheckboxGroupProps) {
  const error = errors?.[name];
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id={`field-${name}`}>
      <legend>{legend}</legend>
      {error ? (
        <p class="error" id={`error-${name}`}>
          {error}
        </p>
      ) : null}
      {options.map((o) => (
        <label class="check">
          <input type="checkbox" name={name} value={o.value} checked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Managers' text in the reader's language; when it is another language, it is marked as such. */
export function Localized({
  t,
  text,
  as: Tag = 'span',
}: {
  t: Translator;
  text: PickedText;
  as?: 'span' | 'p' | 'div';
}) {
  if (!text.isFallback) return <Tag>{text.text}</Tag>;
  return (
    <Tag lang={text.lang}>
      {text.text}{' '}
      <small class="fallback" lang={t.locale}>
        {t.t('content.fallback', { language: t.t(`language.${text.lang}`) })}
      </small>
    </Tag>
  );
}

/** Paragraphs from plain text written by managers (blank lines separate paragraphs). */
export function Paragraphs({ t, text }: { t: Translator; text: PickedText }) {
  const paragraphs = text.text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <div lang={text.isFallback ? text.lang : undefined} class="prose">
      {text.isFallback ? (
        <p class="fallback" lang={t.locale}>
          {t.t('content.fallback', { language: t.t(`language.${text.lang}`) })}
        </p>
      ) : null}
      {paragraphs.map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

export { Pagination, pageNumbersShown } from './pagination.js';

interface LocalizedFieldsProps {
  t: Translator;
  name: string;
  legend: string;
  values: Record<string, string | undefined>;
  errors?: FieldMessages;
  multiline?: boolean;
  maxLength: number;
  hint?: string;
}

/** One text per interface language (`name.en`, `name.fr`, `name.es`), grouped under a legend. */
export function LocalizedFields({
  t,
  name,
  legend,
  values,
  errors = {},
  multiline = false,
  maxLength,
  hint,
}: LocalizedFieldsProps) {
  const groupError = errors[name];
  return (
    <fieldset class="localized">
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {groupError ? <p class="error">{groupError}</p> : null}
      {(['en', 'fr', 'es'] as const).map((locale) => {
        const field = `${name}.${locale}`;
        const label = t.t('form.inLanguage', { language: t.t(`language.${locale}`) });
        return multiline ? (
          <TextArea
            name={field}
            label={label}
            value={values[field]}
            errors={errors}
            maxLength={maxLength}
            lang={locale}
            rows={5}
          />
        ) : (
          <TextField
            name={field}
            label={label}
            value={values[field]}
            errors={errors}
            maxLength={maxLength}
            lang={locale}
          />
        );
      })}
    </fieldset>
  );
}

/** Form values for LocalizedFields from a stored localized text. */
export function localizedValues(name: string, text: Partial<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of ['en', 'fr', 'es']) out[`${name}.${locale}`] = text[locale] ?? '';
  return out;
}
