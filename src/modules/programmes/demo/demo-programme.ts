/**
 * Demo data: the Diploma for Labour Migration Experts and Practitioners and its themes, from the public
 * facts in shared/demo/README.md. Translations are editable by managers after seeding.
 */

export const DEMO_PROGRAMME_SLUG = 'labour-migration';

export const DEMO_THEMES = [
  {
    slug: 'governance',
    name: {
      en: 'Fair and effective governance of labour migration',
      fr: 'Gouvernance équitable et efficace des migrations de main-d’œuvre',
      es: 'Gobernanza justa y eficaz de la migración laboral',
    },
    description: {
      en: 'Policies, institutions, agreements and data that make labour migration orderly, fair and coherent with employment policy.',
      fr: 'Politiques, institutions, accords et données qui rendent les migrations de main-d’œuvre ordonnées, équitables et cohérentes avec les politiques de l’emploi.',
      es: 'Políticas, instituciones, acuerdos y datos que hacen que la migración laboral sea ordenada, justa y coherente con la política de empleo.',
    },
  },
  {
    slug: 'rights',
    name: {
      en: 'Protection of migrant workers’ rights',
      fr: 'Protection des droits des travailleurs migrants',
      es: 'Protección de los derechos de los trabajadores migrantes',
    },
    description: {
      en: 'International labour standards, fair recruitment, social protection and access to justice for migrant workers and their families.',
      fr: 'Normes internationales du travail, recrutement équitable, protection sociale et accès à la justice pour les travailleurs migrants et leurs familles.',
      es: 'Normas internacionales del trabajo, contratación equitativa, protección social y acceso a la justicia para los trabajadores migrantes y sus familias.',
    },
  },
  {
    slug: 'development',
    name: {
      en: 'Linkages between labour migration and sustainable development',
      fr: 'Liens entre migrations de main-d’œuvre et développement durable',
      es: 'Vínculos entre la migración laboral y el desarrollo sostenible',
    },
    description: {
      en: 'Skills, remittances, diaspora engagement and the place of migration in development planning.',
      fr: 'Compétences, envois de fonds, mobilisation de la diaspora et place des migrations dans la planification du développement.',
      es: 'Competencias, remesas, participación de la diáspora y el lugar de la migración en la planificación del desarrollo.',
    },
  },
] as const;

export const DEMO_PROGRAMME = {
  title: {
    en: 'Diploma for Labour Migration Experts and Practitioners',
    fr: 'Diplôme pour les experts et praticiens des migrations de main-d’œuvre',
    es: 'Diploma para expertos y profesionales de la migración laboral',
  },
  summary: {
    en: 'A professional diploma for people who shape labour migration policy and practice: the Labour Migration Academy, three courses of your choice and a policy capstone, within five years.',
    fr: 'Un diplôme professionnel pour celles et ceux qui façonnent les politiques et les pratiques de migration de main-d’œuvre : l’Académie, trois cours au choix et un travail final de recommandations, en cinq ans au plus.',
    es: 'Un diploma profesional para quienes dan forma a la política y la práctica de la migración laboral: la Academia, tres cursos a elección y un trabajo final de recomendaciones, en un plazo de cinco años.',
  },
  description: {
    en: 'The diploma recognises a sustained investment in learning about labour migration. It combines the compulsory Labour Migration Academy with three courses chosen from the eligible list, and ends with an individual capstone in which you apply what you learned to a real country context.\n\nEach course begins at your own pace, continues with live sessions (webinars, forum debates, case studies, role-play, group work) and ends with an individual assignment.',
    fr: 'Le diplôme reconnaît un engagement durable dans l’apprentissage des migrations de main-d’œuvre. Il associe l’Académie sur les migrations de main-d’œuvre, obligatoire, à trois cours choisis dans la liste des cours éligibles, et se termine par un travail final individuel qui applique les acquis à un pays réel.\n\nChaque cours commence à votre rythme, se poursuit par des sessions en direct (webinaires, débats en forum, études de cas, jeux de rôle, travaux de groupe) et se termine par un travail individuel.',
    es: 'El diploma reconoce una inversión sostenida en el aprendizaje sobre la migración laboral. Combina la Academia de Migración Laboral, obligatoria, con tres cursos elegidos de la lista de cursos elegibles, y termina con un trabajo final individual que aplica lo aprendido al contexto de un país real.\n\nCada curso empieza a su propio ritmo, continúa con sesiones en directo (seminarios web, debates en foros, estudios de caso, juegos de rol, trabajo en grupo) y termina con una tarea individual.',
  },
  audience: {
    en: 'Policy planners and officials of governments; workers’ and employers’ organisations; NGOs, civil society and grassroots activists; diaspora and migrant associations; international development agencies and regional economic communities; researchers and academics; journalists and media workers.',
    fr: 'Responsables de la planification des politiques et fonctionnaires des gouvernements ; organisations de travailleurs et d’employeurs ; ONG, société civile et militants de terrain ; associations de la diaspora et de migrants ; agences internationales de développement et communautés économiques régionales ; chercheurs et universitaires ; journalistes et professionnels des médias.',
    es: 'Responsables de planificación de políticas y funcionarios de gobierno; organizaciones de trabajadores y de empleadores; ONG, sociedad civil y activistas de base; asociaciones de la diáspora y de migrantes; agencias internacionales de desarrollo y comunidades económicas regionales; investigadores y académicos; periodistas y profesionales de los medios.',
  },
  eligibility: {
    en: 'Candidates normally have several years of work experience in labour migration and a bachelor’s or advanced degree in public administration, political science, social science, human rights, labour law, economics or a related field.',
    fr: 'Les candidats ont normalement plusieurs années d’expérience professionnelle dans le domaine des migrations de main-d’œuvre et une licence ou un diplôme supérieur en administration publique, science politique, sciences sociales, droits humains, droit du travail, économie ou dans un domaine connexe.',
    es: 'Las personas candidatas suelen tener varios años de experiencia laboral en migración laboral y una licenciatura o un título superior en administración pública, ciencias políticas, ciencias sociales, derechos humanos, derecho laboral, economía o un campo afín.',
  },
  certification: {
    en: 'Every course, the Academy included, is assessed. Passing a course gives a course-specific Certificate of Achievement; only Certificates of Achievement count towards the diploma (a Certificate of Participation does not). When the Academy, three eligible courses and the capstone are complete within five years, the diploma is awarded as a verifiable digital credential that anyone can check online.',
    fr: 'Chaque cours, y compris l’Académie, est évalué. La réussite d’un cours donne un certificat de réussite propre au cours ; seuls les certificats de réussite comptent pour le diplôme (un certificat de participation ne compte pas). Lorsque l’Académie, trois cours éligibles et le travail final sont achevés en cinq ans, le diplôme est délivré sous forme d’attestation numérique vérifiable en ligne par quiconque.',
    es: 'Cada curso, incluida la Academia, se evalúa. Aprobar un curso da un certificado de aprovechamiento propio del curso; solo los certificados de aprovechamiento cuentan para el diploma (un certificado de participación no cuenta). Cuando la Academia, tres cursos elegibles y el trabajo final se completan en cinco años, el diploma se otorga como una credencial digital verificable que cualquiera puede comprobar en línea.',
  },
  windowYears: 5,
  electivesRequired: 3,
  totalHours: 300,
  capstoneHours: 40,
};
