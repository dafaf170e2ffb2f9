import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProfileSummary } from './cpu-profile.ts';
import type { MachineInfo } from './machine.ts';

/** The parts of the benchmark, in the order they run. */
export const PARTS = ['http', 'scale', 'anchors', 'startup', 'embedding', 'questions', 'ingest', 'replicas'] as const;
export type Part = (typeof PARTS)[number];

/** A goal a figure is held to. */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

/** One measured number, with its target when it has one. */
export interface Figure {
  /** The part that measured it, or `run` for the run as a whole. */
  part: Part | 'run';
  /** Stable key for comparing runs, e.g. `scale.100k.build.chunksPerSecond`. */
  id: string;
  /** What was measured, for the table. */
  label: string;
  value: number;
  unit: string;
  target?: Target;
  /** Whether `value` meets `target`; absent when there is no target. */
  pass?: boolean;
  /** Context that the number alone doesn't give (sizes, counts, what was excluded). */
  note?: string;
}

/** Everything `bench/results.json` holds. */
export interface BenchResults {
  machine: MachineInfo;
  /** Load averages when the run ended. */
  loadAverageAfter: number[];
  /** Wall time of the whole run, in seconds. */
  durationS: number;
  /** The flags the run was started with. */
  options: { quick: boolean; parts: Part[]; profile: boolean; baseline?: string };
  figures: Figure[];
  /** CPU profile summaries, by what was profiled. */
  profiles: Record<string, ProfileSummary>;
  /** Parts that failed to run, with the reason. */
  errors: string[];
}

/** A figure, with `pass` worked out from its target. */
export function figure(fields: Omit<Figure, 'pass'>): Figure {
  const { target, value } = fields;
  if (!target) return fields;
  return { ...fields, pass: target.op === '>=' ? value >= target.value : value <= target.value };
}

/** A number with its unit, rounded to what is worth reading. */
export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  const number = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${number} ${unit}` : number;
}

function targetText(figure: Figure): string {
  return figure.target ? `${figure.target.op === '>=' ? '≥' : '≤'} ${formatValue(figure.target.value, figure.unit)}` : '';
}

function resultText(figure: Figure): string {
  return figure.pass === undefined ? '' : figure.pass ? 'pass' : 'FAIL';
}

const HEADER = ['Part', 'Measure', 'Value', 'Target', 'Result'];

function rows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [f.part, f.note ? `${f.label} (${f.note})` : f.label, formatValue(f.value, f.unit), targetText(f), resultText(f)]);
}

/** The figures as an aligned plain-text table, for the terminal. */
export function formatTable(figures: readonly Figure[]): string {
  const all = [HEADER, ...rows(figures)];
  const widths = HEADER.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => {
        const pad = ' '.repeat((widths[c] as number) - displayWidth(cell));
        return c === 2 ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** The figures as a Markdown table, for the README. */
export function formatMarkdownTable(figures: readonly Figure[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    '| --- | --- | ---: | ---: | --- |',
    ...rows(figures).map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/** Writes the results as indented JSON, creating the folder when needed. */
export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

// Hangul and other wide characters take two columns in a terminal.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}
