import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossary, parseGlossary, type GlossaryEntry } from '../analyze/glossary.ts';

const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));

/** The raw texts of the seed articles (`seeds/*.txt`), in file-name order. */
export function seedTexts(): string[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(SEEDS, name), 'utf8'));
}

/** The built-in glossary, `seeds/glossary.tsv`. */
export function seedGlossary(): GlossaryEntry[] {
  return loadGlossary([join(SEEDS, 'glossary.tsv')]);
}

/** A few concepts of the seed articles, fixed here so tests do not move when the glossary grows. */
export const SMALL_GLOSSARY: GlossaryEntry[] = parseGlossary(
  [
    '로봇\trobot\tindustry',
    '기업|회사\tcompany|firm|business\tbusiness',
    '우대금리|금리 우대\tpreferential rate|rate cut\tfinance',
    '금리\tinterest rate|rate\tfinance',
    '기술보증기금|기보\tKorea Technology Finance Corporation|KIBO\torg',
    '기술보증\ttechnology guarantee\tfinance',
    '딥시크\tDeepSeek\torg',
    '충격\tshock\tgeneral',
  ].join('\n'),
);

/** Deterministic unit vectors of `dims` values (a small linear congruential generator from `seed`). */
export function unitVectors(count: number, dims: number, seed = 1): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dims }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}
