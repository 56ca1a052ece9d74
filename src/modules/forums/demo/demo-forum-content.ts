/**
 * The demo Academy's discussion and debate, written for the demo in English, French and Spanish (each post
 * in its author's language, as in the Academy's international classes). `by` names a demo person by email;
 * `staff` is the edition's facilitator.
 */
export interface DemoThread {
  by: string;
  subject: string;
  body: string;
  pinned?: boolean;
  replies: { by: string; body: string; quoteFirst?: boolean }[];
}

export const DEMO_FORUM_TITLE = {
  en: 'Discussion forum: governing labour migration',
  fr: 'Forum de discussion : gouverner les migrations de main-d’œuvre',
  es: 'Foro de discusión: gobernar la migración laboral',
};

export const DEMO_DEBATE_TITLE = {
  en: 'Debate: employers pay recruitment fees',
  fr: 'Débat : les employeurs paient les frais de recrutement',
  es: 'Debate: los empleadores pagan los costos de contratación',
};

export const DEMO_THREADS: DemoThread[] = [
  {
    by: 'staff',
    pinned: true,
    subject: 'Welcome — introduce yourself / Présentez-vous / Preséntese',
    body: 'Welcome to the Academy forum! Tell us **where you work** and one migration question you would like to explore during these two weeks. You may write in English, French or Spanish.',
    replies: [
      {
        by: 'carlos.nunez@example.org',
        body: 'Hola a todos. Trabajo en el Ministerio de Trabajo de mi país, en la oficina de migración laboral. Me interesa cómo negociar acuerdos bilaterales que protejan de verdad a los trabajadores temporales.',
      },
      {
        by: 'participant@example.org',
        body: 'Hello everyone! I coordinate pre-departure training for workers going abroad. My question: how can **skills recognition** start before people leave, not after they arrive?',
      },
      {
        by: 'koffi.yao@example.org',
        body: 'Bonjour à toutes et à tous. Je travaille pour une organisation syndicale à Abidjan. Je voudrais comprendre comment les syndicats des pays d’origine et de destination peuvent coopérer.',
      },
      {
        by: 'sunita.gurung@example.org',
        body: 'Namaste! I work with a migrants’ association in Kathmandu. Many of our members paid high fees to recruiters, so fair recruitment is my main interest.',
      },
    ],
  },
  {
    by: 'sunita.gurung@example.org',
    subject: 'Fair recruitment: who really pays the fees?',
    body: 'The ILO General Principles say that no recruitment fees or related costs should be charged to workers. In practice, the workers I meet still pay — sometimes a year of wages. How do your countries **enforce** the rule?',
    replies: [
      {
        by: 'carlos.nunez@example.org',
        quoteFirst: true,
        body: 'En nuestro caso, el registro de agencias privadas exige una garantía bancaria. Si una agencia cobra al trabajador, se ejecuta la garantía y se reembolsa. No es perfecto, pero ha reducido las quejas.',
      },
      {
        by: 'koffi.yao@example.org',
        body: 'Chez nous, le problème vient souvent des sous-agents informels dans les villages. Les inspections visent les agences agréées, pas les intermédiaires. Avez-vous des exemples de contrôle de toute la chaîne ?',
      },
      {
        by: 'staff',
        body: 'Good points. For tomorrow’s session, look at the *Operational guidelines* in the reading list, section on **sub-agents and liability across the chain**. @CarlosNunezRodriguez, could you share how the bank guarantee is set?',
      },
      {
        by: 'participant@example.org',
        body: 'A practical idea from our pre-departure courses: we show workers a one-page list of costs that the employer must pay. Several have refused to pay a recruiter after seeing it.',
      },
    ],
  },
  {
    by: 'koffi.yao@example.org',
    subject: 'Reconnaissance des compétences : par où commencer ?',
    body: 'Beaucoup de travailleurs migrants ont des compétences acquises sur le tas, sans diplôme. Quels dispositifs de **validation des acquis** fonctionnent entre pays d’origine et de destination ?',
    replies: [
      {
        by: 'participant@example.org',
        body: 'In our region, a few countries signed mutual recognition arrangements for construction and care work. Testing happens before departure, with assessors trained by both sides.',
      },
      {
        by: 'carlos.nunez@example.org',
        body: 'Coincido. Además, los empleadores deben participar en la definición de las normas; si no, el certificado no abre puertas.',
      },
    ],
  },
  {
    by: 'carlos.nunez@example.org',
    subject: 'Remesas y desarrollo: ¿qué políticas funcionan?',
    body: 'Las remesas superan la ayuda oficial al desarrollo en muchos países. ¿Qué medidas han visto para **reducir su costo** y canalizarlas hacia la inversión sin obligar a nadie?',
    replies: [
      {
        by: 'sunita.gurung@example.org',
        body: 'Digital transfers cut costs a lot for our members, but only once they had bank accounts. Financial literacy sessions made the difference.',
      },
      {
        by: 'koffi.yao@example.org',
        body: 'Attention à ne pas transformer les remesas en impôt déguisé : ce sont des revenus privés des familles.',
      },
    ],
  },
];

export const DEMO_DEBATE = {
  motion: 'Employers, not workers, should pay all recruitment fees and related costs',
  positions: ['For the motion', 'Against the motion'],
  teams: {
    'carlos.nunez@example.org': 'p1',
    'sunita.gurung@example.org': 'p1',
    'participant@example.org': 'p2',
    'koffi.yao@example.org': 'p2',
  } as Record<string, string>,
  contributions: [
    {
      round: 'opening',
      by: 'sunita.gurung@example.org',
      body: 'Workers start their migration in debt. When employers pay, recruiters compete on quality, not on what they can extract from workers.',
    },
    {
      round: 'opening',
      by: 'participant@example.org',
      body: 'We argue against the motion as worded: some costs, such as a passport, benefit the worker for life. A shared model with clear caps may be more realistic.',
    },
    {
      round: 'rebuttal',
      by: 'carlos.nunez@example.org',
      body: 'El pasaporte es un ejemplo marginal. Los costos grandes —visados, exámenes médicos, comisiones— existen solo porque el empleador contrata.',
    },
    {
      round: 'rebuttal',
      by: 'koffi.yao@example.org',
      body: 'Sans contrôle des sous-agents, le principe « employeur payeur » reste théorique : les frais réapparaissent sous un autre nom.',
    },
    {
      round: 'closing',
      by: 'sunita.gurung@example.org',
      body: 'Enforcement is hard, but a clear rule is the first step to enforce anything. Vote for the motion.',
    },
    {
      round: 'closing',
      by: 'participant@example.org',
      body: 'We agree on the goal. Our point is the path: caps, transparency and joint liability first.',
    },
  ],
  votes: {
    before: {
      'carlos.nunez@example.org': 'p1',
      'sunita.gurung@example.org': 'p1',
      'participant@example.org': 'p2',
      'koffi.yao@example.org': 'p2',
    },
    after: {
      'carlos.nunez@example.org': 'p1',
      'sunita.gurung@example.org': 'p1',
      'participant@example.org': 'p1',
      'koffi.yao@example.org': 'p2',
    },
  } as Record<'before' | 'after', Record<string, string>>,
  summary:
    'Both teams agreed that **workers should not start migration in debt**. The debate turned on enforcement: the team for the motion argued that a clear "employer pays" rule is the basis of any enforcement; the team against it argued for caps, transparency and joint liability along the recruitment chain. One participant changed their vote after the closing statements.\n\n*Résumé :* les deux équipes s’accordent sur l’objectif ; le désaccord porte sur les moyens de contrôle. *Resumen:* ambos equipos coinciden en el objetivo; discrepan en cómo hacerlo cumplir.',
};
