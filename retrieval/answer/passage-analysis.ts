import { splitSentences, type SentenceSpan } from '../../index/analyze/sentences.ts';
import { analyze, wordTerms } from '../../index/analyze/terms.ts';
import { splitWords, type Word } from '../../index/analyze/words.ts';
import type { Chunk } from '../../index/types.ts';
import { headTerm, pairKey } from './adjacency.ts';
import { LruCache } from './lru-cache.ts';

/**
 * What a sentence of a passage is: a full `sentence`; a `headline` (a title, heading or caption: no sentence ending);
 * a `footnote` ("* 융자 : …", "** 스타트업 코리아 펀드…"), which qualifies something said elsewhere; a `field` of a
 * notice or form, a label and its value ("②기초금액 : 금72,300,000원"); a `row` of a table, its cells joined by " | "
 * ("개똥이 | 89 | 65 | 78"). A field or a row states a fact as fully as a sentence does.
 */
export type SentenceKind = 'sentence' | 'headline' | 'footnote' | 'field' | 'row';

/** A sentence of a passage with its analysed terms. */
export interface AnalyzedSentence {
  /** Offsets into the document text. */
  start: number;
  end: number;
  text: string;
  kind: SentenceKind;
  // `terms` and `context` hold the keys of neighbouring words too (see adjacency.ts).
  /**
   * Where the sentence is quoted from, an offset into the document text: past a leading connective ("또한,", "한편")
   * or footnote marker ("**"), which mean nothing once the sentence stands alone. `start` when there is none.
   */
  quoteStart: number;
  terms: ReadonlySet<string>;
  /**
   * Terms of the sentence's paragraph and of the paragraph before it (often its heading or the sentence that names what
   * it refers to), and of the document's title: what a sentence may leave to its context ("업계에서는 포스코, … 등이
   * 참석했다" after the paragraph on the KAIST meeting; "보증료는 연 0.5%" in the notice of the 협동로봇 리스 보증).
   */
  context: ReadonlySet<string>;
  /**
   * Terms of the sentence's own subject when it opens with one ("장백폭포는 …", "1967년 12월 29일 정주영이 …"): such a
   * sentence is about that subject, not about whatever its paragraph mentioned before. Undefined when it opens
   * otherwise ("업계에서는 …", "그는 …").
   */
  subject?: ReadonlySet<string>;
  /**
   * Terms of what names the values of a `field` or a table `row`: the field's label, the header row of the row's table
   * (its first row, when the passage holds it). A row's `terms` hold its header's too: "89" under "국어" says 국어 89.
   */
  labels?: ReadonlySet<string>;
  /** A table row's header row, cells joined by " | " as in the row. */
  header?: string;
}

/** What answering needs to know about a passage, computed once per chunk. */
export interface PassageAnalysis {
  /** Its terms, with the keys of its neighbouring words (see adjacency.ts). */
  terms: ReadonlySet<string>;
  /** Its sentences, described on first read. */
  readonly sentences: readonly AnalyzedSentence[];
  /** The `terms` of each of its sentences, in order: what ranking needs of them, without describing them. */
  sentenceTerms: ReadonlyArray<ReadonlySet<string>>;
  /** Word positions of each word stem, for telling whether question words stand together. */
  positions: ReadonlyMap<string, readonly number[]>;
}

/**
 * Passages whose analysis is kept. Chunks never change once made, and the same popular passages come back for question
 * after question; a bound keeps memory flat on a large collection, where questions keep touching new passages.
 */
export const ANALYSED_PASSAGES_KEPT = 4096;

/** Korean sentences end in 다/요/까/죠 or punctuation, possibly inside closing quotes or brackets. */
const SENTENCE_END = /(?:[.!?。…]|[다요까죠])["'”’」』)\]]*$/u;
const FOOTNOTE = /^(?:\*+|※)\s*/u;
/** Connectives that tie a sentence to the one before it; quoted alone, a sentence reads better without them. */
const CONNECTIVE =
  /^(?:(?:또한|한편|이어서|이어|아울러|특히|먼저|우선|첫째|둘째|셋째|넷째|다섯째|마지막으로|이에 따라|이에|더불어|그리고|그러나|하지만|그런데|따라서|그래서|실제로|결론적으로|다만|반면|이와 함께|이를 위해|나아가|게다가|이 밖에|이밖에)\s*,?|(?:also|however|meanwhile|moreover|furthermore|additionally|in addition|finally|besides|first|second|third),)\s+/iu;
/** A headline glued to the sentence after it is split off only when it is at least this long. */
const MIN_GLUED_HEADLINE = 8;

const cache = new LruCache<Chunk, PassageAnalysis>(ANALYSED_PASSAGES_KEPT);

/**
 * The analysis of a chunk: its term set, its sentences with theirs, and its word positions; kept for reuse.
 * @param title the document's title: a caption that repeats it is split from the sentence it is glued to
 * @param heading the headings the document opens with under its title (see {@link openingHeadings}): like the title,
 *   they name what every sentence of the document is about
 */
export function analyzePassage(chunk: Chunk, title = '', heading = ''): PassageAnalysis {
  let analysis = cache.get(chunk);
  if (!analysis) {
    analysis = analyzeNow(chunk, title, heading);
    cache.set(chunk, analysis);
  }
  return analysis;
}

/**
 * The words are split and turned into terms once for the whole chunk, and each sentence takes the terms of the words
 * that start in it: terms never span words, and sentences end between words.
 */
function analyzeNow(chunk: Chunk, title: string, heading: string): PassageAnalysis {
  const words = splitWords(chunk.text);
  const termsOf = words.map(wordTerms);
  const positions = new Map<string, number[]>();
  words.forEach((w, i) => {
    const list = positions.get(w.stem);
    if (list) list.push(i);
    else positions.set(w.stem, [i]);
  });
  // Each word with terms is paired with the previous one that has any (see adjacency.ts).
  const pairs: Array<string | undefined> = [];
  let previous: string | undefined;
  termsOf.forEach((terms) => {
    const head = headTerm(terms);
    pairs.push(head !== undefined && previous !== undefined ? pairKey(previous, head) : undefined);
    if (head !== undefined) previous = head;
  });
  let next = 0;
  const spans = sentenceSpans(chunk.text, title);
  const ownTerms = spans.map(({ start, end }) => {
    const terms = new Set<string>();
    let first = true;
    for (; next < words.length && (words[next] as Word).start < end; next++) {
      if ((words[next] as Word).start < start) continue;
      for (const term of termsOf[next] as string[]) terms.add(term);
      const pair = pairs[next];
      // A sentence's first word is paired with one of the sentence before: not a pair of this sentence.
      if (pair !== undefined && !first) terms.add(pair);
      if ((termsOf[next] as string[]).length > 0) first = false;
    }
    return terms;
  });
  const headers = tableHeaders(chunk.text, spans);
  const headerTerms = headers.map((header) => (header === undefined ? undefined : new Set(analyze(chunk.text.slice(header.start, header.end)))));
  const sentenceTerms = ownTerms.map((own, i) => {
    const extra = headerTerms[i];
    return extra ? new Set([...own, ...extra]) : own;
  });
  const terms = new Set(termsOf.flat());
  for (const pair of pairs) if (pair !== undefined) terms.add(pair);
  return new LazyPassageAnalysis(terms, sentenceTerms, positions, { chunk, title, heading, spans, ownTerms, headers, headerTerms });
}

/** What describing a passage's sentences takes, beyond their terms. */
interface SentenceSource {
  chunk: Chunk;
  title: string;
  heading: string;
  spans: readonly SentenceSpan[];
  /** Each sentence's own terms, without its table header's. */
  ownTerms: ReadonlyArray<ReadonlySet<string>>;
  headers: ReadonlyArray<SentenceSpan | undefined>;
  headerTerms: ReadonlyArray<ReadonlySet<string> | undefined>;
}

/**
 * Ranking reads the term sets of every candidate passage; only the few passages answers are drawn from need their
 * sentences described. Until they are, only what that takes is kept (not the words it was all made from).
 */
class LazyPassageAnalysis implements PassageAnalysis {
  #sentences: readonly AnalyzedSentence[] | undefined;
  #source: SentenceSource | undefined;

  constructor(
    readonly terms: ReadonlySet<string>,
    readonly sentenceTerms: ReadonlyArray<ReadonlySet<string>>,
    readonly positions: ReadonlyMap<string, readonly number[]>,
    source: SentenceSource,
  ) {
    this.#source = source;
  }

  get sentences(): readonly AnalyzedSentence[] {
    if (this.#sentences === undefined) {
      this.#sentences = describeSentences(this.#source as SentenceSource, this.sentenceTerms);
      this.#source = undefined;
    }
    return this.#sentences;
  }
}

function describeSentences(source: SentenceSource, sentenceTerms: ReadonlyArray<ReadonlySet<string>>): AnalyzedSentence[] {
  const { chunk, title, heading, spans, ownTerms, headers, headerTerms } = source;
  const contexts = paragraphContexts(chunk.text, spans, ownTerms, new Set(analyze(`${title}\n${heading}`)));
  return spans.map(({ start, end }, i): AnalyzedSentence => {
    const text = chunk.text.slice(start, end);
    const lead = FOOTNOTE.exec(text)?.[0].length ?? CONNECTIVE.exec(text)?.[0].length ?? 0;
    const subject = subjectOf(text.slice(lead));
    const kind = kindOf(text);
    const header = headers[i];
    const label = kind === 'field' ? fieldLabel(text) : undefined;
    const labels = headerTerms[i] ?? (label === undefined ? undefined : new Set(analyze(label)));
    return {
      start: chunk.start + start,
      end: chunk.start + end,
      text,
      kind,
      quoteStart: chunk.start + start + lead,
      terms: sentenceTerms[i] as ReadonlySet<string>,
      context: contexts[i] as ReadonlySet<string>,
      ...(subject ? { subject } : {}),
      ...(labels && labels.size > 0 ? { labels } : {}),
      ...(header ? { header: chunk.text.slice(header.start, header.end) } : {}),
    };
  });
}

/**
 * For each sentence, the terms of its paragraph and of the one before, and those of the document's title, which names
 * what the whole document is about; sentences of a paragraph share one set.
 */
function paragraphContexts(
  text: string,
  spans: readonly SentenceSpan[],
  terms: ReadonlyArray<ReadonlySet<string>>,
  title: ReadonlySet<string>,
): Array<ReadonlySet<string>> {
  const paragraphOf: number[] = [];
  spans.forEach((span, i) => {
    const previous = spans[i - 1];
    const breaks = previous !== undefined && /\n\s*\n/.test(text.slice(previous.end, span.start));
    paragraphOf.push(i === 0 ? 0 : (paragraphOf[i - 1] as number) + (breaks ? 1 : 0));
  });
  const paragraphs: Array<Set<string>> = [];
  terms.forEach((set, i) => {
    const p = paragraphOf[i] as number;
    const paragraph = (paragraphs[p] ??= new Set());
    for (const term of set) paragraph.add(term);
  });
  const contexts = paragraphs.map((paragraph, p) => new Set([...title, ...(paragraphs[p - 1] ?? []), ...paragraph]));
  return paragraphOf.map((p) => contexts[p] as ReadonlySet<string>);
}

/** A word with a topic or subject particle, possibly after a parenthesis: "장백폭포는", "한라산(漢拏山)은", "정주영이". */
const SUBJECT_WORD = /^([가-힣A-Za-z0-9·]+?)(?:\([^)]*\))?(?:은|는|이|가)$/u;
/** Endings that make a word with 은/는 an adverbial rather than a subject: "업계에서는", "올해는", "이를 위해서는". */
const NOT_A_SUBJECT = /(?:에서|에|으로|로|에게|까지|부터|와|과|라|이라|하|해|때|년|월|일)$/u;
/** Words that point back at the paragraph's topic: "그는", "이는", "이들은". */
const POINTING_SUBJECT = /^(?:그|이|저)(?:녀|들|것|곳)?$/u;
/** Determiners that make the subject the paragraph's own: "이 펀드는", "해당 기업은", "이번 간담회는". */
const POINTING_DETERMINER = /^(?:이|그|저|해당|이번|같은|위)$/u;
/** Leading words that come before a subject: dates, figures, quotes. */
const LEADING = /^(?:\d|['‘"“([])/u;
/** How far into a sentence its subject is looked for: "천지 북쪽의 장백폭포는". */
const SUBJECT_WITHIN_WORDS = 4;

/** Terms of the subject a sentence opens with, if it opens with one (see {@link AnalyzedSentence.subject}). */
function subjectOf(text: string): ReadonlySet<string> | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const opening = words.slice(words.findIndex((w) => !LEADING.test(w))).slice(0, SUBJECT_WITHIN_WORDS);
  for (const [i, token] of opening.entries()) {
    if (/[,:;]$/u.test(token)) return undefined;
    const word = SUBJECT_WORD.exec(token)?.[1];
    if (word === undefined) continue;
    if (NOT_A_SUBJECT.test(word) || POINTING_SUBJECT.test(word) || POINTING_DETERMINER.test(opening[i - 1] ?? '')) return undefined;
    const terms = new Set(analyze(word));
    return terms.size > 0 ? terms : undefined;
  }
  return undefined;
}

function kindOf(text: string): SentenceKind {
  if (FOOTNOTE.test(text)) return 'footnote';
  if (SENTENCE_END.test(text)) return 'sentence';
  if (isTableRow(text)) return 'row';
  return fieldLabel(text) === undefined ? 'headline' : 'field';
}

/** What separates the cells of a table row as the readers write it. */
export const CELL_SEPARATOR = ' | ';
/** A label, a colon that is not a time's ("10:10") or a link's ("https://"), and a value: "⑤입찰서 제출 기간 : 2024. …". */
const FIELD = /^([^:：\n]*[\p{L}\p{N})\]][^:：\n]*?)\s*[:：](?![\d/])\s*\S/u;
/** The longest label of a field: a name, not a clause. */
const MAX_LABEL_CHARS = 30;

function isTableRow(text: string): boolean {
  return text.includes(CELL_SEPARATOR);
}

/** The label of a field line ("②기초금액 : 금72,300,000원" → "②기초금액"), if the line is one. */
function fieldLabel(text: string): string | undefined {
  const label = FIELD.exec(text)?.[1];
  return label !== undefined && label.length <= MAX_LABEL_CHARS && !/\d$/u.test(label) ? label : undefined;
}

/** The number of cells of a table row. */
function cellCount(row: string): number {
  return row.split(CELL_SEPARATOR).length;
}

/** A header row names its columns: none of its cells is a bare figure. */
function isHeaderRow(row: string): boolean {
  return row.split(CELL_SEPARATOR).every((cell) => !/^[\d\s.,%+-]*$/u.test(cell.trim()));
}

/**
 * For each sentence, the header row of the table it is a row of: the first row of the run of rows it belongs to, when
 * that row names columns and has as many cells.
 */
function tableHeaders(text: string, spans: readonly SentenceSpan[]): Array<SentenceSpan | undefined> {
  let first: SentenceSpan | undefined;
  return spans.map((span) => {
    const sentence = text.slice(span.start, span.end);
    if (!isTableRow(sentence)) {
      first = undefined;
      return undefined;
    }
    if (first === undefined) {
      first = span;
      return undefined;
    }
    const header = text.slice(first.start, first.end);
    return isHeaderRow(header) && cellCount(header) === cellCount(sentence) ? first : undefined;
  });
}

/** A section number or list marker a heading of the body opens with: "1.", "가.", "Ⅱ.", "①", "제2장". */
const SECTION_MARK = /^(?:\d+[.)]|[가-하][.)]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.?|[①-⑳]|제\s?\d+\s?[장절조])/u;
/** Paragraphs read at a document's start for its opening headings, and the longest one read as a heading. */
const OPENING_PARAGRAPHS = 4;
const MAX_HEADING_CHARS = 80;

/**
 * The headings a document opens with, after its title: the lines before its first sentence, field or numbered section
 * ("2025년 … 용역업체 선정 입찰공고" under the title "강남세움복지관 공고 제 2024-08호"). A notice's title is often its
 * number; what it is about is the line under it.
 */
export function openingHeadings(text: string, title: string): string {
  const headings: string[] = [];
  for (const paragraph of text.slice(0, OPENING_PARAGRAPHS * MAX_HEADING_CHARS * 2).split(/\n\s*\n/).slice(0, OPENING_PARAGRAPHS)) {
    const line = paragraph.trim();
    if (line === title.trim() || line === '') continue;
    if (line.length > MAX_HEADING_CHARS || line.includes('\n') || SENTENCE_END.test(line) || /[:：]/u.test(line) || SECTION_MARK.test(line)) break;
    headings.push(line);
  }
  return headings.join('\n');
}

/**
 * The sentences of a passage, with a headline or caption split from the sentence it runs into: news pages often print a
 * photo caption that repeats the title or a heading right before the lead, with no full stop between them.
 */
function sentenceSpans(text: string, title: string): SentenceSpan[] {
  const spans = splitSentences(text);
  const headlines = new Set(spans.map((s) => text.slice(s.start, s.end)).filter((s) => !SENTENCE_END.test(s)));
  if (title.trim() !== '') headlines.add(title.trim());
  return spans.flatMap((span) => {
    const sentence = text.slice(span.start, span.end);
    for (const headline of headlines) {
      if (headline.length < MIN_GLUED_HEADLINE || headline.length >= sentence.length || !sentence.startsWith(headline)) continue;
      const rest = sentence.slice(headline.length);
      const gap = rest.length - rest.trimStart().length;
      if (gap === 0) continue;
      return [
        { start: span.start, end: span.start + headline.length },
        { start: span.start + headline.length + gap, end: span.end },
      ];
    }
    return [span];
  });
}
