import matter from 'gray-matter';

/** How a document body is written. */
export type BodyFormat = 'html' | 'markdown' | 'text';

/** The result of looking at a file's content. */
export interface DetectedFormat {
  /** Fields of the leading YAML front matter, when the content opens with one. */
  frontMatter?: Record<string, unknown>;
  /** The content after the front matter (all of it when there is none), line endings normalised to `\n`. */
  body: string;
  bodyFormat: BodyFormat;
}

// Element names whose closing tags are strong evidence of HTML; prose rarely contains `</p>` by accident.
const HTML_CLOSING_TAG = new RegExp(
  '</(?:p|div|span|a|b|i|em|strong|u|h[1-6]|li|ul|ol|table|tr|td|th|section|article|header|footer|nav|main|aside|' +
    'blockquote|pre|code|figure|figcaption|body|html|head|title|script|style)\\s*>',
  'gi',
);
const HTML_DOCUMENT = /^\s*(?:<!doctype\s+html|<html[\s>])/i;
const MARKDOWN_SYNTAX = [
  /^ {0,3}#{1,6}\s+\S/m,
  /^ {0,3}(?:```|~~~)/m,
  /!?\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"\n]*")?\)/,
  /(?:\*\*|__)\S(?:[^\n]*?\S)?(?:\*\*|__)/,
  /^ {0,3}>\s?\S/m,
  /^\s*\|[^\n]*\|\s*\n\s*\|?\s*:?-{3,}/m,
];

/**
 * Decides how a file is written from its content; the extension only breaks ties (a `.md` file without any
 * markdown syntax is still markdown, an `.html` file without tags is text).
 *
 * - Front matter: the content opens with a `---` YAML block that parses to a mapping (parsed with gray-matter).
 * - HTML: an `<html>`/doctype opening, at least `minHtmlTags` closing tags of common elements, or an `.html`/`.htm`
 *   file with any tag (a fragment such as `<p>…</p>` or a lone `<script>`).
 * - Markdown: a `.md`/`.markdown` file, or at least `minMarkdownSyntax` distinct markdown constructs (headings, fences,
 *   links, bold, quotes, tables).
 * - Otherwise plain text.
 */
export function detectFormat(content: string, relPath = '', options: DetectFormatOptions = {}): DetectedFormat {
  const { minHtmlTags = 2, minMarkdownSyntax = 2 } = options;
  const normalized = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontMatter, body } = splitFrontMatter(normalized);
  const htmlTags = body.match(HTML_CLOSING_TAG)?.length ?? 0;
  let bodyFormat: BodyFormat = 'text';
  const htmlFileWithTags = /\.html?$/i.test(relPath) && /<[a-z][^>]*>/i.test(body);
  if (HTML_DOCUMENT.test(body) || htmlTags >= minHtmlTags || htmlFileWithTags) {
    bodyFormat = 'html';
  } else if (
    /\.(?:md|markdown)$/i.test(relPath) ||
    MARKDOWN_SYNTAX.filter((pattern) => pattern.test(body)).length >= minMarkdownSyntax
  ) {
    bodyFormat = 'markdown';
  }
  return frontMatter ? { frontMatter, body, bodyFormat } : { body, bodyFormat };
}

/** Thresholds of {@link detectFormat}. */
export interface DetectFormatOptions {
  /** Closing tags of common HTML elements needed to treat a body as HTML. Default `2`. */
  minHtmlTags?: number;
  /** Distinct markdown constructs needed to treat a non-`.md` body as markdown. Default `2`. */
  minMarkdownSyntax?: number;
}

function splitFrontMatter(content: string): { frontMatter?: Record<string, unknown>; body: string } {
  if (!/^---[ \t]*\n/.test(content)) return { body: content };
  try {
    // Options are passed so that gray-matter does not keep every parsed file in its global cache.
    const parsed = matter(content, { excerpt: false });
    const data: unknown = parsed.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
      return { body: content };
    }
    return { frontMatter: data as Record<string, unknown>, body: parsed.content };
  } catch {
    // A leading `---` that is not valid YAML is a markdown rule or plain text, not front matter.
    return { body: content };
  }
}
