/**
 * The groups module's reads of other modules' published read models: the people of an edition with what
 * balancing looks at (constituency, country, languages from their account; sex from their latest
 * application), and people's names.
 */
import type { Executor } from '../../db/database.js';
import { applicationsView } from '../admissions/admissions.read-models.repository.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { enrolmentsView } from '../places/places.read-models.repository.js';

export interface EditionPerson {
  id: string;
  fullName: string;
  email: string;
  constituency: string | null;
  country: string | null;
  /** The first language they learn in (else their interface language). */
  language: string;
  /** From their latest application (`female`, `male`, `other`, `prefer-not-to-say`), or null. */
  sex: string | null;
}

function sexOf(answersJson: string | null | undefined): string | null {
  if (!answersJson) return null;
  try {
    const answers = JSON.parse(answersJson) as { person?: { sex?: unknown } };
    return typeof answers.person?.sex === 'string' ? answers.person.sex : null;
  } catch {
    return null;
  }
}

/** People with a confirmed place in the edition, by name, with their balancing attributes. */
export async function editionPeople(db: Executor, editionId: string): Promise<EditionPerson[]> {
  const rows = await db
    .selectFrom(enrolmentsView(db).as('enrolment'))
    .innerJoin(usersView(db).as('person'), 'person.id', 'enrolment.user_id')
    .select([
      'person.id',
      'person.full_name',
      'person.email',
      'person.constituency',
      'person.country',
      'person.learning_languages',
      'person.preferred_locale',
    ])
    .where('enrolment.edition_id', '=', editionId)
    .where('enrolment.status', '=', 'enrolled')
    .orderBy('person.full_name')
    .orderBy('person.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const applications =
    ids.length === 0
      ? []
      : await db
          .selectFrom(applicationsView(db).as('application'))
          .select(['application.user_id', 'application.answers_json', 'application.updated_at'])
          .where('application.user_id', 'in', ids)
          .orderBy('application.updated_at')
          .execute();
  const sex = new Map<string, string | null>();
  for (const a of applications) {
    const value = sexOf(a.answers_json);
    if (value) sex.set(a.user_id, value);
  }
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    email: r.email,
    constituency: r.constituency,
    country: r.country,
    language: r.learning_languages?.split(',')[0] || r.preferred_locale,
    sex: sex.get(r.id) ?? null,
  }));
}

/** Full names and emails of people (for the members of groups staff look at). */
export async function peopleByIds(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { fullName: string; email: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom(usersView(db).as('person'))
    .select(['person.id', 'person.full_name', 'person.email'])
    .where('person.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { fullName: r.full_name, email: r.email }]));
}
