import { readFileSync } from 'node:fs';

/** One concept of the glossary: its Korean and English forms (first form is the canonical one). */
export interface GlossaryEntry {
  ko: string[];
  en: string[];
  category: string;
}

/**
 * Parses glossary text: one concept a line, `korean<TAB>english<TAB>category`, alternatives separated by `|`,
 * `#` starts a comment line.
 * @throws Error naming the file and line when a line does not have that shape.
 */
export function parseGlossary(text: string, origin = 'glossary'): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [ko, en, category = 'general'] = raw.split('\t').map((c) => c.trim());
    const koForms = splitForms(ko);
    const enForms = splitForms(en);
    if (koForms.length === 0 || enForms.length === 0) {
      throw new Error(`${origin}:${i + 1}: expected "korean<TAB>english<TAB>category", got "${line}"`);
    }
    entries.push({ ko: koForms, en: enForms, category });
  });
  return entries;
}

/** Reads and concatenates glossary files, in order. */
export function loadGlossary(paths: readonly string[]): GlossaryEntry[] {
  return paths.flatMap((path) => parseGlossary(readFileSync(path, 'utf8'), path));
}

function splitForms(column: string | undefined): string[] {
  return (column ?? '')
    .split('|')
    .map((f) => f.trim())
    .filter((f) => f !== '');
}
