/**
 * Languages editions are taught in, and so the languages a person can say they learn in (the interface
 * itself is in en, fr, es). Labels: `language.<code>`.
 */
export const TEACHING_LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'ru', 'zh'] as const;
export type TeachingLanguage = (typeof TEACHING_LANGUAGES)[number];
