/**
 * Small real SCORM and cmi5 packages: the manifests and SCO pages the tests use (`test/helpers/test-packages.ts`
 * zips them, as does `npx tsx scripts/build-test-packages.ts DIR`) and the demo seed builds its packages from
 * (`demo/demo-packages.ts`). Each test SCO's page finds the runtime's API and reports a result as soon as it
 * loads.
 */

/** One file of a package: its path inside the zip and its content. */
export interface PackageEntry {
  name: string;
  data: string;
}

export type SamplePackageName =
  | 'scorm12-passing'
  | 'scorm2004-failing'
  | 'scorm12-many-scos'
  | 'cmi5'
  | 'cmi5-bare';

export const scorm12Page = (title: string, raw: number, status: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p id="out">Starting…</p>
<script>
  function findApi(w) { for (var i = 0; w && i < 10; i++) { try { if (w.API) return w.API; } catch (e) {} if (w.parent === w) break; w = w.parent; } return null; }
  var api = findApi(window);
  if (api) {
    api.LMSInitialize('');
    api.LMSSetValue('cmi.core.score.min', '0');
    api.LMSSetValue('cmi.core.score.max', '100');
    api.LMSSetValue('cmi.core.score.raw', '${raw}');
    api.LMSSetValue('cmi.core.lesson_status', '${status}');
    api.LMSCommit('');
    api.LMSFinish('');
    document.getElementById('out').textContent = 'Reported: ${status} (${raw})';
  } else document.getElementById('out').textContent = 'No SCORM API found';
</script></body></html>`;

export const scorm2004Page = (title: string, scaled: number, success: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p id="out">Starting…</p>
<script>
  function findApi(w) { for (var i = 0; w && i < 10; i++) { try { if (w.API_1484_11) return w.API_1484_11; } catch (e) {} if (w.parent === w) break; w = w.parent; } return null; }
  var api = findApi(window);
  if (api) {
    api.Initialize('');
    api.SetValue('cmi.score.scaled', '${scaled}');
    api.SetValue('cmi.completion_status', 'completed');
    api.SetValue('cmi.success_status', '${success}');
    api.Commit('');
    api.Terminate('');
    document.getElementById('out').textContent = 'Reported: ${success} (${scaled})';
  } else document.getElementById('out').textContent = 'No SCORM API found';
</script></body></html>`;

export function scorm12Manifest(title: string, scos: { id: string; title: string; href: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-${title.replace(/\W+/g, '-')}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>${title}</title>
${scos.map((s) => `    <item identifier="${s.id}" identifierref="res-${s.id}"><title>${s.title}</title><adlcp:masteryscore>60</adlcp:masteryscore></item>`).join('\n')}
  </organization></organizations>
  <resources>
${scos.map((s) => `    <resource identifier="res-${s.id}" type="webcontent" adlcp:scormtype="sco" href="${s.href}"><file href="${s.href}"/></resource>`).join('\n')}
  </resources>
</manifest>`;
}

export const scorm2004Manifest = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>${title}</title>
    <item identifier="quiz" identifierref="res-quiz"><title>Final quiz</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="res-quiz" type="webcontent" adlcp:scormType="sco" href="quiz/index.html"><file href="quiz/index.html"/></resource>
  </resources>
</manifest>`;

export const CMI5_COURSE_ID = 'https://example.org/cmi5/labour-migration-basics';
export const CMI5_AU_ID = 'https://example.org/cmi5/labour-migration-basics/au1';

export const cmi5Xml = (url = 'au/index.html') => `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${CMI5_COURSE_ID}">
    <title><langstring lang="en-US">Labour migration basics</langstring></title>
    <description><langstring lang="en-US">A short cmi5 course.</langstring></description>
  </course>
  <au id="${CMI5_AU_ID}" moveOn="CompletedAndPassed" masteryScore="0.6" launchMethod="AnyWindow">
    <title><langstring lang="en-US">Unit 1</langstring></title>
    <description><langstring lang="en-US">Unit 1</langstring></description>
    <url>${url}</url>
  </au>
</courseStructure>`;

export const cmi5Page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unit 1</title></head>
<body><h1>Unit 1</h1><p>This AU reads its launch parameters and fetches its token.</p></body></html>`;

/** The files of one sample package (`cmi5-bare`: the single file `cmi5.xml`, served bare). */
export function samplePackageEntries(name: SamplePackageName): PackageEntry[] {
  let entries: PackageEntry[];
  switch (name) {
    case 'scorm12-passing':
      entries = [
        {
          name: 'imsmanifest.xml',
          data: scorm12Manifest('Migration data basics', [
            { id: 'sco1', title: 'Lesson 1', href: 'index.html' },
          ]),
        },
        { name: 'index.html', data: scorm12Page('Migration data basics', 85, 'passed') },
      ];
      break;
    case 'scorm2004-failing':
      entries = [
        { name: 'imsmanifest.xml', data: scorm2004Manifest('Fair recruitment quiz') },
        { name: 'quiz/', data: '' },
        { name: 'quiz/index.html', data: scorm2004Page('Fair recruitment quiz', 0.4, 'failed') },
      ];
      break;
    case 'scorm12-many-scos': {
      const scos = Array.from({ length: 12 }, (_v, i) => ({
        id: `sco${i + 1}`,
        title: `Lesson ${i + 1}`,
        href: `lesson${i + 1}/index.html`,
      }));
      entries = [
        { name: 'imsmanifest.xml', data: scorm12Manifest('Twelve lessons', scos) },
        ...scos.map((s, i) => ({ name: s.href, data: scorm12Page(s.title, 70 + i, 'completed') })),
      ];
      break;
    }
    case 'cmi5':
      entries = [
        { name: 'cmi5.xml', data: cmi5Xml() },
        { name: 'au/index.html', data: cmi5Page },
      ];
      break;
    case 'cmi5-bare':
      entries = [{ name: 'cmi5.xml', data: cmi5Xml('https://content.example.org/au1/index.html') }];
      break;
  }
  return entries;
}
