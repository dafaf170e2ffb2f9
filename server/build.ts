/**
 * Compiles the server for `npm start`: `server/main.ts` and everything it imports from this repository bundled into
 * one ES module, `.build/server/main.mjs` (git-ignored); packages stay imports of node_modules. Node then starts
 * without compiling TypeScript module by module as tsx does in development and tests.
 *
 * A module that finds files beside its source through `import.meta.url` (the project root, the API reference pages,
 * worker threads) still finds them there: each module's `import.meta.url` is given as its source file's URL, worked
 * out from the bundle's own place, so the built server may move with the checkout.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../index/config.ts';
import { SERVER_BUILD } from './launch.ts';

const OUT_FILE = join(PROJECT_ROOT, SERVER_BUILD);

/** Gives every bundled TypeScript module of the project its own source URL as `import.meta.url`. */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(context) {
    context.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (path.includes(`${sep}node_modules${sep}`) || !source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const fromBundle = relative(dirname(OUT_FILE), path).split(sep).join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

await build({
  entryPoints: [join(PROJECT_ROOT, 'server', 'main.ts')],
  outfile: OUT_FILE,
  bundle: true,
  packages: 'external',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [sourceUrls],
});
console.log(`Built the server into ${relative(PROJECT_ROOT, OUT_FILE)}`);
