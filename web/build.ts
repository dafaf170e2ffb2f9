import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Folder of the page's sources; the server serves `dist/` beside it. */
const WEB_DIR = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(WEB_DIR, 'dist');
/** Files served as they are, by their place in `dist/`. */
const STATIC_FILES: Record<string, string> = {
  'index.html': 'index.html',
  'styles.css': 'styles.css',
  'favicon.svg': 'favicon.svg',
  // Served at /documents (a folder's index.html); it links its assets from the root.
  'documents.html': join('documents', 'index.html'),
};

/**
 * Builds the pages into `web/dist/`: the chat page's `src/main.ts` bundled into one `app.js` and the documents page's
 * `src/documents-main.ts` into `documents.js` (ES modules, so the HTML needs no inline script under the server's
 * `'self'`-only CSP), and the static files copied beside them.
 */
async function buildWeb(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await build({
    entryPoints: { app: join(WEB_DIR, 'src', 'main.ts'), documents: join(WEB_DIR, 'src', 'documents-main.ts') },
    outdir: OUT_DIR,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await mkdir(join(OUT_DIR, 'documents'), { recursive: true });
  await Promise.all(Object.entries(STATIC_FILES).map(([file, target]) => copyFile(join(WEB_DIR, file), join(OUT_DIR, target))));
}

await buildWeb();
console.log(`Built the chat and documents pages into ${OUT_DIR}`);
