import cliProgress from 'cli-progress';
import type { BuildProgress } from './build.ts';

const LABELS: Record<BuildProgress['phase'], string> = {
  load: 'Reading documents',
  model: 'Preparing model  ',
  embed: 'Embedding chunks ',
  graph: 'Building HNSW    ',
  write: 'Writing index    ',
};

/**
 * A progress reporter for builds on a terminal: one bar per phase on stderr, so stdout stays clean for `--json`.
 * While documents are read, the bar names the file being read. Without a terminal (CI, logs) it prints one line per
 * finished phase instead.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: (p: BuildProgress) => void;
  stop: () => void;
} {
  let bar: cliProgress.SingleBar | undefined;
  let phase: BuildProgress['phase'] | undefined;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const onProgress = (p: BuildProgress) => {
    if (!stream.isTTY) {
      if (p.done === p.total) stream.write(`${LABELS[p.phase].trim()}: ${p.done}/${p.total}\n`);
      return;
    }
    if (p.phase !== phase) {
      stop();
      phase = p.phase;
      bar = new cliProgress.SingleBar(
        { format: `${LABELS[p.phase]} [{bar}] {value}/{total} {eta_formatted} {item}`, stream, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.total, p.done);
    }
    bar?.setTotal(p.total);
    bar?.update(p.done, { item: p.item ?? '' });
  };
  return { onProgress, stop };
}
