/**
 * The fields of a dated entry that staff schedule (a role-play phase, a case's news): texts in every
 * interface language, moments typed as local date and time, and the time zone they are read in. One
 * component, so the forms of every module read and look the same.
 */
import type { Translator } from '../i18n/i18n.js';
import { timeZoneNames } from '../i18n/time-zones.js';
import { LocalizedFields, SelectField, TextField } from './components.js';
import type { FieldMessages } from './page-context.js';

/** A text of the entry in each language (`name.en`, `name.fr`, `name.es`). */
export interface DatedText {
  name: string;
  legend: string;
  maxLength: number;
  multiline?: boolean;
  hint?: string;
}

/** A moment of the entry (`datetime-local`, read in the chosen zone). */
export interface DatedMoment {
  name: string;
  label: string;
  required?: boolean;
}

/** Every IANA zone the platform knows, as select options. */
export function timeZoneOptions(): { value: string; label: string }[] {
  return timeZoneNames().map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

/** The time zone select of a form with typed moments (`timeZone`), defaulting to the reader's zone. */
export function TimeZoneField(props: {
  label: string;
  value: string | undefined;
  defaultZone: string;
  errors?: FieldMessages;
}) {
  return (
    <SelectField
      name="timeZone"
      label={props.label}
      value={props.value ?? props.defaultZone}
      options={timeZoneOptions()}
      errors={props.errors}
    />
  );
}

/** Several texts, each in every interface language, one after the other (briefs, a case's context …). */
export function LocalizedTexts(props: {
  t: Translator;
  texts: readonly DatedText[];
  values: Record<string, string | undefined>;
  errors?: FieldMessages | undefined;
}) {
  return (
    <>
      {props.texts.map((text) => (
        <LocalizedFields
          t={props.t}
          name={text.name}
          legend={text.legend}
          {...(text.hint ? { hint: text.hint } : {})}
          values={props.values}
          errors={props.errors}
          multiline={text.multiline ?? false}
          maxLength={text.maxLength}
        />
      ))}
    </>
  );
}

/** The texts, the moments and the zone of a dated entry, with the values typed before a refused save. */
export function DatedFields(props: {
  t: Translator;
  texts: readonly DatedText[];
  moments: readonly DatedMoment[];
  zoneLabel: string;
  defaultZone: string;
  values: Record<string, string | undefined>;
  errors?: FieldMessages;
}) {
  const { t, values, errors } = props;
  return (
    <>
      <LocalizedTexts t={t} texts={props.texts} values={values} errors={errors} />
      {props.moments.map((moment) => (
        <TextField
          name={moment.name}
          type="datetime-local"
          label={moment.label}
          required={moment.required ?? true}
          value={values[moment.name]}
          errors={errors}
        />
      ))}
      <TimeZoneField
        label={props.zoneLabel}
        value={values.timeZone}
        defaultZone={props.defaultZone}
        errors={errors}
      />
    </>
  );
}
