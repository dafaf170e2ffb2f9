import { unzipSync } from 'fflate';
import { DocumentReadError } from './read-errors.ts';

/** Largest entry a document's zip may unpack to: far above any real section, far below what a zip bomb claims. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** The names of the entries of a zip archive, read from its central directory without unpacking anything. */
export function listZipEntries(bytes: Uint8Array, what: string): string[] {
  const names: string[] = [];
  unzip(bytes, what, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

/**
 * The given entries of a zip archive, unpacked; a missing entry is left out of the result.
 * @throws DocumentReadError `UNREADABLE_DOCUMENT` when the archive is damaged or an entry claims an absurd size.
 */
export function readZipEntries(bytes: Uint8Array, names: readonly string[], what: string): Map<string, Uint8Array> {
  const wanted = new Set(names);
  const entries = unzip(bytes, what, (name, size) => {
    if (!wanted.has(name)) return false;
    if (size > MAX_ENTRY_BYTES) throw new DocumentReadError('UNREADABLE_DOCUMENT', `${what} holds ${name} of ${size} bytes unpacked, too large to read.`);
    return true;
  });
  return new Map(Object.entries(entries));
}

/** The text of an XML entry (UTF-8, as OOXML and OWPML write it), or undefined when the archive lacks it. */
export function zipText(entries: ReadonlyMap<string, Uint8Array>, name: string): string | undefined {
  const bytes = entries.get(name);
  return bytes && new TextDecoder().decode(bytes);
}

function unzip(bytes: Uint8Array, what: string, keep: (name: string, size: number) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => keep(file.name, file.originalSize) });
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocumentReadError('UNREADABLE_DOCUMENT', `${what} is a damaged zip archive (${reason}); it may be cut short.`, { cause: error });
  }
}
