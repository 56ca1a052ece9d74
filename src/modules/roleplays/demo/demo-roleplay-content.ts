/**
 * The demo role-play, written for the demo in English, French and Spanish: two fictional countries,
 * Sundara (origin) and Veldmark (destination), negotiate a bilateral labour migration agreement for
 * seasonal agricultural and care workers, with the social partners, a recruitment agency, a migrants'
 * association and an international organisation at the table.
 */
import type { LocalizedText } from '../../../i18n/localized.js';

export interface DemoRole {
  key: string;
  constituency: string | null;
  name: LocalizedText;
  publicBrief: LocalizedText;
  privateBrief: LocalizedText;
}

export const DEMO_ROLEPLAY_TITLE: LocalizedText = {
  en: 'Role-play: negotiating a bilateral labour migration agreement',
  fr: 'Jeu de rôle : négocier un accord bilatéral sur les migrations de main-d’œuvre',
  es: 'Juego de rol: negociar un acuerdo bilateral de migración laboral',
};

export const DEMO_SECTION_TITLE: LocalizedText = {
  en: 'Role-play and case study',
  fr: 'Jeu de rôle et étude de cas',
  es: 'Juego de rol y estudio de caso',
};

export const DEMO_SCENARIO: LocalizedText = {
  en: 'Sundara, a country of 30 million people, sends about 200,000 workers abroad each year; remittances are 9 % of its GDP. Veldmark, an ageing high-income country, lacks 40,000 seasonal farm workers and 25,000 care workers. The two governments have agreed to negotiate a **bilateral labour migration agreement** within two weeks.\n\nThe agreement must settle at least: recruitment (who recruits, who pays the fees), contracts and wages, social security, skills recognition, return and reintegration, and how the agreement will be monitored. Each delegation has a public position, known to all, and private instructions from its principals.',
  fr: 'Le Sundara, pays de 30 millions d’habitants, envoie environ 200 000 travailleurs à l’étranger chaque année ; les envois de fonds représentent 9 % de son PIB. Le Veldmark, pays à revenu élevé et vieillissant, manque de 40 000 saisonniers agricoles et de 25 000 aides à domicile. Les deux gouvernements sont convenus de négocier en deux semaines un **accord bilatéral sur les migrations de main-d’œuvre**.\n\nL’accord doit régler au moins : le recrutement (qui recrute, qui paie les frais), les contrats et les salaires, la sécurité sociale, la reconnaissance des compétences, le retour et la réintégration, et le suivi de l’accord. Chaque délégation a une position publique, connue de tous, et des instructions confidentielles de ses mandants.',
  es: 'Sundara, un país de 30 millones de habitantes, envía unos 200 000 trabajadores al extranjero cada año; las remesas equivalen al 9 % de su PIB. Veldmark, un país de ingresos altos y población envejecida, necesita 40 000 temporeros agrícolas y 25 000 cuidadores. Ambos gobiernos han acordado negociar en dos semanas un **acuerdo bilateral de migración laboral**.\n\nEl acuerdo debe resolver al menos: la contratación (quién recluta, quién paga las comisiones), los contratos y salarios, la seguridad social, el reconocimiento de competencias, el retorno y la reintegración, y el seguimiento del acuerdo. Cada delegación tiene una posición pública, conocida por todos, e instrucciones confidenciales de sus mandantes.',
};

export const DEMO_ROLES: DemoRole[] = [
  {
    key: 'origin',
    constituency: 'government',
    name: {
      en: 'Ministry of Labour of Sundara (origin)',
      fr: 'Ministère du Travail du Sundara (origine)',
      es: 'Ministerio de Trabajo de Sundara (origen)',
    },
    publicBrief: {
      en: 'You want more legal places for Sundaran workers, equal treatment with national workers and the portability of pensions.',
      fr: 'Vous voulez davantage de places légales pour les travailleurs du Sundara, l’égalité de traitement avec les nationaux et la portabilité des pensions.',
      es: 'Quiere más plazas legales para los trabajadores de Sundara, igualdad de trato con los nacionales y la portabilidad de las pensiones.',
    },
    privateBrief: {
      en: 'Your minister faces elections in six months: a signed agreement with at least 30,000 places a year is a political must. You may give ground on the duration of contracts (down to 9 months), but never accept that workers pay recruitment fees.',
      fr: 'Votre ministre affronte des élections dans six mois : un accord signé avec au moins 30 000 places par an est un impératif politique. Vous pouvez céder sur la durée des contrats (jusqu’à 9 mois), mais n’acceptez jamais que les travailleurs paient des frais de recrutement.',
      es: 'Su ministra afronta elecciones dentro de seis meses: un acuerdo firmado con al menos 30 000 plazas al año es un imperativo político. Puede ceder en la duración de los contratos (hasta 9 meses), pero nunca acepte que los trabajadores paguen comisiones de contratación.',
    },
  },
  {
    key: 'destination',
    constituency: 'government',
    name: {
      en: 'Ministry of Labour of Veldmark (destination)',
      fr: 'Ministère du Travail du Veldmark (destination)',
      es: 'Ministerio de Trabajo de Veldmark (destino)',
    },
    publicBrief: {
      en: 'You need workers quickly for agriculture and care, with orderly temporary migration and guaranteed return.',
      fr: 'Vous avez besoin rapidement de travailleurs pour l’agriculture et les soins, avec une migration temporaire ordonnée et un retour garanti.',
      es: 'Necesita trabajadores rápidamente para la agricultura y los cuidados, con una migración temporal ordenada y un retorno garantizado.',
    },
    privateBrief: {
      en: 'Your cabinet caps the first year at 25,000 places, but the finance ministry would accept 35,000 if Sundara takes back workers who overstay. Social security portability is acceptable only after five years of contributions.',
      fr: 'Votre gouvernement plafonne la première année à 25 000 places, mais le ministère des Finances accepterait 35 000 si le Sundara réadmet les travailleurs restés au-delà de leur contrat. La portabilité de la sécurité sociale n’est acceptable qu’après cinq ans de cotisations.',
      es: 'Su gobierno limita el primer año a 25 000 plazas, pero el Ministerio de Hacienda aceptaría 35 000 si Sundara readmite a los trabajadores que se queden más allá de su contrato. La portabilidad de la seguridad social solo es aceptable tras cinco años de cotizaciones.',
    },
  },
  {
    key: 'employers',
    constituency: 'employers',
    name: {
      en: 'Veldmark Farmers’ and Care Providers’ Federation',
      fr: 'Fédération des agriculteurs et prestataires de soins du Veldmark',
      es: 'Federación de Agricultores y Proveedores de Cuidados de Veldmark',
    },
    publicBrief: {
      en: 'Your members need predictable, fast procedures and workers who can return season after season.',
      fr: 'Vos membres ont besoin de procédures rapides et prévisibles et de travailleurs qui puissent revenir saison après saison.',
      es: 'Sus miembros necesitan procedimientos rápidos y previsibles y trabajadores que puedan volver temporada tras temporada.',
    },
    privateBrief: {
      en: 'Your large members would pay recruitment costs if visas take less than 30 days; small farms cannot afford it. Push for multi-season visas.',
      fr: 'Vos grands adhérents paieraient les frais de recrutement si les visas sont délivrés en moins de 30 jours ; les petites exploitations ne le peuvent pas. Défendez des visas pluri-saisonniers.',
      es: 'Sus grandes afiliados pagarían los costes de contratación si los visados se conceden en menos de 30 días; las pequeñas explotaciones no pueden. Defienda visados plurianuales.',
    },
  },
  {
    key: 'workers',
    constituency: 'workers',
    name: {
      en: 'Trade union confederation (both countries)',
      fr: 'Confédération syndicale (des deux pays)',
      es: 'Confederación sindical (de ambos países)',
    },
    publicBrief: {
      en: 'Equal pay for equal work, the right to join a union, and no tied visas that bind a worker to one employer.',
      fr: 'À travail égal, salaire égal, le droit de se syndiquer, et pas de visas liés à un seul employeur.',
      es: 'Igual salario por igual trabajo, derecho a sindicarse y ningún visado vinculado a un único empleador.',
    },
    privateBrief: {
      en: 'The Veldmark union fears wage dumping in care; the Sundara union wants its members trained before departure. You will support the agreement only with a joint monitoring committee in which unions sit.',
      fr: 'Le syndicat du Veldmark craint un dumping salarial dans les soins ; celui du Sundara veut que ses membres soient formés avant le départ. Vous ne soutiendrez l’accord qu’avec un comité de suivi conjoint où siègent les syndicats.',
      es: 'El sindicato de Veldmark teme el dumping salarial en los cuidados; el de Sundara quiere que sus afiliados se formen antes de partir. Solo apoyará el acuerdo con un comité mixto de seguimiento en el que participen los sindicatos.',
    },
  },
  {
    key: 'agency',
    constituency: 'employers',
    name: {
      en: 'Private recruitment agency association',
      fr: 'Association des agences de recrutement privées',
      es: 'Asociación de agencias privadas de empleo',
    },
    publicBrief: {
      en: 'Licensed agencies can match workers and employers at scale, under the ILO General Principles for fair recruitment.',
      fr: 'Les agences agréées peuvent mettre en relation travailleurs et employeurs à grande échelle, selon les principes généraux de l’OIT pour un recrutement équitable.',
      es: 'Las agencias autorizadas pueden poner en contacto a trabajadores y empleadores a gran escala, según los principios generales de la OIT para una contratación equitativa.',
    },
    privateBrief: {
      en: 'Some of your members still charge workers fees. You want the agreement to keep a role for agencies; a public-only recruitment channel would ruin your members.',
      fr: 'Certains de vos membres font encore payer des frais aux travailleurs. Vous voulez que l’accord garde un rôle aux agences ; un recrutement uniquement public ruinerait vos membres.',
      es: 'Algunos de sus miembros todavía cobran comisiones a los trabajadores. Quiere que el acuerdo mantenga un papel para las agencias; una contratación solo pública arruinaría a sus miembros.',
    },
  },
  {
    key: 'migrants',
    constituency: 'diaspora',
    name: {
      en: 'Sundaran migrants’ association in Veldmark',
      fr: 'Association des migrants du Sundara au Veldmark',
      es: 'Asociación de migrantes de Sundara en Veldmark',
    },
    publicBrief: {
      en: 'You speak for the 60,000 Sundarans already in Veldmark: information before departure, decent housing, access to justice.',
      fr: 'Vous parlez au nom des 60 000 Sundarais déjà au Veldmark : information avant le départ, logement décent, accès à la justice.',
      es: 'Habla en nombre de los 60 000 sundareses que ya viven en Veldmark: información antes de partir, vivienda digna, acceso a la justicia.',
    },
    privateBrief: {
      en: 'You have documented cases of confiscated passports on two farms. You can make them public if the negotiation ignores complaint mechanisms.',
      fr: 'Vous avez documenté des cas de passeports confisqués dans deux exploitations. Vous pouvez les rendre publics si la négociation ignore les mécanismes de plainte.',
      es: 'Ha documentado casos de pasaportes confiscados en dos explotaciones. Puede hacerlos públicos si la negociación ignora los mecanismos de queja.',
    },
  },
  {
    key: 'io',
    constituency: 'international',
    name: {
      en: 'International organisation (facilitating)',
      fr: 'Organisation internationale (facilitatrice)',
      es: 'Organización internacional (facilitadora)',
    },
    publicBrief: {
      en: 'You offer technical support and model clauses, and chair the sessions.',
      fr: 'Vous offrez un appui technique et des clauses types, et présidez les séances.',
      es: 'Ofrece apoyo técnico y cláusulas modelo, y preside las sesiones.',
    },
    privateBrief: {
      en: 'A donor will fund a pre-departure training programme only if the agreement has a monitoring committee and a complaint mechanism. Steer the parties towards both without taking sides.',
      fr: 'Un bailleur financera un programme de formation avant le départ seulement si l’accord prévoit un comité de suivi et un mécanisme de plainte. Orientez les parties vers les deux sans prendre parti.',
      es: 'Un donante financiará un programa de formación previa a la partida solo si el acuerdo incluye un comité de seguimiento y un mecanismo de quejas. Oriente a las partes hacia ambos sin tomar partido.',
    },
  },
];

export const DEMO_PHASES: { title: LocalizedText; day: number }[] = [
  {
    title: { en: 'Opening statements', fr: 'Déclarations liminaires', es: 'Declaraciones iniciales' },
    day: 2,
  },
  { title: { en: 'Bargaining', fr: 'Négociation', es: 'Negociación' }, day: 3 },
  {
    title: { en: 'Drafting the agreement', fr: 'Rédaction de l’accord', es: 'Redacción del acuerdo' },
    day: 4,
  },
];

export const DEMO_OUTCOME =
  '# Draft agreement between Sundara and Veldmark\n\n1. **Places**: 30,000 seasonal and care places in the first year.\n2. **Recruitment**: no fees charged to workers (employer pays), licensed agencies only.\n3. *To be negotiated*: social security portability, monitoring committee.';
