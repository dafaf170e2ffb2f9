/**
 * Compiles the server for `npm start`: `server/main.ts` and everything it imports bundled into one ES module,
 * `.build/server/main.mjs` (git-ignored). Node then starts without compiling TypeScript module by module as tsx does in
 * development and tests, nor loading the hundreds of files of the packages (0.08 s of every start); the few packages
 * in {@link EXTERNAL} stay imports of node_modules. Each worker thread the server
 * starts (a module found as `new URL('./…-worker.ts', import.meta.url)`) is bundled too, under `.build/server/workers/`,
 * and the bundles start those instead: a worker started through tsx spent 0.15 s compiling before its first task, and
 * ran a thread of tsx's besides.
 *
 * A module that finds files beside its source through `import.meta.url` (the project root, the API reference pages)
 * still finds them there: each module's `import.meta.url` is given as its source file's URL, worked out from the
 * bundle's own place, so the built server may move with the checkout.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../index/config.ts';
import { SERVER_BUILD } from './launch.ts';

const OUT_FILE = join(PROJECT_ROOT, SERVER_BUILD);
const WORKERS_DIR = join(dirname(OUT_FILE), 'workers');
/**
 * Packages left to node_modules: a native addon (hnswlib-node); packages loaded only when needed that find files of
 * their own beside them or bring native addons (pdfjs-dist, @xenova/transformers); pg's optional native driver.
 */
const EXTERNAL = ['hnswlib-node', 'pdfjs-dist', '@xenova/transformers', 'pg-native'];
/** Bundled CommonJS packages `require` Node's modules, which an ES module must be given a `require` for. */
const REQUIRE = "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);";
/** How the project names the module of a worker thread it starts. */
const WORKER_URL = /new URL\('(\.\/[\w-]+-worker)\.ts', import\.meta\.url\)/g;

/** Where the worker module at `source` is bundled to. */
function workerBuild(source: string): string {
  return join(WORKERS_DIR, relative(PROJECT_ROOT, source).replace(/\.ts$/, '.mjs'));
}

/** A relative URL from folder `from` to file `to`. */
function relativeUrl(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/**
 * Points the worker modules a bundled module starts at their bundles, noting them in `workers`, and gives every
 * bundled TypeScript module of the project its own source URL as `import.meta.url`.
 */
function sourceUrls(outFile: string, workers: Set<string>): Plugin {
  return {
    name: 'source-urls',
    setup(context) {
      context.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        if (path.includes(`${sep}node_modules${sep}`) || !source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const fromSource = source.replace(WORKER_URL, (_, specifier: string) => {
          const worker = resolve(dirname(path), `${specifier}.ts`);
          workers.add(worker);
          return `new URL(${JSON.stringify(relativeUrl(dirname(path), workerBuild(worker)))}, import.meta.url)`;
        });
        const fromBundle = relativeUrl(dirname(outFile), path);
        return { contents: fromSource.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/** Bundles `entry` into `outFile`, adding the worker modules it starts to `workers`. */
async function bundle(entry: string, outFile: string, workers: Set<string>): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    external: EXTERNAL,
    banner: { js: REQUIRE },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [sourceUrls(outFile, workers)],
  });
}

const workers = new Set<string>();
await bundle(join(PROJECT_ROOT, 'server', 'main.ts'), OUT_FILE, workers);
// A worker may start workers of its own.
const built = new Set<string>();
for (let next = [...workers]; next.length > 0; next = [...workers].filter((worker) => !built.has(worker))) {
  for (const worker of next) built.add(worker);
  await Promise.all(next.map((worker) => bundle(worker, workerBuild(worker), workers)));
}
console.log(`Built the server into ${relative(PROJECT_ROOT, OUT_FILE)}, and ${built.size} worker threads into ${relative(PROJECT_ROOT, WORKERS_DIR)}`);
