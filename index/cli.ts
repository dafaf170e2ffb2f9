import { parseArgs } from 'node:util';
import { buildIndex } from './build.ts';
import { CollectionDb } from './pg/collection-db.ts';
import { databaseUrlProblem } from './pg/database-url.ts';
import { importIndex } from './pg/import-index.ts';
import { readIndexConfig } from './config.ts';
import { createProgressReporter } from './progress.ts';
import { settleAgainstCommittedIndex } from './pending-adds.ts';
import { acquireWriter } from './store/writer-lock.ts';

const USAGE = `Usage: npm run index -- [--docs DIR] [--index DIR] [--full]

Builds the search index of the documents in DIR (default: DOCS_DIR or seeds/) into INDEX_DIR (default data/).
Unchanged documents are reused; --full rebuilds everything, including the collection's own embedding model.
With DATABASE_URL set, the documents are then put into that database too (new and changed ones; documents only
the database has, such as those added through the API, are kept).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      index: { type: 'string' },
      full: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = readIndexConfig({
    ...process.env,
    ...(values.docs ? { DOCS_DIR: values.docs } : {}),
    ...(values.index ? { INDEX_DIR: values.index } : {}),
  });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const problem = databaseUrl && databaseUrlProblem(databaseUrl);
  if (problem) throw new Error(`Invalid configuration: DATABASE_URL: ${problem}`);
  // Refused, naming the server, while a server writes this index: its next change would drop what this build adds.
  const writer = acquireWriter(config.indexDir, 'npm run index');
  const reporter = createProgressReporter();
  try {
    // A server killed in the middle of an add leaves its file in DOCS_DIR: it was never acknowledged, so it goes.
    const { undone } = await settleAgainstCommittedIndex(config.indexDir, config.docsDir);
    if (undone.length > 0) console.error(`Removed the files of ${undone.length} unfinished adds: ${undone.join(', ')}.`);
    const report = await buildIndex({
      ...config,
      full: values.full,
      onProgress: reporter.onProgress,
      onNotice: (message) => console.error(message),
    });
    reporter.stop();
    const rate = report.embeddedChunks > 0 ? `, ${Math.round((report.chunks / report.ms) * 1000)} chunks/s` : '';
    const refused = report.skippedFiles.filter((file) => file.code !== undefined).length;
    console.log(
      `Indexed ${report.documents} documents into ${report.chunks} chunks in ${(report.ms / 1000).toFixed(1)} s${rate} ` +
        `(${report.documents - report.reusedDocuments} added or changed, ${report.reusedDocuments} unchanged, ` +
        `${report.removedDocuments} removed, ${refused} refused, ${report.skippedFiles.length - refused} skipped; ` +
        `${report.embeddedChunks} chunks embedded; model ${report.model}${report.modelBuilt ? ', rebuilt' : ''}) → ${config.indexDir}`,
    );
    // Said again after the progress bar, which may have scrolled the notices away.
    if (report.skippedFiles.length > 0) {
      console.error(`Left out ${report.skippedFiles.length} files:`);
      for (const file of report.skippedFiles) {
        console.error(`  ${file.relPath}: ${file.code ? `refused (${file.code}): ` : 'skipped: '}${file.reason}`);
      }
    }
    if (databaseUrl) await putIntoDatabase(config.indexDir, databaseUrl);
  } finally {
    reporter.stop();
    writer.release();
  }
}

/** Puts the index's documents into the shared database: new ones added, changed ones replaced. */
async function putIntoDatabase(indexDir: string, url: string): Promise<void> {
  const db = await CollectionDb.open(url);
  try {
    const report = await importIndex(indexDir, db, { replaceChanged: true });
    const indexed = new Set([...report.added, ...report.replaced, ...report.unchanged]);
    const onlyThere = (await db.documentIds()).filter((id) => !indexed.has(id));
    console.log(
      `Into the database: ${report.added.length} added, ${report.replaced.length} replaced, ${report.unchanged.length} unchanged` +
        (onlyThere.length > 0 ? `; ${onlyThere.length} documents only the database has were kept (delete them through the API).` : '.'),
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Indexing failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
