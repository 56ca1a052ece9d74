/**
 * Pure: the languages a person can learn in: those of their profile ("languages I can learn in") and those
 * they listed when applying to a programme (each application's answers, `education.languages[].code`).
 * Only when they said none, their interface language: what they stated wins over the language of the pages.
 */
export function workingLanguagesOf(
  user: { preferred_locale: string; learning_languages: string | null } | undefined,
  applicationAnswers: readonly string[],
): Set<string> {
  const languages = new Set<string>(user?.learning_languages ? user.learning_languages.split(',') : []);
  for (const answersJson of applicationAnswers) {
    try {
      const answers = JSON.parse(answersJson) as { education?: { languages?: { code?: unknown }[] } };
      for (const skill of answers.education?.languages ?? [])
        if (typeof skill.code === 'string') languages.add(skill.code);
    } catch {
      // A document that does not parse lists no language.
    }
  }
  if (languages.size === 0 && user) languages.add(user.preferred_locale);
  return languages;
}
