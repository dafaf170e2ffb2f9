import { open, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DocumentFormat } from '../contract/api.ts';
import { detectFormat, DOCUMENT_EXTENSIONS } from '../index/load/index.ts';
import type { Document } from '../index/types.ts';

/** What the documents list tells of a document's file in DOCS_DIR. */
export interface DocumentFileFacts {
  format: DocumentFormat;
  /** Bytes of the file. */
  size: number;
  /** When the file was last written (its mtime), ISO 8601 in UTC. */
  addedAt: string;
}

/** Bytes read to tell a file's format: its magic number, and enough text to see its markup. */
const SNIFF_BYTES = 64 * 1024;
/** PDF readers look for `%PDF-` within the first kilobyte. */
const PDF_WINDOW = 1024;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The files behind the documents of DOCS_DIR: for each document, the format, size and time of its file. Facts are
 * kept per document for as long as its content hash is the same, so listing the collection again touches no file but
 * those of documents added or changed since.
 *
 * @example
 * const files = new DocumentFiles(config.docsDir);
 * (await files.factsOf([doc])).get(doc.docId); // { format: 'markdown', size: 1834, addedAt: '2025-03-02T09:14:00.000Z' }
 */
export class DocumentFiles {
  readonly #known = new Map<string, { hash: string; facts: DocumentFileFacts }>();

  constructor(private readonly docsDir: string) {}

  /**
   * The facts of each document's file; a document whose file is no longer in DOCS_DIR (removed while the server runs)
   * is left out of the map.
   */
  async factsOf(documents: readonly Document[]): Promise<Map<string, DocumentFileFacts>> {
    const found = new Map<string, DocumentFileFacts>();
    const unknown: Document[] = [];
    for (const doc of documents) {
      const known = this.#known.get(doc.docId);
      if (known?.hash === doc.hash) found.set(doc.docId, known.facts);
      else unknown.push(doc);
    }
    if (unknown.length === 0) return found;
    const listings = new Map<string, Promise<string[]>>();
    const list = (dir: string): Promise<string[]> => {
      let listing = listings.get(dir);
      if (!listing) {
        listing = readdir(dir).catch(() => []);
        listings.set(dir, listing);
      }
      return listing;
    };
    await Promise.all(
      unknown.map(async (doc) => {
        const path = await this.#fileOf(doc.docId, list);
        const facts = path && (await readFacts(path).catch(() => undefined));
        if (!facts) return;
        this.#known.set(doc.docId, { hash: doc.hash, facts });
        found.set(doc.docId, facts);
      }),
    );
    return found;
  }

  /** Forgets a document's facts, e.g. when it is deleted. */
  forget(docId: string): void {
    this.#known.delete(docId);
  }

  /** The path of the document's file: the one in its folder named by the id and one of the document extensions. */
  async #fileOf(docId: string, list: (dir: string) => Promise<string[]>): Promise<string | undefined> {
    const path = join(this.docsDir, docId);
    const dir = dirname(path);
    const stem = path.slice(dir.length + 1);
    const name = (await list(dir)).find((entry) => {
      const ext = entry.slice(stem.length).toLowerCase();
      return entry.startsWith(stem) && DOCUMENT_EXTENSIONS.includes(ext);
    });
    return name === undefined ? undefined : join(dir, name);
  }
}

async function readFacts(path: string): Promise<DocumentFileFacts> {
  const info = await stat(path);
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(SNIFF_BYTES, info.size));
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return { format: formatOf(head.subarray(0, bytesRead), path), size: info.size, addedAt: info.mtime.toISOString() };
  } finally {
    await file.close();
  }
}

/**
 * How a file is written, from its first bytes: the magic numbers of PDF, HWP 5 (an OLE compound file) and of the zips
 * that HWPX and DOCX are, else the markup of its text, read as the loader reads it (`detectFormat`).
 */
export function formatOf(head: Uint8Array, path: string): DocumentFormat {
  const ascii = latin1.decode(head.subarray(0, PDF_WINDOW));
  if (ascii.includes('%PDF-')) return 'pdf';
  if (startsWith(head, OLE_MAGIC)) return 'hwp';
  if (startsWith(head, ZIP_MAGIC)) {
    // A zip's local headers name its entries in plain bytes: Word keeps its body under word/, HWPX under Contents/.
    return /\.docx$/i.test(path) || latin1.decode(head).includes('word/') ? 'docx' : 'hwpx';
  }
  return detectFormat(utf8.decode(head), path).bodyFormat;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}
