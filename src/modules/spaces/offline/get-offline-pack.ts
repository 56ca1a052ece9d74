/**
 * The offline pack of an edition's space: its pages and files in one zip with an index page, in the
 * reader's language, for participants on slow or costly connections. Whoever may open the space may
 * download it (others: not found); a participant's pack leaves out what is not open to them yet. Which
 * items travel, and as which files, is each kind's `offline` hook (pages and files: yes; links, packages
 * and webinars are listed with their address online). Downloading records no progress.
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { type Locale, translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import type { ZipWriteEntry } from '../../../integrations/zip/zip-writer.js';
import type { Actor } from '../../../kernel/actor.js';
import { spaceAccess } from '../space-access.js';
import { findItemKind } from '../space-items.js';
import { loadSpaceView } from '../space-view.js';
import { OFFLINE_INDEX } from './offline-document.js';
import { offlineIndexDocument, type PackSection } from './offline-index.js';

export interface OfflinePack {
  /** The download's file name (`LMA-A9012027-fr.zip`). */
  fileName: string;
  /** The archive's entries, the index first. */
  entries: ZipWriteEntry[];
}

/**
 * The most bytes of pages and files one pack holds (it is built in memory): past it, the remaining items are
 * listed with their address online, the index saying why.
 */
export const OFFLINE_PACK_MAX_BYTES = 200 * 1024 * 1024;

/** Pure: a file name that any file system accepts (letters of any script, digits, `.`, `-`, `_`). */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-80);
  return cleaned || 'file';
}

/** The pack of the edition's space as `actor` may see it, in `locale`. */
export async function getOfflinePack(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  locale: Locale,
  maxBytes = OFFLINE_PACK_MAX_BYTES,
): Promise<OfflinePack> {
  const access = await spaceAccess(db, actor, editionId);
  const now = deps.clock.now();
  const learner = access.can.learn && actor.kind === 'user' ? actor.id : null;
  const view = await loadSpaceView(db, access, learner, now.toISOString());
  const { timeZone } = access.viewer;
  const t = translator(locale);
  const files: ZipWriteEntry[] = [];
  const taken = new Set<string>([OFFLINE_INDEX]);
  let number = 0;
  let total = 0;
  const sections: PackSection[] = [];
  for (const section of view.sections) {
    const items: PackSection['items'] = [];
    for (const item of section.items) {
      number += 1;
      const kind = findItemKind(deps, item.kind);
      const hidden = learner !== null && item.locked !== null;
      const settings = kind?.settings.safeParse(item.settings);
      const names: string[] = [];
      let tooLarge = false;
      if (kind?.offline && !hidden && settings?.success) {
        const made = await kind.offline(db, deps, { ...item, settings: settings.data }, t);
        const size = made.reduce((sum, file) => sum + file.bytes.byteLength, 0);
        tooLarge = total + size > maxBytes;
        if (!tooLarge) total += size;
        for (const file of tooLarge ? [] : made) {
          let name = `${String(number).padStart(3, '0')}-${safeFileName(file.name)}`;
          for (let n = 2; taken.has(name.toLowerCase()); n += 1)
            name = `${String(number).padStart(3, '0')}-${n}-${safeFileName(file.name)}`;
          taken.add(name.toLowerCase());
          files.push({ name, bytes: file.bytes, mtime: now });
          names.push(name);
        }
      }
      items.push({
        title: pickLocalized(item.title, locale),
        kindLabel: kind ? t.t(kind.label) : null,
        required: item.required,
        dueAt: item.dueAt,
        state: learner ? (item.complete ? 'done' : hidden ? 'locked' : 'to-do') : null,
        tooLarge,
        files: names,
        onlineUrl: `${deps.config.baseUrl}/spaces/${access.edition.id}/items/${item.id}`,
      });
    }
    sections.push({ title: pickLocalized(section.title, locale), items });
  }
  const index = offlineIndexDocument({
    t,
    timeZone,
    course: pickLocalized(access.course.title, locale),
    edition: access.edition,
    spaceUrl: `${deps.config.baseUrl}/spaces/${access.edition.id}`,
    madeAt: now.toISOString(),
    sections,
  });
  const code = safeFileName(access.edition.code ?? access.edition.id);
  return {
    fileName: `${safeFileName(access.course.code)}-${code}-${locale}.zip`,
    entries: [{ name: OFFLINE_INDEX, bytes: index, mtime: now }, ...files],
  };
}
