// Lists message ids used in src/ with a literal id (t.t('…'), key: '…', flash ids) that the English
// catalogue lacks. Dynamic ids (`role.${r}`) are listed by prefix for a manual check.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const flat = (o, p = '') =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
const catalogues = ['src/i18n/locales/en.json'];
for (const n of readdirSync('src/i18n/locales')) {
  if (statSync(join('src/i18n/locales', n)).isDirectory())
    catalogues.push(join('src/i18n/locales', n, 'en.json'));
}
const en = new Set(catalogues.flatMap((c) => flat(JSON.parse(readFileSync(c, 'utf8')))));
const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(n) && !/\.test\./.test(n)) files.push(p);
  }
};
walk('src');
const missing = new Map();
const dynamic = new Set();
for (const f of files) {
  const s = readFileSync(f, 'utf8');
  for (const m of s.matchAll(
    /t\.t\('([\w.-]+)'|key: '((?:validation|flash|errors)\.[\w.]+)'|setFlash\(reply, '([\w.]+)'|'(flash\.[\w.]+)'/g,
  )) {
    const id = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (!en.has(id)) missing.set(id, f);
  }
  for (const m of s.matchAll(/t\.t\(`([\w.-]+)\$\{/g)) dynamic.add(m[1]);
}
for (const [id, f] of missing) console.log(`missing ${id}  (${f})`);
for (const prefix of dynamic) {
  const have = [...en].filter((k) => k.startsWith(prefix));
  console.log(`dynamic ${prefix}* → ${have.length} keys`);
}
