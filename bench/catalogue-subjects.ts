/**
 * The subjects of the large benchmark catalogue (names and one-sentence descriptions in English, French
 * and Spanish, with their themes), close to what a training centre on labour migration teaches.
 */
import { type Trio, t } from './catalogue-text.js';

export interface Subject {
  /** Course code prefix (2–4 capitals). */
  prefix: string;
  name: Trio;
  /** One sentence saying what the course is about. */
  about: Trio;
  /** Theme slugs the subject belongs to (the first is the main one). */
  themes: string[];
}

export const SUBJECTS: Subject[] = [
  {
    prefix: 'FR',
    name: t('Fair recruitment', 'Recrutement équitable', 'Contratación equitativa'),
    about: t(
      'Regulating recruitment agencies, eliminating recruitment fees and protecting workers from deception.',
      'Réglementer les agences de recrutement, supprimer les frais de recrutement et protéger les travailleurs de la tromperie.',
      'Regular las agencias de contratación, eliminar las comisiones y proteger a los trabajadores del engaño.',
    ),
    themes: ['rights', 'governance'],
  },
  {
    prefix: 'LMS',
    name: t(
      'Labour migration statistics',
      'Statistiques des migrations de main-d’œuvre',
      'Estadísticas de migración laboral',
    ),
    about: t(
      'Producing and using statistics on international labour migration following the ICLS guidelines.',
      'Produire et utiliser des statistiques sur les migrations internationales de main-d’œuvre selon les lignes directrices de la CIST.',
      'Producir y utilizar estadísticas sobre migración laboral internacional según las directrices de la CIET.',
    ),
    themes: ['data', 'governance'],
  },
  {
    prefix: 'SPM',
    name: t(
      'Social protection for migrant workers',
      'Protection sociale des travailleurs migrants',
      'Protección social de los trabajadores migrantes',
    ),
    about: t(
      'Extending social security to migrant workers through bilateral and multilateral agreements and unilateral measures.',
      'Étendre la sécurité sociale aux travailleurs migrants par des accords bilatéraux et multilatéraux et des mesures unilatérales.',
      'Extender la seguridad social a los trabajadores migrantes mediante acuerdos bilaterales y multilaterales y medidas unilaterales.',
    ),
    themes: ['rights', 'development'],
  },
  {
    prefix: 'BLA',
    name: t(
      'Bilateral labour migration agreements',
      'Accords bilatéraux sur les migrations de main-d’œuvre',
      'Acuerdos bilaterales de migración laboral',
    ),
    about: t(
      'Negotiating, implementing and monitoring bilateral agreements that respect labour standards.',
      'Négocier, mettre en œuvre et suivre des accords bilatéraux respectueux des normes du travail.',
      'Negociar, aplicar y supervisar acuerdos bilaterales que respeten las normas del trabajo.',
    ),
    themes: ['governance'],
  },
  {
    prefix: 'SKR',
    name: t(
      'Skills recognition and mobility',
      'Reconnaissance des compétences et mobilité',
      'Reconocimiento de competencias y movilidad',
    ),
    about: t(
      'Recognising the skills and qualifications of migrant workers and building skills partnerships.',
      'Reconnaître les compétences et les qualifications des travailleurs migrants et bâtir des partenariats pour les compétences.',
      'Reconocer las competencias y cualificaciones de los trabajadores migrantes y construir alianzas de competencias.',
    ),
    themes: ['skills', 'development'],
  },
  {
    prefix: 'REM',
    name: t(
      'Remittances and financial inclusion',
      'Envois de fonds et inclusion financière',
      'Remesas e inclusión financiera',
    ),
    about: t(
      'Lowering the cost of remittances and connecting migrant families to financial services.',
      'Réduire le coût des envois de fonds et donner accès aux services financiers aux familles de migrants.',
      'Reducir el costo de las remesas y acercar los servicios financieros a las familias migrantes.',
    ),
    themes: ['development'],
  },
  {
    prefix: 'WMW',
    name: t('Women migrant workers', 'Travailleuses migrantes', 'Trabajadoras migrantes'),
    about: t(
      'Gender-responsive policies for women who migrate for work, including domestic and care workers.',
      'Des politiques sensibles au genre pour les femmes qui migrent pour travailler, y compris les travailleuses domestiques et du soin.',
      'Políticas con perspectiva de género para las mujeres que migran por trabajo, incluidas las trabajadoras domésticas y de cuidados.',
    ),
    themes: ['gender', 'rights'],
  },
  {
    prefix: 'CLM',
    name: t(
      'Climate change and labour mobility',
      'Changement climatique et mobilité de la main-d’œuvre',
      'Cambio climático y movilidad laboral',
    ),
    about: t(
      'How environmental change drives labour mobility, and just transition policies that respond to it.',
      'Comment les changements environnementaux poussent à la mobilité et quelles politiques de transition juste y répondent.',
      'Cómo el cambio ambiental impulsa la movilidad laboral y qué políticas de transición justa responden a ello.',
    ),
    themes: ['development', 'governance'],
  },
  {
    prefix: 'RRI',
    name: t(
      'Return and reintegration of migrant workers',
      'Retour et réintégration des travailleurs migrants',
      'Retorno y reintegración de los trabajadores migrantes',
    ),
    about: t(
      'Supporting returning migrant workers into decent jobs and using the skills they bring back.',
      'Accompagner les travailleurs migrants de retour vers un emploi décent et valoriser les compétences acquises.',
      'Acompañar a los trabajadores migrantes que regresan hacia un empleo decente y aprovechar las competencias adquiridas.',
    ),
    themes: ['development', 'skills'],
  },
  {
    prefix: 'DIA',
    name: t('Diaspora engagement', 'Mobilisation de la diaspora', 'Vinculación con la diáspora'),
    about: t(
      'Engaging diaspora communities in investment, knowledge transfer and development planning.',
      'Associer les communautés de la diaspora à l’investissement, au transfert de connaissances et à la planification du développement.',
      'Involucrar a las comunidades de la diáspora en la inversión, la transferencia de conocimientos y la planificación del desarrollo.',
    ),
    themes: ['development'],
  },
  {
    prefix: 'LIN',
    name: t(
      'Labour inspection and migrant workers',
      'Inspection du travail et travailleurs migrants',
      'Inspección del trabajo y trabajadores migrantes',
    ),
    about: t(
      'Enforcing labour law in sectors that employ many migrant workers, separating inspection from immigration control.',
      'Faire respecter le droit du travail dans les secteurs qui emploient de nombreux migrants, en séparant inspection et contrôle migratoire.',
      'Hacer cumplir la legislación laboral en sectores con muchos trabajadores migrantes, separando la inspección del control migratorio.',
    ),
    themes: ['rights', 'governance'],
  },
  {
    prefix: 'FLT',
    name: t(
      'Forced labour and trafficking in persons',
      'Travail forcé et traite des personnes',
      'Trabajo forzoso y trata de personas',
    ),
    about: t(
      'Preventing forced labour among migrant workers, identifying victims and giving them access to remedy.',
      'Prévenir le travail forcé parmi les travailleurs migrants, identifier les victimes et leur donner accès à des recours.',
      'Prevenir el trabajo forzoso entre los trabajadores migrantes, identificar a las víctimas y garantizarles el acceso a reparación.',
    ),
    themes: ['rights'],
  },
  {
    prefix: 'PES',
    name: t(
      'Public employment services and migration',
      'Services publics de l’emploi et migrations',
      'Servicios públicos de empleo y migración',
    ),
    about: t(
      'Matching jobs and workers across borders through public employment services and labour market information.',
      'Rapprocher offres et demandes d’emploi entre pays grâce aux services publics de l’emploi et à l’information sur le marché du travail.',
      'Vincular empleos y trabajadores entre países mediante los servicios públicos de empleo y la información sobre el mercado laboral.',
    ),
    themes: ['governance', 'skills'],
  },
  {
    prefix: 'GOV',
    name: t(
      'Labour migration governance',
      'Gouvernance des migrations de main-d’œuvre',
      'Gobernanza de la migración laboral',
    ),
    about: t(
      'Designing coherent labour migration policies with social partners and linking them to employment policy.',
      'Concevoir des politiques migratoires cohérentes avec les partenaires sociaux et les relier aux politiques de l’emploi.',
      'Diseñar políticas de migración laboral coherentes con los interlocutores sociales y vincularlas con la política de empleo.',
    ),
    themes: ['governance'],
  },
  {
    prefix: 'SEA',
    name: t(
      'Seasonal and circular migration',
      'Migrations saisonnières et circulaires',
      'Migración estacional y circular',
    ),
    about: t(
      'Temporary and seasonal labour migration schemes that protect workers and meet labour market needs.',
      'Des programmes de migration temporaire et saisonnière qui protègent les travailleurs et répondent aux besoins du marché du travail.',
      'Programas de migración temporal y estacional que protegen a los trabajadores y responden a las necesidades del mercado laboral.',
    ),
    themes: ['governance', 'rights'],
  },
  {
    prefix: 'YTH',
    name: t(
      'Youth employment and migration',
      'Emploi des jeunes et migrations',
      'Empleo juvenil y migración',
    ),
    about: t(
      'Decent work for young people who consider migrating, and safe pathways when they do.',
      'Le travail décent pour les jeunes qui envisagent de migrer, et des voies sûres quand ils le font.',
      'Trabajo decente para los jóvenes que piensan migrar y vías seguras cuando lo hacen.',
    ),
    themes: ['development', 'skills'],
  },
  {
    prefix: 'DWK',
    name: t(
      'Decent work for domestic workers',
      'Travail décent pour les travailleurs domestiques',
      'Trabajo decente para las trabajadoras y los trabajadores domésticos',
    ),
    about: t(
      'Applying Convention No. 189 to migrant domestic workers: contracts, working time, inspection and complaints.',
      'Appliquer la convention no 189 aux travailleurs domestiques migrants : contrats, temps de travail, inspection et plaintes.',
      'Aplicar el Convenio núm. 189 a las personas trabajadoras domésticas migrantes: contratos, tiempo de trabajo, inspección y quejas.',
    ),
    themes: ['gender', 'rights'],
  },
  {
    prefix: 'ILS',
    name: t(
      'International labour standards on migration',
      'Normes internationales du travail sur les migrations',
      'Normas internacionales del trabajo sobre migración',
    ),
    about: t(
      'Conventions Nos. 97 and 143 and the general principles for fair recruitment, and how supervisory bodies apply them.',
      'Les conventions nos 97 et 143, les principes généraux pour un recrutement équitable et leur application par les organes de contrôle.',
      'Los Convenios núms. 97 y 143, los principios generales para la contratación equitativa y su aplicación por los órganos de control.',
    ),
    themes: ['rights', 'governance'],
  },
  {
    prefix: 'LMI',
    name: t(
      'Labour market information for migration policy',
      'Information sur le marché du travail pour les politiques migratoires',
      'Información del mercado laboral para la política migratoria',
    ),
    about: t(
      'Assessing labour shortages and skills needs before opening or closing labour migration channels.',
      'Évaluer les pénuries de main-d’œuvre et les besoins en compétences avant d’ouvrir ou de fermer des voies de migration.',
      'Evaluar la escasez de mano de obra y las necesidades de competencias antes de abrir o cerrar vías de migración laboral.',
    ),
    themes: ['data', 'skills'],
  },
  {
    prefix: 'SDL',
    name: t(
      'Social dialogue on labour migration',
      'Dialogue social sur les migrations de main-d’œuvre',
      'Diálogo social sobre migración laboral',
    ),
    about: t(
      'The role of employers’ and workers’ organizations in shaping and monitoring labour migration policy.',
      'Le rôle des organisations d’employeurs et de travailleurs dans l’élaboration et le suivi des politiques migratoires.',
      'El papel de las organizaciones de empleadores y de trabajadores en la elaboración y el seguimiento de la política migratoria.',
    ),
    themes: ['governance', 'rights'],
  },
];
