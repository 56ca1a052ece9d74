/**
 * Word material for the large benchmark catalogue: themes, title shapes, audiences, regions, places and
 * programmes in English, French and Spanish (the subjects are in catalogue-subjects.ts). The generator
 * (catalogue-plan.ts) combines them into titles, summaries and descriptions.
 */

export type Trio = { en: string; fr: string; es: string };

/** Themes added beside the demo's three (governance, rights, development). */
export const EXTRA_THEMES: { slug: string; name: Trio; description: Trio }[] = [
  {
    slug: 'skills',
    name: {
      en: 'Skills and their recognition',
      fr: 'Compétences et leur reconnaissance',
      es: 'Competencias y su reconocimiento',
    },
    description: {
      en: 'Skills partnerships, qualifications frameworks and the recognition of prior learning across borders.',
      fr: 'Partenariats pour les compétences, cadres de certification et reconnaissance des acquis entre pays.',
      es: 'Alianzas de competencias, marcos de cualificaciones y reconocimiento del aprendizaje previo entre países.',
    },
  },
  {
    slug: 'data',
    name: {
      en: 'Labour migration data and statistics',
      fr: 'Données et statistiques sur les migrations de main-d’œuvre',
      es: 'Datos y estadísticas sobre migración laboral',
    },
    description: {
      en: 'Measuring labour migration: surveys, administrative records and the international standards behind them.',
      fr: 'Mesurer les migrations de main-d’œuvre : enquêtes, registres administratifs et normes internationales.',
      es: 'Medir la migración laboral: encuestas, registros administrativos y normas internacionales.',
    },
  },
  {
    slug: 'gender',
    name: {
      en: 'Gender and labour migration',
      fr: 'Genre et migrations de main-d’œuvre',
      es: 'Género y migración laboral',
    },
    description: {
      en: 'Women migrant workers, care work and gender-responsive migration policy.',
      fr: 'Travailleuses migrantes, travail de soin et politiques migratoires sensibles au genre.',
      es: 'Trabajadoras migrantes, trabajo de cuidados y políticas migratorias con perspectiva de género.',
    },
  },
];

/** A text in English, French and Spanish. */
export const t = (en: string, fr: string, es: string): Trio => ({ en, fr, es });

/** Title shapes: `{S}` is the subject name; `{a}` an audience; `{r}` a region. */
export const TITLE_SHAPES: Trio[] = [
  t('{S}', '{S}', '{S}'),
  t('{S}: policy and practice', '{S} : politiques et pratiques', '{S}: políticas y prácticas'),
  t('Introductory course: {S}', 'Cours d’introduction : {S}', 'Curso introductorio: {S}'),
  t('Advanced course: {S}', 'Cours avancé : {S}', 'Curso avanzado: {S}'),
  t('{S} for {a}', '{S} pour {a}', '{S} para {a}'),
  t('{S} in {r}', '{S} en {r}', '{S} en {r}'),
  t('Regional workshop: {S} ({r})', 'Atelier régional : {S} ({r})', 'Taller regional: {S} ({r})'),
  t('{S}: a toolkit for {a}', '{S} : une boîte à outils pour {a}', '{S}: herramientas para {a}'),
];

export const AUDIENCES: Trio[] = [
  t('labour inspectors', 'les inspecteurs du travail', 'los inspectores del trabajo'),
  t('employers’ organizations', 'les organisations d’employeurs', 'las organizaciones de empleadores'),
  t('trade unions', 'les syndicats', 'los sindicatos'),
  t('public employment services', 'les services publics de l’emploi', 'los servicios públicos de empleo'),
  t('consular officials', 'les agents consulaires', 'los funcionarios consulares'),
  t('statisticians', 'les statisticiens', 'los estadísticos'),
  t('policy makers', 'les décideurs politiques', 'los responsables políticos'),
  t('journalists', 'les journalistes', 'los periodistas'),
];

export const REGIONS: Trio[] = [
  t('Africa', 'Afrique', 'África'),
  t('the Arab States', 'États arabes', 'los Estados Árabes'),
  t('Asia and the Pacific', 'Asie et Pacifique', 'Asia y el Pacífico'),
  t('the Americas', 'Amériques', 'las Américas'),
  t('Europe and Central Asia', 'Europe et Asie centrale', 'Europa y Asia Central'),
  t('West Africa', 'Afrique de l’Ouest', 'África Occidental'),
  t('South-East Asia', 'Asie du Sud-Est', 'Asia Sudoriental'),
  t('Latin America and the Caribbean', 'Amérique latine et Caraïbes', 'América Latina y el Caribe'),
];

/** Second sentences of summaries; `{a}` an audience, `{h}` the learning hours. */
export const SUMMARY_TAILS: Trio[] = [
  t(
    'Designed for {a}, it combines case studies, peer exchange and a final assignment ({h} hours).',
    'Conçu pour {a}, il associe études de cas, échanges entre pairs et un travail final ({h} heures).',
    'Pensado para {a}, combina estudios de caso, intercambio entre pares y una tarea final ({h} horas).',
  ),
  t(
    'Participants work on a real policy problem from their own country, with coaching from ILO experts.',
    'Les participants travaillent sur un vrai problème de politique publique de leur pays, accompagnés par des experts du BIT.',
    'Las personas participantes trabajan sobre un problema real de política de su país, con el apoyo de expertos de la OIT.',
  ),
  t(
    'Self-paced modules are followed by live webinars and a graded assignment; about {h} hours in all.',
    'Des modules en autonomie sont suivis de webinaires en direct et d’un travail noté ; environ {h} heures au total.',
    'Módulos a su ritmo seguidos de seminarios web en directo y una tarea evaluada; unas {h} horas en total.',
  ),
  t(
    'Open to {a} and to anyone working on labour migration in government, social partners or civil society.',
    'Ouvert à {a} et à toute personne travaillant sur les migrations dans l’administration, chez les partenaires sociaux ou dans la société civile.',
    'Abierto a {a} y a cualquier persona que trabaje en migración laboral en el gobierno, los interlocutores sociales o la sociedad civil.',
  ),
];

/** Paragraphs for longer course descriptions. */
export const DESCRIPTION_PARAGRAPHS: Trio[] = [
  t(
    'By the end of the course, participants can analyse the legal and institutional framework of their country, compare it with international standards and propose concrete improvements.',
    'À la fin du cours, les participants savent analyser le cadre juridique et institutionnel de leur pays, le comparer aux normes internationales et proposer des améliorations concrètes.',
    'Al final del curso, las personas participantes pueden analizar el marco jurídico e institucional de su país, compararlo con las normas internacionales y proponer mejoras concretas.',
  ),
  t(
    'The course draws on experience from every region and on the tools developed by the ILO and its partners, including checklists, model clauses and monitoring indicators.',
    'Le cours s’appuie sur l’expérience de toutes les régions et sur les outils développés par le BIT et ses partenaires : listes de contrôle, clauses types et indicateurs de suivi.',
    'El curso se basa en la experiencia de todas las regiones y en las herramientas desarrolladas por la OIT y sus socios: listas de verificación, cláusulas modelo e indicadores de seguimiento.',
  ),
  t(
    'Assessment is based on participation in the forums and a final assignment reviewed by two assessors. A Certificate is issued to those who complete all requirements.',
    'L’évaluation repose sur la participation aux forums et sur un travail final examiné par deux évaluateurs. Un certificat est délivré à celles et ceux qui remplissent toutes les conditions.',
    'La evaluación se basa en la participación en los foros y en una tarea final revisada por dos evaluadores. Se entrega un certificado a quienes cumplen todos los requisitos.',
  ),
  t(
    'Sessions alternate short lectures, group work on country cases, role play of negotiations and exchanges with practitioners from ministries, employers’ and workers’ organizations.',
    'Les sessions alternent exposés courts, travaux de groupe sur des cas nationaux, jeux de rôle de négociation et échanges avec des praticiens des ministères et des organisations d’employeurs et de travailleurs.',
    'Las sesiones alternan exposiciones breves, trabajo en grupo sobre casos nacionales, juegos de rol de negociación e intercambios con profesionales de ministerios y organizaciones de empleadores y de trabajadores.',
  ),
];

/** Places of residential phases outside Turin. */
export const PLACES: Trio[] = [
  t('Turin campus, Italy', 'Campus de Turin, Italie', 'Campus de Turín, Italia'),
  t('Turin campus, Italy', 'Campus de Turin, Italie', 'Campus de Turín, Italia'),
  t('Dakar, Senegal', 'Dakar, Sénégal', 'Dakar, Senegal'),
  t('Bangkok, Thailand', 'Bangkok, Thaïlande', 'Bangkok, Tailandia'),
  t('Beirut, Lebanon', 'Beyrouth, Liban', 'Beirut, Líbano'),
  t('Lima, Peru', 'Lima, Pérou', 'Lima, Perú'),
  t('Nairobi, Kenya', 'Nairobi, Kenya', 'Nairobi, Kenia'),
  t('Mexico City, Mexico', 'Mexico, Mexique', 'Ciudad de México, México'),
  t('Manila, Philippines', 'Manille, Philippines', 'Manila, Filipinas'),
];

export const ONLINE_PLACE: Trio = t('Online', 'En ligne', 'En línea');

/** Other programmes some generated courses are eligible for (created through ensureProgramme). */
export const EXTRA_PROGRAMMES: { slug: string; themes: string[]; title: Trio; summary: Trio }[] = [
  {
    slug: 'fair-recruitment-certificate',
    themes: ['rights', 'governance'],
    title: t(
      'Certificate in Fair Recruitment',
      'Certificat en recrutement équitable',
      'Certificado en contratación equitativa',
    ),
    summary: t(
      'A shorter pathway on fair recruitment for labour inspectors and recruitment regulators.',
      'Un parcours plus court sur le recrutement équitable pour les inspecteurs du travail et les régulateurs du recrutement.',
      'Un itinerario más corto sobre contratación equitativa para inspectores del trabajo y reguladores de la contratación.',
    ),
  },
  {
    slug: 'migration-statistics',
    themes: ['data', 'governance'],
    title: t(
      'Specialisation in Labour Migration Statistics',
      'Spécialisation en statistiques des migrations de main-d’œuvre',
      'Especialización en estadísticas de migración laboral',
    ),
    summary: t(
      'For statisticians and analysts who produce labour migration data.',
      'Pour les statisticiens et analystes qui produisent des données sur les migrations de main-d’œuvre.',
      'Para estadísticos y analistas que producen datos sobre migración laboral.',
    ),
  },
];
