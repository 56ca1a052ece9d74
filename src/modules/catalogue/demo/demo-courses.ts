/**
 * Demo courses and their editions (2020–2027), from shared/demo/README.md. Some texts exist in one language
 * only, as in real catalogues: the pages then fall back visibly to that language.
 */

export interface DemoCourse {
  code: string;
  /** Three digits used in the demo edition codes (A + number + year, e.g. A9012020). */
  number: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  hours: number;
  credential: 'achievement' | 'participation';
  themes: string[];
  role: 'compulsory' | 'elective' | null;
  countsAs: string[];
  editions: DemoEdition[];
}

export interface DemoEdition {
  language: 'en' | 'fr' | 'es' | 'ar';
  mode: 'online' | 'residential' | 'blended';
  start: string;
  end: string;
  place?: Record<string, string>;
  capacity?: number;
  fee?: string;
}

const TURIN = { en: 'Turin campus, Italy', fr: 'Campus de Turin, Italie', es: 'Campus de Turín, Italia' };
const ONLINE = { en: 'Online', fr: 'En ligne', es: 'En línea' };

const yearly = (
  years: number[],
  languages: DemoEdition['language'][],
  make: (year: number) => Omit<DemoEdition, 'language'>,
) => years.flatMap((year) => languages.map((language) => ({ language, ...make(year) })));

export const DEMO_COURSES: DemoCourse[] = [
  {
    code: 'LMA',
    number: '901',
    title: {
      en: 'Academy on Labour Migration',
      fr: 'Académie sur les migrations de main-d’œuvre',
      es: 'Academia de Migración Laboral',
    },
    summary: {
      en: 'Two weeks on the Turin campus with practitioners from every region: the compulsory core of the diploma. Participants tailor it by choosing electives inside the Academy.',
      fr: 'Deux semaines sur le campus de Turin avec des praticiens de toutes les régions : le socle obligatoire du diplôme. Les participants l’adaptent en choisissant des options au sein de l’Académie.',
      es: 'Dos semanas en el campus de Turín con profesionales de todas las regiones: el núcleo obligatorio del diploma. Los participantes lo adaptan eligiendo optativas dentro de la Academia.',
    },
    hours: 80,
    credential: 'achievement',
    themes: ['governance', 'rights', 'development'],
    role: 'compulsory',
    countsAs: [],
    editions: yearly([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027], ['en', 'fr'], (year) => ({
      mode: 'residential',
      start: `${year}-06-15`,
      end: `${year}-06-26`,
      place: TURIN,
      capacity: 40,
      fee: '4200',
    })).concat(
      yearly([2021, 2023, 2025, 2027], ['es'], (year) => ({
        mode: 'residential',
        start: `${year}-06-15`,
        end: `${year}-06-26`,
        place: TURIN,
        capacity: 30,
        fee: '4200',
      })),
    ),
  },
  {
    code: 'ELMA',
    number: '902',
    title: { en: 'E-Academy on Labour Migration', fr: 'E-Académie sur les migrations de main-d’œuvre' },
    summary: {
      en: 'The Academy online: six weeks in three phases. Counts as the Academy for the diploma.',
      fr: 'L’Académie en ligne : six semaines en trois phases. Compte comme l’Académie pour le diplôme.',
    },
    hours: 80,
    credential: 'achievement',
    themes: ['governance', 'rights', 'development'],
    role: null,
    countsAs: ['LMA'],
    editions: [
      { language: 'en', mode: 'online', start: '2020-11-09', end: '2020-12-18', capacity: 60, fee: '1500' },
      { language: 'fr', mode: 'online', start: '2020-11-09', end: '2020-12-18', capacity: 60, fee: '1500' },
      { language: 'en', mode: 'online', start: '2023-07-10', end: '2023-07-21', capacity: 60, fee: '1500' },
      { language: 'fr', mode: 'online', start: '2023-07-10', end: '2023-07-21', capacity: 60, fee: '1500' },
      { language: 'en', mode: 'online', start: '2027-03-01', end: '2027-04-09', capacity: 60, fee: '1500' },
    ],
  },
  {
    code: 'FRP',
    number: '903',
    title: {
      en: 'Establishing Fair Recruitment Processes',
      fr: 'Mettre en place des processus de recrutement équitable',
      es: 'Establecer procesos de contratación equitativa',
    },
    summary: {
      en: 'Blended: an online phase, a face-to-face phase, a final webinar and a final assignment on regulating recruitment.',
      fr: 'Formation mixte : une phase en ligne, une phase en présentiel, un webinaire final et un travail final sur la réglementation du recrutement.',
      es: 'Modalidad mixta: una fase en línea, una fase presencial, un seminario web final y una tarea final sobre la regulación de la contratación.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['rights', 'governance'],
    role: 'elective',
    countsAs: [],
    editions: [
      { language: 'en', mode: 'blended', start: '2020-09-07', end: '2020-10-16', capacity: 35, fee: '2800' },
      { language: 'fr', mode: 'blended', start: '2020-09-07', end: '2020-10-16', capacity: 35, fee: '2800' },
      {
        language: 'en',
        mode: 'blended',
        start: '2022-09-12',
        end: '2022-10-21',
        capacity: 35,
        fee: '2800',
        place: { en: 'Mexico City, Mexico', fr: 'Mexico, Mexique', es: 'Ciudad de México, México' },
      },
      { language: 'fr', mode: 'blended', start: '2022-09-12', end: '2022-10-21', capacity: 35, fee: '2800' },
      { language: 'en', mode: 'blended', start: '2024-09-30', end: '2024-11-01', capacity: 35, fee: '2800' },
      {
        language: 'es',
        mode: 'blended',
        start: '2027-05-03',
        end: '2027-06-11',
        capacity: 35,
        fee: '2800',
        place: { en: 'Mexico City, Mexico', fr: 'Mexico, Mexique', es: 'Ciudad de México, México' },
      },
    ],
  },
  {
    code: 'FRP-SL',
    number: '904',
    title: {
      en: 'Establishing Fair Recruitment Processes — self-learning',
      fr: 'Mettre en place des processus de recrutement équitable — autoformation',
      es: 'Establecer procesos de contratación equitativa — autoaprendizaje',
    },
    summary: {
      en: 'Five self-paced modules, always open. Gives a Certificate of Participation, which does not count towards the diploma.',
      fr: 'Cinq modules en autoformation, toujours ouverts. Donne un certificat de participation, qui ne compte pas pour le diplôme.',
      es: 'Cinco módulos de autoaprendizaje, siempre abiertos. Da un certificado de participación, que no cuenta para el diploma.',
    },
    hours: 15,
    credential: 'participation',
    themes: ['rights'],
    role: null,
    countsAs: [],
    editions: (['en', 'fr', 'es', 'ar'] as const).map((language) => ({
      language,
      mode: 'online' as const,
      start: '2020-01-06',
      end: '2027-12-31',
    })),
  },
  {
    code: 'MALM',
    number: '905',
    title: { en: 'Measuring and Analysing Labour Migration' },
    summary: {
      en: 'Tutored e-learning with the statistics department: concepts, sources and indicators of international labour migration.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['governance', 'development'],
    role: 'elective',
    countsAs: [],
    editions: [
      { language: 'en', mode: 'online', start: '2020-10-26', end: '2020-12-04', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2023-10-23', end: '2023-12-01', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2025-10-20', end: '2025-11-28', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2027-10-18', end: '2027-11-26', capacity: 50, fee: '1400' },
    ],
  },
  {
    code: 'SPMW',
    number: '906',
    title: {
      en: 'Extending Social Protection to Migrant Workers, Refugees and their Families',
      es: 'Extender la protección social a los trabajadores migrantes, los refugiados y sus familias',
    },
    summary: {
      en: 'E-learning in three phases on social security coordination, portability of benefits and access for migrants and refugees.',
      es: 'Curso en línea en tres fases sobre coordinación de la seguridad social, portabilidad de prestaciones y acceso de migrantes y refugiados.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['rights', 'development'],
    role: 'elective',
    countsAs: [],
    editions: [
      { language: 'en', mode: 'online', start: '2021-10-18', end: '2021-11-26', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2025-10-20', end: '2025-11-28', capacity: 50, fee: '1400' },
      { language: 'es', mode: 'online', start: '2027-02-15', end: '2027-03-26', capacity: 50, fee: '1400' },
    ],
  },
  {
    code: 'PRM',
    number: '907',
    title: {
      en: 'Protecting the Rights of Migrants in the Labour Force: a Rights-Based Approach to Labour Migration',
      fr: 'Protéger les droits des migrants dans la population active : une approche des migrations de main-d’œuvre fondée sur les droits',
    },
    summary: {
      en: 'International labour standards and supervisory mechanisms; empowering vulnerable groups; access to justice; final assignment.',
      fr: 'Normes internationales du travail et mécanismes de contrôle ; autonomisation des groupes vulnérables ; accès à la justice ; travail final.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['rights'],
    role: 'elective',
    countsAs: [],
    editions: [
      { language: 'en', mode: 'online', start: '2022-02-14', end: '2022-03-25', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2026-02-16', end: '2026-03-27', capacity: 50, fee: '1400' },
      { language: 'fr', mode: 'online', start: '2027-02-15', end: '2027-03-26', capacity: 50, fee: '1400' },
    ],
  },
  {
    code: 'LMGE',
    number: '908',
    title: { en: 'Labour Migration Governance and Coherence with Employment Policies' },
    summary: {
      en: 'E-learning in three phases on making labour migration and employment policies work together.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['governance'],
    role: 'elective',
    countsAs: [],
    editions: [
      { language: 'en', mode: 'online', start: '2020-05-18', end: '2020-06-26', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2024-05-13', end: '2024-06-21', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2027-05-17', end: '2027-06-25', capacity: 50, fee: '1400' },
    ],
  },
  {
    code: 'MMDP',
    number: '909',
    title: { en: 'Mainstreaming Migration into Development Policy' },
    summary: {
      en: 'E-learning on integrating migration into national development planning and the 2030 Agenda.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['development'],
    role: 'elective',
    countsAs: [],
    editions: [
      { language: 'en', mode: 'online', start: '2021-03-08', end: '2021-04-16', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2024-03-04', end: '2024-04-12', capacity: 50, fee: '1400' },
      { language: 'en', mode: 'online', start: '2027-03-08', end: '2027-04-16', capacity: 50, fee: '1400' },
    ],
  },
  {
    code: 'BLA',
    number: '910',
    title: {
      en: 'Negotiating Bilateral Labour Agreements',
      fr: 'Négocier des accords bilatéraux de main-d’œuvre',
      es: 'Negociar acuerdos bilaterales de trabajo',
    },
    summary: {
      en: 'A residential course in Turin on preparing, negotiating and monitoring bilateral labour agreements; its first edition brought 24 participants from 10 countries.',
      fr: 'Un cours résidentiel à Turin sur la préparation, la négociation et le suivi des accords bilatéraux de main-d’œuvre ; sa première édition a réuni 24 participants de 10 pays.',
      es: 'Un curso presencial en Turín sobre la preparación, negociación y seguimiento de los acuerdos bilaterales de trabajo; su primera edición reunió a 24 participantes de 10 países.',
    },
    hours: 60,
    credential: 'achievement',
    themes: ['governance'],
    role: 'elective',
    countsAs: [],
    editions: [
      {
        language: 'en',
        mode: 'residential',
        start: '2021-11-15',
        end: '2021-11-19',
        place: TURIN,
        capacity: 24,
        fee: '3100',
      },
      {
        language: 'fr',
        mode: 'residential',
        start: '2023-11-13',
        end: '2023-11-17',
        place: TURIN,
        capacity: 24,
        fee: '3100',
      },
      {
        language: 'en',
        mode: 'residential',
        start: '2025-11-10',
        end: '2025-11-14',
        place: TURIN,
        capacity: 24,
        fee: '3100',
      },
      {
        language: 'en',
        mode: 'residential',
        start: '2027-11-08',
        end: '2027-11-12',
        place: TURIN,
        capacity: 24,
        fee: '3100',
      },
    ],
  },
];

export { ONLINE };
