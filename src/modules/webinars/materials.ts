/** What may be attached to a session afterwards: kinds, limits and file types. Pure. */
export const MATERIAL_KINDS = ['recording', 'slides', 'chat'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** Largest slides or chat file (shown on the form before upload). */
export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024;
export const MATERIAL_MAX_MB = MATERIAL_MAX_BYTES / (1024 * 1024);
/** Materials per session. */
export const MAX_MATERIALS = 30;

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ppt: 'application/vnd.ms-powerpoint',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain; charset=utf-8',
  html: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
};

/** Pure: the extension of an allowed file name (lower case), or null when its type is not accepted. */
export function materialExtension(fileName: string): string | null {
  const match = /\.([a-z0-9]{1,5})$/i.exec(fileName);
  const ext = match?.[1]?.toLowerCase() ?? '';
  return ext in TYPES ? ext : null;
}

/** Pure: the content type a stored file is served with (HTML transcripts are served as text, never run). */
export function materialContentType(ext: string): string {
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Pure: the accepted extensions, for the form's hint. */
export const MATERIAL_EXTENSIONS = Object.keys(TYPES);
