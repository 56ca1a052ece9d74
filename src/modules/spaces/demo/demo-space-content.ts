/**
 * The demo Academy's course space: texts written for the demo (not copied from anywhere) about the
 * Academy's topics, in English, French and Spanish. Dates are days relative to the edition's start.
 */
import type { LocalizedText } from '../../../i18n/localized.js';

export interface DemoItem {
  kind: 'page' | 'link';
  title: LocalizedText;
  body?: LocalizedText;
  url?: string;
  required: boolean;
  /** Days after the edition's start it is due (negative: before), at 17:00 UTC. */
  dueDay?: number;
  /** Opens only once the previous item is complete. */
  afterPrevious?: boolean;
}

export interface DemoSection {
  title: LocalizedText;
  phase: 'self-paced' | 'live' | 'residential' | 'assignment' | null;
  items: DemoItem[];
}

export const DEMO_SPACE: DemoSection[] = [
  {
    title: { en: 'Before you arrive', fr: 'Avant votre arrivée', es: 'Antes de llegar' },
    phase: null,
    items: [
      {
        kind: 'page',
        title: { en: 'Welcome to the Academy', fr: 'Bienvenue à l’Académie', es: 'Bienvenida a la Academia' },
        required: true,
        dueDay: -7,
        body: {
          en: `# Welcome to the Academy

This space accompanies you before, during and after the two weeks in Turin. Work through this section **before you travel**: it takes about three hours.

## How the space works

- Each item tells you whether it is *required* and when it is due, in your own time zone.
- Pages are done when you press **Mark as done** at the bottom.
- Some items open only once you have finished the one before.

## What we expect from you

Bring one labour migration question from your own work: a policy being drafted, a programme that is not reaching the people it should, an agreement under negotiation. We will come back to it in the group work and in your final assignment.`,
          fr: `# Bienvenue à l’Académie

Cet espace vous accompagne avant, pendant et après les deux semaines à Turin. Parcourez cette section **avant votre voyage** : comptez environ trois heures.

## Comment fonctionne l’espace

- Chaque élément indique s’il est *obligatoire* et sa date d’échéance, dans votre fuseau horaire.
- Une page est terminée lorsque vous cliquez sur **Marquer comme fait** en bas de page.
- Certains éléments ne s’ouvrent qu’une fois le précédent terminé.

## Ce que nous attendons de vous

Apportez une question de migration de main-d’œuvre tirée de votre travail : une politique en préparation, un programme qui n’atteint pas son public, un accord en négociation. Nous y reviendrons lors du travail en groupe et dans votre travail final.`,
          es: `# Bienvenida a la Academia

Este espacio le acompaña antes, durante y después de las dos semanas en Turín. Recorra esta sección **antes de viajar**: le llevará unas tres horas.

## Cómo funciona el espacio

- Cada elemento indica si es *obligatorio* y su fecha límite, en su propia zona horaria.
- Una página queda hecha cuando pulsa **Marcar como hecho** al final.
- Algunos elementos solo se abren cuando ha terminado el anterior.

## Qué esperamos de usted

Traiga una pregunta sobre migración laboral de su propio trabajo: una política en preparación, un programa que no llega a quien debería, un acuerdo en negociación. Volveremos a ella en el trabajo en grupo y en su trabajo final.`,
        },
      },
      {
        kind: 'page',
        title: {
          en: 'Governing labour migration: who decides what',
          fr: 'Gouverner les migrations de main-d’œuvre : qui décide quoi',
          es: 'Gobernar la migración laboral: quién decide qué',
        },
        required: true,
        dueDay: -3,
        afterPrevious: true,
        body: {
          en: `# Governing labour migration: who decides what

Labour migration is governed by many hands at once. A ministry of labour may set admission rules, a ministry of foreign affairs issues visas, employers recruit, private agencies match workers and jobs, and trade unions negotiate the conditions under which migrant workers are employed.

## Three questions to keep in mind

1. **Who is at the table?** Policies written without employers' and workers' organisations are rarely applied as written.
2. **Which level?** Bilateral agreements, regional frameworks and national law interact; a gap at one level is often filled, or exploited, at another.
3. **What evidence?** Decisions on quotas or shortage lists need labour market information that many countries do not yet collect.

## Before the Academy

Write down, in a few lines, how these three questions apply to the case you are bringing. You will share it with your group on the first day.`,
          fr: `# Gouverner les migrations de main-d’œuvre : qui décide quoi

Les migrations de main-d’œuvre sont gouvernées par de nombreux acteurs à la fois. Un ministère du travail fixe les règles d’admission, un ministère des affaires étrangères délivre les visas, les employeurs recrutent, des agences privées rapprochent travailleurs et emplois, et les syndicats négocient les conditions d’emploi des travailleurs migrants.

## Trois questions à garder en tête

1. **Qui est autour de la table ?** Une politique écrite sans les organisations d’employeurs et de travailleurs est rarement appliquée telle quelle.
2. **À quel niveau ?** Accords bilatéraux, cadres régionaux et droit national interagissent ; une lacune à un niveau est souvent comblée, ou exploitée, à un autre.
3. **Avec quelles données ?** Décider de quotas ou de listes de métiers en tension suppose des informations sur le marché du travail que beaucoup de pays ne collectent pas encore.

## Avant l’Académie

Notez en quelques lignes comment ces trois questions s’appliquent au cas que vous apportez. Vous le partagerez avec votre groupe le premier jour.`,
          es: `# Gobernar la migración laboral: quién decide qué

La migración laboral la gobiernan muchas manos a la vez. Un ministerio de trabajo fija las reglas de admisión, un ministerio de asuntos exteriores expide los visados, los empleadores contratan, las agencias privadas ponen en contacto a trabajadores y empleos, y los sindicatos negocian las condiciones de empleo de los trabajadores migrantes.

## Tres preguntas que conviene tener presentes

1. **¿Quién está en la mesa?** Las políticas redactadas sin las organizaciones de empleadores y de trabajadores rara vez se aplican tal como se escribieron.
2. **¿En qué nivel?** Los acuerdos bilaterales, los marcos regionales y la legislación nacional interactúan; un vacío en un nivel a menudo se llena, o se aprovecha, en otro.
3. **¿Con qué datos?** Decidir cupos o listas de ocupaciones con escasez requiere información del mercado laboral que muchos países aún no recogen.

## Antes de la Academia

Escriba en unas líneas cómo se aplican estas tres preguntas al caso que trae. Lo compartirá con su grupo el primer día.`,
        },
      },
      {
        kind: 'link',
        title: {
          en: 'ILO: labour migration topic page',
          fr: 'OIT : page thématique sur les migrations de main-d’œuvre',
          es: 'OIT: página temática sobre migración laboral',
        },
        url: 'https://www.ilo.org/topics/labour-migration',
        required: false,
      },
    ],
  },
  {
    title: {
      en: 'In Turin: the two weeks',
      fr: 'À Turin : les deux semaines',
      es: 'En Turín: las dos semanas',
    },
    phase: 'residential',
    items: [
      {
        kind: 'page',
        title: {
          en: 'Fair recruitment in practice',
          fr: 'Le recrutement équitable en pratique',
          es: 'La contratación equitativa en la práctica',
        },
        required: true,
        dueDay: 4,
        body: {
          en: `# Fair recruitment in practice

Many migrant workers pay to get a job abroad: agency fees, travel, medical tests, training. Debts taken on before departure tie workers to employers and make every other right harder to claim.

## The principle

Workers should not pay recruitment fees or related costs; the employer bears them. Recruiters should be registered, monitored and liable for what they promise.

## In the session

We compare three approaches: licensing and inspection of agencies, employer-pays commitments in supply chains, and government-to-government recruitment. For each, ask **who checks**, **who pays when it goes wrong** and **how a worker complains from abroad**.`,
          fr: `# Le recrutement équitable en pratique

Beaucoup de travailleurs migrants paient pour obtenir un emploi à l’étranger : frais d’agence, voyage, examens médicaux, formation. Les dettes contractées avant le départ lient les travailleurs à leur employeur et rendent tous les autres droits plus difficiles à faire valoir.

## Le principe

Les travailleurs ne devraient payer ni frais de recrutement ni coûts connexes ; l’employeur les prend en charge. Les recruteurs devraient être enregistrés, contrôlés et responsables de ce qu’ils promettent.

## Pendant la séance

Nous comparons trois approches : l’agrément et l’inspection des agences, l’engagement « l’employeur paie » dans les chaînes d’approvisionnement, et le recrutement d’État à État. Pour chacune, demandez-vous **qui contrôle**, **qui paie en cas de problème** et **comment un travailleur peut se plaindre depuis l’étranger**.`,
          es: `# La contratación equitativa en la práctica

Muchos trabajadores migrantes pagan por conseguir un empleo en el extranjero: comisiones de agencia, viaje, exámenes médicos, formación. Las deudas contraídas antes de partir atan a los trabajadores a sus empleadores y dificultan reclamar cualquier otro derecho.

## El principio

Los trabajadores no deberían pagar comisiones de contratación ni costos conexos; los asume el empleador. Los reclutadores deberían estar registrados, supervisados y responder de lo que prometen.

## En la sesión

Comparamos tres enfoques: la licencia e inspección de agencias, los compromisos de «paga el empleador» en las cadenas de suministro y la contratación entre gobiernos. Para cada uno, pregúntese **quién controla**, **quién paga cuando algo falla** y **cómo reclama un trabajador desde el extranjero**.`,
        },
      },
      {
        kind: 'page',
        title: {
          en: 'Migration and development: remittances, skills, return',
          fr: 'Migrations et développement : transferts de fonds, compétences, retour',
          es: 'Migración y desarrollo: remesas, competencias, retorno',
        },
        required: false,
        dueDay: 9,
        body: {
          en: `# Migration and development

Remittances are larger than official development aid in many countries, but they are private money: policy can lower their cost and widen the choices of the families who receive them, not direct them.

## Skills move both ways

Recognising the qualifications migrants already hold, and the skills they gain abroad, decides whether they work at their level — and whether returning pays off.

## Discussion

Which of these levers does your country use today, and which one would make the biggest difference for the workers you have in mind?`,
          fr: `# Migrations et développement

Dans bien des pays, les transferts de fonds dépassent l’aide publique au développement, mais il s’agit d’argent privé : les politiques peuvent en réduire le coût et élargir les choix des familles qui les reçoivent, pas les diriger.

## Les compétences circulent dans les deux sens

Reconnaître les qualifications que les migrants possèdent déjà, et celles qu’ils acquièrent à l’étranger, détermine s’ils travaillent à leur niveau — et si le retour est payant.

## Discussion

Lesquels de ces leviers votre pays utilise-t-il aujourd’hui, et lequel changerait le plus la situation des travailleurs auxquels vous pensez ?`,
          es: `# Migración y desarrollo

En muchos países las remesas superan la ayuda oficial al desarrollo, pero son dinero privado: las políticas pueden abaratar su envío y ampliar las opciones de las familias que las reciben, no dirigirlas.

## Las competencias circulan en ambos sentidos

Reconocer las cualificaciones que los migrantes ya tienen, y las que adquieren en el extranjero, decide si trabajan a su nivel y si el retorno compensa.

## Debate

¿Cuáles de estas palancas utiliza hoy su país y cuál marcaría la mayor diferencia para los trabajadores en los que piensa?`,
        },
      },
    ],
  },
];
