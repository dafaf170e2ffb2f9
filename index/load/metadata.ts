import { collapseWhitespace, findUrls } from './block.ts';
import type { Block, ExtractedText } from './block.ts';
import { isProse } from './boilerplate.ts';
import type { BlockVerdict } from './boilerplate.ts';

/** What {@link extractMetadata} reads. */
export interface MetadataInput {
  /** Path relative to the documents folder; its file name is the last-resort title. */
  relPath: string;
  /** Parsed front matter, if any. */
  frontMatter?: Record<string, unknown>;
  /** Page title and meta tags of an HTML body. */
  extracted: Pick<ExtractedText, 'pageTitle' | 'meta'>;
  /** Every block of the body with its boilerplate verdict. */
  verdicts: readonly BlockVerdict[];
}

/** Title, source link and date of a document. */
export interface DocumentMetadata {
  title: string;
  source?: string;
  /** `YYYY-MM-DD` when the date can be read, else the date as written in the front matter or meta tags. */
  date?: string;
}

const TITLE_KEYS = ['title'];
const SOURCE_KEYS = ['source', 'source_url', 'url', 'link', 'canonical_url', 'original', 'original_url'];
const DATE_KEYS = ['date', 'published', 'published_at', 'publishedAt', 'pubDate', 'created'];
const META_DATE_KEYS = ['article:published_time', 'og:article:published_time', 'datepublished', 'pubdate', 'date'];
/**
 * A line that is only a date, or a date after the label of a document's own date: how notices and letters are dated
 * ("2024. 12. 13.", "2023년 3월 24일", "공고일: 2025.3.4.(화)").
 */
const DATE_LINE =
  /^(?:(?:공고일자?|작성일자?|게시일자?|등록일자?|시행일자?|일자|날짜|date)\s*[:：]?\s*)?\d{4}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}\s*[.일]?\s*(?:\([^)]{1,3}\))?\s*\.?$/i;
const CALENDAR_DATE = /(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})/;
// A domain written without a scheme, not the tail of an e-mail address or of a longer word.
const BARE_DOMAIN = /(?<![@\w.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?![\w@-])/i;
const MAX_HEADLINE_LENGTH = 150;

/** Title, source and date of a document; see {@link extractTitle}, {@link extractSource}, {@link extractDate}. */
export function extractMetadata(input: MetadataInput): DocumentMetadata {
  const title = extractTitle(input);
  const source = extractSource(input);
  const date = extractDate(input);
  return { title, ...(source ? { source } : {}), ...(date ? { date } : {}) };
}

/**
 * The front-matter title; else the first content block when it is a heading; else the page's `og:title` or
 * `<title>`; else the first content block when it reads as a headline (short, not a sentence); else the file name
 * without its extension.
 */
export function extractTitle({ relPath, frontMatter, extracted, verdicts }: MetadataInput): string {
  const fromFrontMatter = readString(frontMatter, TITLE_KEYS);
  if (fromFrontMatter) return fromFrontMatter;
  const first = verdicts.find((verdict) => verdict.reason === undefined)?.block;
  if (first?.kind === 'heading') return first.text;
  const fromPage = extracted.meta['og:title'] ?? extracted.pageTitle;
  if (fromPage) return collapseWhitespace(fromPage);
  if (first && first.text.length <= MAX_HEADLINE_LENGTH && !isProse(first.text)) return first.text;
  return (relPath.split('/').pop() ?? relPath).replace(/\.[^.]*$/, '');
}

/**
 * The link to the original, by decreasing trust: a front-matter `source`/`url`/`link` field; a link, URL or bare domain
 * in a credit line ("출처: …", "자료 제공 : …"); the page's canonical URL; the same in a copyright line; the same in
 * the page furniture after the article. A bare domain `example.kr` becomes `https://example.kr`.
 */
export function extractSource({ frontMatter, extracted, verdicts }: MetadataInput): string | undefined {
  const fromFrontMatter = readString(frontMatter, SOURCE_KEYS);
  if (fromFrontMatter && isAbsoluteUrl(fromFrontMatter)) return fromFrontMatter;
  const withReason = (reason: BlockVerdict['reason']): Block[] =>
    verdicts.filter((verdict) => verdict.reason === reason).map((verdict) => verdict.block);
  const lastContent = verdicts.findLastIndex((verdict) => verdict.reason === undefined);
  const footer = verdicts
    .slice(lastContent + 1)
    .filter((verdict) => verdict.reason !== 'after-article')
    .map((verdict) => verdict.block);
  const canonical = [extracted.meta.canonical, extracted.meta['og:url']].find(
    (url): url is string => url !== undefined && isAbsoluteUrl(url),
  );
  return firstUrl(withReason('credit')) ?? canonical ?? firstUrl(withReason('copyright')) ?? firstUrl(footer);
}

/**
 * The publication date: a front-matter `date` field, a `article:published_time`-like meta tag (or the creation date
 * a file's metadata gives), the first date in a byline or publication stamp ("기사승인 : 2024-09-24 16:40:08"), or
 * else the first content line that is only a date, the way a notice is dated ("2024. 12. 13."). Read as `YYYY-MM-DD`
 * when possible.
 */
export function extractDate({ frontMatter, extracted, verdicts }: MetadataInput): string | undefined {
  const fromFrontMatter = DATE_KEYS.map((key) => frontMatter?.[key]).find((value) => value !== undefined);
  if (fromFrontMatter instanceof Date && !Number.isNaN(fromFrontMatter.getTime())) {
    return fromFrontMatter.toISOString().slice(0, 10);
  }
  const written =
    (typeof fromFrontMatter === 'string' ? fromFrontMatter : undefined) ??
    META_DATE_KEYS.map((key) => extracted.meta[key]).find((value) => value !== undefined);
  if (written && written.trim() !== '') return parseCalendarDate(written) ?? collapseWhitespace(written);
  for (const verdict of verdicts) {
    if (verdict.reason !== 'byline') continue;
    const date = parseCalendarDate(verdict.block.text);
    if (date) return date;
  }
  const dateLine = verdicts.find((verdict) => verdict.reason === undefined && DATE_LINE.test(verdict.block.text));
  return dateLine && parseCalendarDate(dateLine.block.text);
}

/** Reads `2024-09-24`, `2024.9.24` or `2024년 9월 24일` (the first one in the text) as `YYYY-MM-DD`. */
export function parseCalendarDate(text: string): string | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstUrl(blocks: readonly Block[]): string | undefined {
  for (const block of blocks) {
    const link = block.links.find((candidate) => isAbsoluteUrl(candidate.href));
    if (link) return link.href;
    const url = findUrls(block.text)[0];
    if (url) return url.href;
    const domain = BARE_DOMAIN.exec(block.text)?.[1];
    if (domain) return `https://${domain.toLowerCase()}`;
  }
  return undefined;
}

function readString(data: Record<string, unknown> | undefined, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = data?.[key];
    if ((typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') {
      return collapseWhitespace(String(value));
    }
  }
  return undefined;
}

function isAbsoluteUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}
