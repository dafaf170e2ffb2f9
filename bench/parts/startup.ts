import { summarizeBusiestProfile, type ProfileSummary } from '../cpu-profile.ts';
import { startServer } from '../processes.ts';
import { figure, type Figure, type Target } from '../report.ts';
import { ensureSizeIndex, indexGeneration, logPath, profileDir, type BenchContext } from '../workspace.ts';

const MIB = 2 ** 20;
/** The issue holds start-up on the 100,000-chunk index to 3 s. */
const LARGE = '100k';

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
    context.log(`${size.label}: starting the server on the persisted index…`);
    const server = await startServer({ indexDir, docsDir, logPath: await logPath(context, `server-startup-${size.label}.log`) });
    const rss = server.rssBytes();
    await server.stop();
    const rebuilt = indexGeneration(indexDir) !== before || /No index in .* building it/.test(server.log());

    const part = 'startup' as const;
    const id = (name: string) => `startup.${size.label}.${name}`;
    const target: Target | undefined = size.label === LARGE ? { op: '<=', value: 3 } : undefined;
    figures.push(
      figure({
        part,
        id: id('readySeconds'),
        label: `server start to /readyz 200, ${size.label}`,
        value: server.readyMs / 1000,
        unit: 's',
        ...(target ? { target } : {}),
        note: 'as npm start runs it, without the prestart web build',
      }),
      figure({ part, id: id('rebuilt'), label: `index rebuilt at start-up, ${size.label}`, value: rebuilt ? 1 : 0, unit: '', target: { op: '<=', value: 0 }, note: '0 = loaded as persisted' }),
    );
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
