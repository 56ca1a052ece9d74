import type { FormBody } from '../../http/forms.js';
import { type ApplicationAnswers, type ApplicationStep, LANGUAGES_MAX, stepSchemas } from './application.js';

/** Between the web form (text fields; languages as `languages.<n>.code` / `.level` rows) and the answers. */

/** The saved answers as the form's text values. */
export function answersToFormValues(answers: ApplicationAnswers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(answers)) {
    if (field === 'languages') continue;
    if (typeof value === 'string' || typeof value === 'number') values[field] = String(value);
    if (typeof value === 'boolean' && value) values[field] = 'on';
  }
  (answers.languages ?? []).forEach((skill, i) => {
    values[`languages.${i}.code`] = skill.code;
    values[`languages.${i}.level`] = skill.level;
  });
  return values;
}

/** The answers of one step from the form's fields (rows of languages left empty are ignored). */
export function formToStepAnswers(step: ApplicationStep, body: FormBody): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of Object.keys(stepSchemas[step].shape)) {
    if (field === 'languages') continue;
    const value = body[field];
    if (typeof value === 'string') answers[field] = value;
  }
  if (step === 'education') {
    const languages: { code: string; level: string }[] = [];
    for (let i = 0; i < LANGUAGES_MAX; i += 1) {
      const code = body[`languages.${i}.code`];
      const level = body[`languages.${i}.level`];
      const row = {
        code: typeof code === 'string' ? code : '',
        level: typeof level === 'string' ? level : '',
      };
      if (row.code !== '' || row.level !== '') languages.push(row);
    }
    answers.languages = languages;
  }
  return answers;
}
