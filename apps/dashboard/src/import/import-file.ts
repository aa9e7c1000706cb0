/**
 * The file a user picks or drops, checked and turned into the base64 the
 * import API takes. Pure apart from reading the Blob.
 */

/** The importer's own limit (packages/importer MAX_FILE_BYTES); checked here so a huge file is not read and sent first. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/** What the file input offers; the importer also knows by content, so this is a hint for the picker. */
export const IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type FileProblem = 'type' | 'size';

/** Why a file cannot be imported (a key for the texts), or null when it can be sent. An empty file is left to the server, which says so in Swedish. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (!/\.(csv|xlsx)$/i.test(file.name.trim())) return 'type';
  if (file.size > MAX_IMPORT_BYTES) return 'size';
  return null;
}

/** Chunks keep String.fromCharCode below the engine's argument limit on multi-MB files. */
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export async function readFileBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** The first file of a drop or a file input, if any. */
export function firstFile(list: FileList | readonly File[] | null | undefined): File | null {
  if (!list || list.length === 0) return null;
  return list[0] ?? null;
}

/** "12,3 kB" for the chosen file's line. */
export function fileSizeText(bytes: number, locale: 'sv' | 'en'): string {
  const fmt = (n: number, unit: string) => `${n.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes < 1024) return fmt(bytes, 'B');
  if (bytes < 1024 * 1024) return fmt(bytes / 1024, 'kB');
  return fmt(bytes / 1024 / 1024, 'MB');
}
