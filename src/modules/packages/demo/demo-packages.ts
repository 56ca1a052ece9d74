/**
 * The demo Academy's packages, written for the demo (not copied from anywhere): a SCORM 1.2 quiz on labour
 * migration data (questions in English, French and Spanish, shown in the browser's language; 60 % passes)
 * and a cmi5 unit on bilateral labour migration agreements that really talks to the platform's LRS (fetch
 * URL, `LMS.LaunchData`, "initialized", "completed", "terminated"). Their manifests come from the packages'
 * samples, as the tests' packages do.
 */
import { type PackageEntry, scorm12Manifest } from '../sample-packages.js';

const QUESTIONS = [
  {
    en: [
      'Which source counts migrant workers by their situation in the labour market?',
      'Labour force surveys',
      'Consular registers',
      'Airline passenger lists',
      0,
    ],
    fr: [
      'Quelle source compte les travailleurs migrants selon leur situation sur le marché du travail ?',
      'Les enquêtes sur la population active',
      'Les registres consulaires',
      'Les listes de passagers aériens',
      0,
    ],
    es: [
      '¿Qué fuente cuenta a los trabajadores migrantes según su situación en el mercado de trabajo?',
      'Las encuestas de población activa',
      'Los registros consulares',
      'Las listas de pasajeros aéreos',
      0,
    ],
  },
  {
    en: [
      'A work permit register mostly shows…',
      'everyone who emigrated',
      'the flows of people admitted to work',
      'the wages of migrant workers',
      1,
    ],
    fr: [
      'Un registre des permis de travail montre surtout…',
      'toutes les personnes qui ont émigré',
      'les flux de personnes admises à travailler',
      'les salaires des travailleurs migrants',
      1,
    ],
    es: [
      'Un registro de permisos de trabajo muestra sobre todo…',
      'a todas las personas que emigraron',
      'los flujos de personas admitidas a trabajar',
      'los salarios de los trabajadores migrantes',
      1,
    ],
  },
  {
    en: [
      'Why break labour migration statistics down by sex?',
      'It is required only for tourism data',
      'Women and men migrate into different sectors and face different risks',
      'It makes the tables shorter',
      1,
    ],
    fr: [
      'Pourquoi ventiler les statistiques des migrations de main-d’œuvre par sexe ?',
      'Ce n’est exigé que pour les données du tourisme',
      'Femmes et hommes migrent vers des secteurs différents et courent des risques différents',
      'Cela raccourcit les tableaux',
      1,
    ],
    es: [
      '¿Por qué desglosar por sexo las estadísticas de migración laboral?',
      'Solo se exige para los datos de turismo',
      'Mujeres y hombres migran hacia sectores distintos y enfrentan riesgos distintos',
      'Así las tablas son más cortas',
      1,
    ],
  },
] as const;

const quizPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Labour migration data: a short quiz</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}fieldset{margin:1rem 0}label{display:block;margin:.3rem 0}</style>
</head><body>
<h1 id="title">Labour migration data: a short quiz</h1>
<form id="quiz"></form>
<p id="out" role="status"></p>
<script>
var Q = ${JSON.stringify(QUESTIONS)};
var T = {
  en: { title: 'Labour migration data: a short quiz', submit: 'Check my answers', result: 'Your score: {s} %. ', passed: 'Passed.', failed: 'Not passed yet: read the page on data sources and try again.' },
  fr: { title: 'Les données sur les migrations de main-d’œuvre : un court quiz', submit: 'Vérifier mes réponses', result: 'Votre score : {s} %. ', passed: 'Réussi.', failed: 'Pas encore réussi : relisez la page sur les sources de données et réessayez.' },
  es: { title: 'Datos sobre migración laboral: un breve cuestionario', submit: 'Comprobar mis respuestas', result: 'Su puntuación: {s} %. ', passed: 'Aprobado.', failed: 'Todavía no aprobado: vuelva a leer la página sobre las fuentes de datos e inténtelo de nuevo.' }
};
var lang = (navigator.language || 'en').slice(0, 2); if (!T[lang]) lang = 'en';
document.documentElement.lang = lang; document.title = T[lang].title; document.getElementById('title').textContent = T[lang].title;
function findApi(w) { for (var i = 0; w && i < 10; i++) { try { if (w.API) return w.API; } catch (e) {} if (w.parent === w) break; w = w.parent; } return null; }
var api = findApi(window); if (api) api.LMSInitialize('');
var form = document.getElementById('quiz');
Q.forEach(function (q, n) {
  var fs = document.createElement('fieldset'); var lg = document.createElement('legend'); lg.textContent = (n + 1) + '. ' + q[lang][0]; fs.appendChild(lg);
  [1, 2, 3].forEach(function (c) { var l = document.createElement('label'); var i = document.createElement('input'); i.type = 'radio'; i.name = 'q' + n; i.value = String(c - 1); l.appendChild(i); l.appendChild(document.createTextNode(' ' + q[lang][c])); fs.appendChild(l); });
  form.appendChild(fs);
});
var b = document.createElement('button'); b.type = 'button'; b.textContent = T[lang].submit; form.appendChild(b);
// A button, not a form submission: the sandboxed frame the player runs content in does not allow forms.
b.addEventListener('click', function () {
  var right = 0; Q.forEach(function (q, n) { var c = form.querySelector('input[name=q' + n + ']:checked'); if (c && Number(c.value) === q[lang][4]) right++; });
  var score = Math.round(100 * right / Q.length); var passed = score >= 60;
  if (api) { api.LMSSetValue('cmi.core.score.min', '0'); api.LMSSetValue('cmi.core.score.max', '100'); api.LMSSetValue('cmi.core.score.raw', String(score)); api.LMSSetValue('cmi.core.lesson_status', passed ? 'passed' : 'failed'); api.LMSCommit(''); }
  document.getElementById('out').textContent = T[lang].result.replace('{s}', score) + (passed ? T[lang].passed : T[lang].failed);
});
window.addEventListener('unload', function () { if (api) api.LMSFinish(''); });
</script></body></html>`;

/** The SCORM 1.2 quiz's files. */
export function demoScormEntries(): PackageEntry[] {
  return [
    {
      name: 'imsmanifest.xml',
      data: scorm12Manifest('Labour migration data: a short quiz', [
        { id: 'quiz', title: 'Quiz', href: 'index.html' },
      ]),
    },
    { name: 'index.html', data: quizPage },
  ];
}

export const DEMO_CMI5_COURSE_ID = 'https://demo.diploma.example.org/lma/cmi5/bilateral-agreements';
export const DEMO_CMI5_AU_ID = `${DEMO_CMI5_COURSE_ID}/unit-1`;

const cmi5Xml = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${DEMO_CMI5_COURSE_ID}">
    <title><langstring lang="en-US">Bilateral labour migration agreements</langstring><langstring lang="fr-FR">Les accords bilatéraux de migration de main-d’œuvre</langstring><langstring lang="es-ES">Los acuerdos bilaterales de migración laboral</langstring></title>
    <description><langstring lang="en-US">A short unit tracked through the platform's Learning Record Store.</langstring></description>
  </course>
  <au id="${DEMO_CMI5_AU_ID}" moveOn="Completed" launchMethod="AnyWindow">
    <title><langstring lang="en-US">What a good agreement contains</langstring></title>
    <description><langstring lang="en-US">Read and confirm.</langstring></description>
    <url>au/index.html</url>
  </au>
</courseStructure>`;

const auPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>What a good agreement contains</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem}</style>
</head><body>
<h1>What a good bilateral labour migration agreement contains</h1>
<p>Bilateral agreements and memoranda of understanding organise recruitment between a country of origin and a
country of destination. Reviews of such agreements keep finding the same strengths in the ones that work:</p>
<ul>
<li>a clear list of the sectors and occupations covered, with the number of workers expected;</li>
<li>recruitment without fees or costs charged to workers, and a named authority that answers complaints;</li>
<li>a model employment contract in a language the worker reads, signed before departure;</li>
<li>equal treatment with national workers in pay, working time and social security, and the portability of benefits;</li>
<li>a joint committee that meets regularly, publishes what it finds and can amend the agreement.</li>
</ul>
<p>Think of an agreement your country has signed: which of these does it hold, and who checks that they are applied?</p>
<p><button id="done" type="button" disabled>I have read this unit</button> <span id="out" role="status">Connecting…</span></p>
<p id="back" hidden><a id="return" href="#">Back to the course</a></p>
<script>
(function () {
  var q = new URLSearchParams(location.search);
  var endpoint = (q.get('endpoint') || '').replace(/\\/?$/, '/');
  var actor = JSON.parse(q.get('actor') || '{}');
  var registration = q.get('registration'); var activityId = q.get('activityId');
  var token = null; var launchData = null; var started = Date.now();
  var out = document.getElementById('out'); var done = document.getElementById('done');
  function xapi(method, path, body) {
    return fetch(endpoint + path, { method: method, headers: { Authorization: 'Basic ' + token, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  }
  function send(verb, display, result) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    context.contextActivities.category = [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }];
    var s = { actor: actor, verb: { id: verb, display: { 'en-US': display } }, object: { id: activityId, objectType: 'Activity' }, context: context, timestamp: new Date().toISOString() };
    if (result) s.result = result;
    return xapi('POST', 'statements', s).then(function (r) { if (!r.ok) throw new Error('LRS ' + r.status); });
  }
  function duration() { return 'PT' + Math.max(1, Math.round((Date.now() - started) / 1000)) + 'S'; }
  fetch(q.get('fetch'), { method: 'POST' }).then(function (r) { return r.json(); }).then(function (j) {
    if (!j['auth-token']) throw new Error('no token');
    token = j['auth-token'];
    var state = 'activities/state?stateId=LMS.LaunchData&activityId=' + encodeURIComponent(activityId) + '&agent=' + encodeURIComponent(JSON.stringify(actor)) + '&registration=' + encodeURIComponent(registration);
    return xapi('GET', state);
  }).then(function (r) { return r.json(); }).then(function (data) {
    launchData = data;
    if (data.returnURL) { document.getElementById('return').href = data.returnURL; }
    return send('http://adlnet.gov/expapi/verbs/initialized', 'initialized');
  }).then(function () { out.textContent = ''; done.disabled = false; })
    .catch(function (e) { out.textContent = 'This unit could not reach the platform (' + e.message + ').'; });
  done.addEventListener('click', function () {
    done.disabled = true;
    send('http://adlnet.gov/expapi/verbs/completed', 'completed', { completion: true, duration: duration() })
      .then(function () { return send('http://adlnet.gov/expapi/verbs/terminated', 'terminated', { duration: duration() }); })
      .then(function () { out.textContent = 'Recorded: completed.'; document.getElementById('back').hidden = false; })
      .catch(function (e) { done.disabled = false; out.textContent = 'Not recorded (' + e.message + '): try again.'; });
  });
})();
</script></body></html>`;

/** The cmi5 unit's files. */
export function demoCmi5Entries(): PackageEntry[] {
  return [
    { name: 'cmi5.xml', data: cmi5Xml },
    { name: 'au/index.html', data: auPage },
  ];
}
