/**
 * The file: a document a facilitator uploads (stored through the storage port), downloaded by
 * participants. Its size limit is shown before upload; it is always served as a download.
 */
import { z } from 'zod';
import { isStorageKey } from '../../../integrations/storage.js';
import { BoundedMemo } from '../../../kernel/bounded-memo.js';
import { describedBy, Field } from '../../../web/components.js';
import { defineSpaceItemKind } from '../space-item-kind.js';

/** The largest file an item may hold. */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** What may be declared as a file's type when it is downloaded (anything else is a plain byte stream). */
export const FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  zip: 'application/zip',
};

export const fileSettingsSchema = z.object({
  key: z.string().refine(isStorageKey, 'spaces.error.noFile'),
  fileName: z.string().min(1).max(200),
  size: z.number().int().min(0).max(FILE_MAX_BYTES),
  contentType: z.string().max(120),
});
export type FileSettings = z.infer<typeof fileSettingsSchema>;

/** Pure: the download type of a file name (by its extension). */
export function fileTypeOf(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return FILE_TYPES[extension] ?? 'application/octet-stream';
}

export const fileKind = defineSpaceItemKind<FileSettings>({
  kind: 'file',
  label: 'spaces.kind.file',
  completionRules: ['viewed', 'marked-done'],
  settings: fileSettingsSchema,
  uploads: true,
  async render(_db, _deps, item, viewer) {
    return (
      <p>
        <a href={`/spaces/${item.editionId}/items/${item.id}/file`} download={item.settings.fileName}>
          {item.settings.fileName}
        </a>{' '}
        <small>({formatBytes(item.settings.size, viewer.locale)})</small>
      </p>
    );
  },
  settingsFields(item, { t, errors }) {
    const hint = t.t('spaces.file.limit', { size: formatBytes(FILE_MAX_BYTES, t.locale) });
    return (
      <Field name="file" label={t.t('spaces.file.choose')} errors={errors} hint={hint}>
        {item ? <p>{t.t('spaces.file.current', { name: item.settings.fileName })}</p> : null}
        <input {...describedBy('file', errors, hint)} type="file" data-max-bytes={FILE_MAX_BYTES} />
      </Field>
    );
  },
  async offline(_db, deps, item) {
    const bytes = await deps.storage.get(item.settings.key);
    return bytes ? [{ name: item.settings.fileName, bytes }] : [];
  },
});

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
// One formatter per locale and unit: making an `Intl.NumberFormat` costs far more than formatting with it
// (it was 6 % of the group page's CPU, made once per file listed).
const byteFormats = new BoundedMemo<Intl.NumberFormat>(200);

/** A size in bytes as the reader writes it (kB/MB). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const format = byteFormats.get(
    `${locale}|${unit}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: BYTE_UNITS[unit],
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }),
  );
  return format.format(value);
}
