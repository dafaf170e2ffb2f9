/**
 * A stand-in for `npm run index` in another process, driven over stdin so that a test can hold it at each step:
 * it becomes the index's writer, then builds on "build" and gives the lock up on "release".
 */
import { createInterface } from 'node:readline';
import { buildIndex } from '../../index/build.ts';
import { readIndexConfig } from '../../index/config.ts';
import { acquireWriter } from '../../index/store/writer-lock.ts';

const config = readIndexConfig();
const writer = acquireWriter(config.indexDir, 'npm run index');
console.log('locked');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'build') {
    await buildIndex(config);
    console.log('built');
  } else if (line === 'release') {
    writer.release();
    console.log('released');
    break;
  }
}
