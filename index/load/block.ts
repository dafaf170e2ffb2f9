/** A hyperlink found in a document. */
export interface Link {
  /** The link target as written (`href`, markdown link target or a bare URL). */
  href: string;
  /** The link's visible text, whitespace collapsed. */
  text: string;
}

/** What a block was marked up as; plain text only ever yields paragraphs. */
export type BlockKind = 'heading' | 'paragraph' | 'item';

/**
 * One unit of a document's text: a paragraph, heading or list item. Blocks are what the boilerplate rules judge
 * and what ends up, separated by blank lines, in `Document.text`.
 */
export interface Block {
  /** The block's text: whitespace collapsed to single spaces and trimmed, never empty. */
  text: string;
  kind: BlockKind;
  /** How many characters of `text` are link text; used to measure link density. */
  linkChars: number;
  /** Links inside the block, in order. */
  links: Link[];
  /** The page the block starts on (1 for the first), for documents laid out in pages (PDF). */
  page?: number;
}

/** The blocks of a document body, plus what its markup says about the page. */
export interface ExtractedText {
  blocks: Block[];
  /** `<title>` of an HTML page, or the title a PDF, HWPX or DOCX file's metadata gives (when it can be trusted). */
  pageTitle?: string;
  /**
   * `<meta name|property content>` pairs and `canonical` (from `<link rel="canonical">`) of an HTML page; `date`, the
   * creation date (`YYYY-MM-DD`) a PDF or DOCX file's metadata gives.
   */
  meta: Record<string, string>;
}

/**
 * A line that starts like a list item, caption or note (`-`, `•`, `1.`, `(2)`, `가.`, `①`, `※`…) starts a block of
 * its own, never the tail of a wrapped line.
 */
export const LINE_MARKER = /^\s*(?:[-*+•·▲△▶▷■□◆◇○●※☞→\u2460-\u2473]|\d{1,3}[.)]\s|\(\d{1,3}\)|[가-하][.)]\s)/;

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Builds a block from raw text, or returns undefined when nothing but whitespace is left. */
export function makeBlock(raw: string, kind: BlockKind, links: Link[] = [], rawLinkText = ''): Block | undefined {
  const text = collapseWhitespace(raw);
  if (text === '') return undefined;
  const linkChars = Math.min(collapseWhitespace(rawLinkText).length, text.length);
  return { text, kind, linkChars, links };
}

const BARE_URL = /\bhttps?:\/\/[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?]/g;

/** Absolute http(s) URLs written out in plain text, as links whose text is the URL itself. */
export function findUrls(text: string): Link[] {
  return [...text.matchAll(BARE_URL)].map((m) => ({ href: m[0], text: m[0] }));
}
