import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Folder under the index directory that holds one sub-folder per generation. */
export const GENERATIONS_DIR = 'generations';

/** Suffix of a generation folder that is still being written; such folders are never read. */
export const TEMP_SUFFIX = '.tmp';

/** `<zero-padded counter>-<random hex>`: sorts by age, and stays unique even if two writers pick the same counter. */
const GENERATION_ID = /^(\d{8,})-[0-9a-f]{8}$/;

/** Whether `name` is a generation id (and so safe to join onto the generations folder). */
export function isGenerationId(name: string): boolean {
  return GENERATION_ID.test(name);
}

/**
 * A fresh generation id, newer than every id (committed, abandoned or half-written) among `existing` folder names.
 * The counter comes from the folder listing rather than the manifest so that a corrupt manifest never blocks a rebuild.
 */
export function nextGenerationId(existing: readonly string[]): string {
  let latest = 0;
  for (const name of existing) {
    const match = GENERATION_ID.exec(name.endsWith(TEMP_SUFFIX) ? name.slice(0, -TEMP_SUFFIX.length) : name);
    if (match?.[1] !== undefined) latest = Math.max(latest, Number(match[1]));
  }
  return `${String(latest + 1).padStart(8, '0')}-${randomBytes(4).toString('hex')}`;
}

/** Names in the generations folder, or none when it does not exist yet. */
export async function listGenerationFolders(generationsDir: string): Promise<string[]> {
  try {
    return await readdir(generationsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Removes every entry of the generations folder for which `shouldRemove` holds. */
export async function removeGenerationFolders(
  generationsDir: string,
  shouldRemove: (name: string) => boolean,
): Promise<void> {
  const names = await listGenerationFolders(generationsDir);
  await Promise.all(
    names.filter(shouldRemove).map((name) => rm(join(generationsDir, name), { recursive: true, force: true })),
  );
}
