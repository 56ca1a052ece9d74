/**
 * Pure and deterministic: plans the courses and editions of the large benchmark catalogue (what to
 * write, not how). Mixes languages like a real catalogue (most courses in EN/FR/ES, some in one language
 * only), spreads editions over 2020–2028 in several languages and modes, and skews the number of editions
 * per course (a few long-running courses have dozens, many have a handful).
 */
import { DEMO_PROGRAMME_SLUG } from '../src/modules/programmes/demo/demo-programme.js';
import { SUBJECTS } from './catalogue-subjects.js';
import {
  AUDIENCES,
  DESCRIPTION_PARAGRAPHS,
  EXTRA_THEMES,
  ONLINE_PLACE,
  PLACES,
  REGIONS,
  SUMMARY_TAILS,
  TITLE_SHAPES,
  type Trio,
} from './catalogue-text.js';

type Lang = 'en' | 'fr' | 'es';

export interface EditionPlan {
  /** What a manager would type in the edition form (validated by editionSchema later). */
  input: Record<string, unknown>;
  /** Indexes into the list of facilitators. */
  facilitators: number[];
}

export interface CoursePlan {
  code: string;
  title: Partial<Record<Lang, string>>;
  summary: Partial<Record<Lang, string>>;
  description: Partial<Record<Lang, string>>;
  learningHours: number;
  credential: 'achievement' | 'participation';
  themes: string[];
  programmes: { slug: string; role: 'compulsory' | 'elective' }[];
  countsAs: string[];
  retired: boolean;
  editions: EditionPlan[];
}

/** mulberry32: a tiny, fast, seedable generator (Math.random cannot be seeded). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const ALL_THEMES = ['governance', 'rights', 'development', ...EXTRA_THEMES.map((t) => t.slug)];
const LANGUAGE_SETS: [Lang[], number][] = [
  [['en', 'fr', 'es'], 55],
  [['en', 'fr'], 15],
  [['en', 'es'], 8],
  [['en'], 10],
  [['fr'], 7],
  [['es'], 5],
];
const OTHER_TEACHING_LANGUAGES = ['ar', 'pt', 'ru', 'zh'];
const HOURS = [8, 12, 20, 24, 30, 40, 60, 80];
const FEES = ['600', '900', '1200', '1500', '2100', '2800', '3500', '4200'];
const LETTERS: Record<string, string> = { en: 'A', fr: 'B', es: 'C', ar: 'D', pt: 'E', ru: 'F', zh: 'G' };
const FIRST_DAY = Date.UTC(2020, 0, 6);
const LAST_START = Date.UTC(2028, 10, 27);
const DAY = 86_400_000;

export function planCatalogue(options: {
  courses: number;
  editions: number;
  seed: number;
  today: string;
  facilitators: number;
}): CoursePlan[] {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(items: readonly [T, number][]): T => {
    let r = random() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[0]![0];
  };
  const counts = editionCounts(options.courses, options.editions, random);
  const codesBySubject = new Map<string, string[]>();
  const plans: CoursePlan[] = [];
  for (let i = 0; i < options.courses; i++) {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const code = `${subject.prefix}-${1000 + i}`;
    const languages = weighted(LANGUAGE_SETS);
    const shape = pick(TITLE_SHAPES);
    const audience = pick(AUDIENCES);
    const region = pick(REGIONS);
    const hours = pick(HOURS);
    const tail = pick(SUMMARY_TAILS);
    const paragraphs = random() < 0.5 ? [pick(DESCRIPTION_PARAGRAPHS), pick(DESCRIPTION_PARAGRAPHS)] : [];
    const fill = (template: Trio, lang: Lang) =>
      template[lang]
        .replace('{S}', subject.name[lang])
        .replace('{a}', audience[lang])
        .replace('{r}', region[lang])
        .replace('{h}', String(hours));
    const perLanguage = (make: (lang: Lang) => string) =>
      Object.fromEntries(languages.map((lang) => [lang, make(lang)])) as Partial<Record<Lang, string>>;
    const themes = [...subject.themes];
    if (random() < 0.2) themes.push(pick(ALL_THEMES));
    const earlier = codesBySubject.get(subject.prefix) ?? [];
    plans.push({
      code,
      title: perLanguage((lang) => fill(shape, lang)),
      summary: perLanguage((lang) => `${subject.about[lang]} ${fill(tail, lang)}`),
      description: perLanguage((lang) => paragraphs.map((p) => p[lang]).join('\n\n')),
      learningHours: hours,
      credential: random() < 0.8 ? 'achievement' : 'participation',
      themes: [...new Set(themes)],
      programmes: programmeLinks(subject.prefix, random),
      countsAs: earlier.length && random() < 0.04 ? [pick(earlier)] : [],
      retired: random() < 0.03,
      editions: Array.from({ length: counts[i]! }, (_, k) =>
        planEdition({ courseNumber: 1000 + i, index: k, languages, today: options.today }, options, random),
      ),
    });
    codesBySubject.set(subject.prefix, [...earlier, code]);
  }
  return plans;
}

function programmeLinks(prefix: string, random: () => number): CoursePlan['programmes'] {
  const links: CoursePlan['programmes'] = [];
  if (random() < 0.25) links.push({ slug: DEMO_PROGRAMME_SLUG, role: 'elective' });
  if (['FR', 'FLT', 'ILS', 'LIN'].includes(prefix) && random() < 0.3)
    links.push({ slug: 'fair-recruitment-certificate', role: random() < 0.2 ? 'compulsory' : 'elective' });
  if (['LMS', 'LMI'].includes(prefix) && random() < 0.4)
    links.push({ slug: 'migration-statistics', role: 'elective' });
  return links;
}

/** Skewed editions per course (1–40) adding up to exactly `total`. */
function editionCounts(courses: number, total: number, random: () => number): number[] {
  const counts = Array.from({ length: courses }, () => {
    const r = random();
    if (r < 0.4) return 1 + Math.floor(random() * 5);
    if (r < 0.85) return 6 + Math.floor(random() * 10);
    return 16 + Math.floor(random() * 20);
  });
  let sum = counts.reduce((s, c) => s + c, 0);
  while (sum !== total) {
    const i = Math.floor(random() * courses);
    if (sum < total && counts[i]! < 40) {
      counts[i]! += 1;
      sum += 1;
    } else if (sum > total && counts[i]! > 1) {
      counts[i]! -= 1;
      sum -= 1;
    }
  }
  return counts;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function planEdition(
  at: { courseNumber: number; index: number; languages: Lang[]; today: string },
  options: { facilitators: number },
  random: () => number,
): EditionPlan {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const language = random() < 0.06 ? pick(OTHER_TEACHING_LANGUAGES) : pick(at.languages);
  const r = random();
  const mode = r < 0.6 ? 'online' : r < 0.8 ? 'blended' : 'residential';
  const start = FIRST_DAY + Math.floor(random() * ((LAST_START - FIRST_DAY) / DAY)) * DAY;
  const days = (n: number) => start + n * DAY;
  const selfPaced = 14 + Math.floor(random() * 15);
  let phases: Record<string, string>;
  let end: number;
  if (mode === 'residential') {
    end = days(4 + Math.floor(random() * 8));
    phases = { residentialStart: iso(start), residentialEnd: iso(end) };
  } else if (mode === 'blended') {
    end = days(selfPaced + 6 + 14 + Math.floor(random() * 8));
    phases = {
      selfPacedStart: iso(start),
      selfPacedEnd: iso(days(selfPaced)),
      residentialStart: iso(days(selfPaced + 1)),
      residentialEnd: iso(days(selfPaced + 5)),
      liveStart: iso(days(selfPaced + 6)),
      liveEnd: iso(end),
      assignmentDue: iso(end + 7 * DAY),
    };
  } else if (random() < 0.04) {
    end = days(400 + Math.floor(random() * 330));
    phases = { selfPacedStart: iso(start), selfPacedEnd: iso(end) };
  } else {
    end = days(selfPaced + 14 + Math.floor(random() * 22));
    phases = {
      selfPacedStart: iso(start),
      selfPacedEnd: iso(days(selfPaced)),
      liveStart: iso(days(selfPaced + 1)),
      liveEnd: iso(end),
      assignmentDue: iso(end + 7 * DAY),
    };
  }
  const upcoming = iso(start) > at.today;
  const alwaysOpen = end - start > 365 * DAY && iso(end) >= at.today;
  const open = (upcoming && random() < 0.85) || alwaysOpen;
  const deadline = alwaysOpen ? iso(end) : random() < 0.75 ? iso(start - 21 * DAY) : null;
  const hasFee = random() < 0.7;
  const place = mode === 'online' ? ONLINE_PLACE : pick(PLACES);
  const facilitatorCount = options.facilitators === 0 || random() < 0.2 ? 0 : random() < 0.7 ? 1 : 2;
  const first = Math.floor(random() * options.facilitators);
  const year = new Date(start).getUTCFullYear() % 100;
  return {
    input: {
      code:
        random() < 0.9
          ? `${LETTERS[language]}${at.courseNumber}${String(year).padStart(2, '0')}${String(at.index).padStart(2, '0')}`
          : null,
      language,
      mode,
      place,
      ...phases,
      capacity: random() < 0.9 ? 20 + Math.floor(random() * 41) : null,
      registrationOpen: open,
      registrationDeadline: deadline,
      feeAmount: hasFee ? pick(FEES) : null,
      feeCurrency: hasFee ? (random() < 0.85 ? 'EUR' : 'USD') : null,
      status: random() < 0.03 ? 'cancelled' : 'scheduled',
    },
    facilitators: [
      ...new Set(Array.from({ length: facilitatorCount }, (_, k) => (first + k) % options.facilitators)),
    ],
  };
}
