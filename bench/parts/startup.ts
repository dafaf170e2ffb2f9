import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../index/store/manifest.ts';
import { summarizeBusiestProfile, type ProfileSummary } from '../cpu-profile.ts';
import { startServer } from '../processes.ts';
import { figure, type Figure, type Target } from '../report.ts';
import { percentile } from '../stats.ts';
import { ensureSizeIndex, indexDir as indexDirOf, indexGeneration, logPath, profileDir, type BenchContext } from '../workspace.ts';

const MIB = 2 ** 20;
/** The issue holds start-up on the 100,000-chunk index to 3 s. */
const LARGE = '100k';
/** Starts timed on each index, the median reported; with a baseline, its starts and these take turns. */
const STARTS = 3;
/** How the server was started before `npm start` ran it compiled: through tsx, as in development. */
const SOURCE_START_ARGS = ['--max-semi-space-size=32', '--import', 'tsx', 'server/main.ts'];
/** The issue: start-up on the persisted 100k index at most a third of the commit before the work. */
const OVER_BASELINE_TARGET: Target = { op: '<=', value: 1 / 3 };

/**
 * For each collection size: starts the server on the persisted index (built by the scale part, or now when missing)
 * and times it from spawning the process to the first 200 from `/readyz`. The index must be loaded, not rebuilt: the
 * committed generation must be the same afterwards and the server must not have announced a build. When profiling,
 * the server is started once more on the largest index under the profiler.
 */
export async function runStartupPart(context: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const size of context.sizes) {
    const { docsDir, indexDir } = await ensureSizeIndex(context, size);
    const before = indexGeneration(indexDir);
    // The baseline's own index of the same collection, in the baseline's format, when the anchors part built it.
    const baselineIndex = context.baseline && indexDirOf(context, `${size.label}-${context.baseline.commit}`);
    const checkout = context.baseline && baselineIndex && existsSync(join(baselineIndex, MANIFEST_FILE)) ? { root: context.baseline.root, nodeArgs: SOURCE_START_ARGS } : undefined;
    context.log(`${size.label}: starting the server on the persisted index${checkout ? ` (and ${context.baseline?.commit}'s, in turns)` : ''}…`);
    const times: number[] = [];
    const baselineTimes: number[] = [];
    let rss: number | undefined;
    let log = '';
    for (let run = 0; run < STARTS; run++) {
      const server = await startServer({ indexDir, docsDir, logPath: await logPath(context, `server-startup-${size.label}.log`) });
      times.push(server.readyMs);
      rss = server.rssBytes();
      await server.stop();
      log += server.log();
      if (checkout && baselineIndex) {
        const old = await startServer({ indexDir: baselineIndex, docsDir, checkout, logPath: await logPath(context, `server-startup-${size.label}-baseline.log`) });
        baselineTimes.push(old.readyMs);
        await old.stop();
      }
    }
    const rebuilt = indexGeneration(indexDir) !== before || /No index in .* building it/.test(log);
    const readyMs = percentile(times, 50);

    const part = 'startup' as const;
    const id = (name: string) => `startup.${size.label}.${name}`;
    const target: Target | undefined = size.label === LARGE ? { op: '<=', value: 3 } : undefined;
    figures.push(
      figure({
        part,
        id: id('readySeconds'),
        label: `server start to /readyz 200, ${size.label}`,
        value: readyMs / 1000,
        unit: 's',
        ...(target ? { target } : {}),
        note: `as npm start runs it (compiled), without the prestart builds; median of ${STARTS}`,
      }),
      figure({ part, id: id('rebuilt'), label: `index rebuilt at start-up, ${size.label}`, value: rebuilt ? 1 : 0, unit: '', target: { op: '<=', value: 0 }, note: '0 = loaded as persisted' }),
    );
    if (baselineTimes.length > 0 && context.baseline) {
      const baselineMs = percentile(baselineTimes, 50);
      const commit = context.baseline.commit;
      figures.push(
        figure({ part, id: id('baseline.readySeconds'), label: `${commit} server start to /readyz 200, ${size.label}`, value: baselineMs / 1000, unit: 's', note: `through tsx, its own index; median of ${STARTS}` }),
        figure({ part, id: id('readyOverBaseline'), label: `start-up now / ${commit}, ${size.label}`, value: readyMs / baselineMs, unit: '×', ...(size.label === LARGE ? { target: OVER_BASELINE_TARGET } : {}) }),
      );
    }
    if (rss !== undefined) figures.push(figure({ part, id: id('rssMiB'), label: `server RSS when ready, ${size.label}`, value: rss / MIB, unit: 'MiB' }));
    if (context.profile && size === context.sizes.at(-1)) {
      context.profiles[`server start-up, ${size.label}`] = await profileStartup(context, docsDir, indexDir, size.label);
    }
  }
  return figures;
}

/** Starts the server once more under the profiler (apart from the timed start, which profiling would slow down). */
async function profileStartup(context: BenchContext, docsDir: string, indexDir: string, label: string): Promise<ProfileSummary> {
  const profiles = await profileDir(context, `server-startup-${label}`);
  const server = await startServer({
    indexDir,
    docsDir,
    logPath: await logPath(context, `server-startup-${label}-profiled.log`),
    nodeFlags: ['--cpu-prof', '--cpu-prof-dir', profiles],
  });
  await server.stop();
  return summarizeBusiestProfile(profiles);
}
