/** A file found under the documents folder, before any cleaning. */
export interface SourceFile {
  /** Path relative to the documents folder, with `/` separators. */
  relPath: string;
  /**
   * The file's bytes, as read from disk or uploaded; their format is decided from them (see `sniffFormat`). A string
   * is text already decoded, such as a document sent as JSON.
   */
  content: Uint8Array | string;
}

/** A cleaned document: what Seogi indexes and cites. */
export interface Document {
  /** Stable id: the file name without its extension (e.g. `000_b1883f170ede4282`). */
  docId: string;
  /** Front-matter title, else the article's headline, else the file name. */
  title: string;
  /** Link to the original, when the document names one. */
  source?: string;
  /** Publication date as written in the document (ISO `YYYY-MM-DD` when it can be read). */
  date?: string;
  /** The cleaned text; every citation offset points into it. */
  text: string;
  /** sha256 of the raw file content, used to skip unchanged documents on re-indexing. */
  hash: string;
  /** How the file was written: `pdf`, `hwp`, `hwpx`, `docx`, or for text files `html`, `markdown` or `text`. */
  format?: DocumentFormat;
  /**
   * Where each page starts in `text`, in order, for documents laid out in pages (PDF); a page whose text was all
   * page furniture has no entry. See `pageAt`.
   */
  pages?: PageStart[];
}

/** The formats documents are read from. */
export type DocumentFormat = 'pdf' | 'hwp' | 'hwpx' | 'docx' | 'html' | 'markdown' | 'text';

/** The offset in `Document.text` where a page's text starts; pages are numbered from 1. */
export interface PageStart {
  page: number;
  start: number;
}

/** A passage of a document: the unit that is indexed, retrieved and cited. */
export interface Chunk {
  /** `${docId}#${ordinal}`. */
  chunkId: string;
  docId: string;
  /** Character offsets into `Document.text`: `doc.text.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
}
