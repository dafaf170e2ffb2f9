import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Folder of the page's sources; the server serves `dist/` beside it. */
const WEB_DIR = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(WEB_DIR, 'dist');
/** Files served as they are. */
const STATIC_FILES = ['index.html', 'styles.css', 'favicon.svg'];

/**
 * Builds the chat page into `web/dist/`: `src/main.ts` bundled into one `app.js` (an ES module, so index.html needs
 * no inline script under the server's `'self'`-only CSP), and the static files copied beside it.
 */
async function buildWeb(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [join(WEB_DIR, 'src', 'main.ts')],
    outfile: join(OUT_DIR, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await Promise.all(STATIC_FILES.map((file) => copyFile(join(WEB_DIR, file), join(OUT_DIR, file))));
}

await buildWeb();
console.log(`Built the chat page into ${OUT_DIR}`);
