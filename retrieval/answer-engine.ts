import type { GlossaryEntry } from '../index/analyze/glossary.ts';
import { pageAt } from '../index/pages.ts';
import { QueryAnalyzer, type AnalyzedQuery, type QueryAnalyzerOptions } from './analyze/query.ts';
import { answerBar } from './answer/answer-bar.ts';
import { coverage, coverageModel, unknownContent, type CoverageModel } from './answer/coverage.ts';
import { NOT_FOUND } from './answer/messages.ts';
import { dropNearDuplicates } from './answer/near-duplicates.ts';
import { LruCache } from './answer/lru-cache.ts';
import { analyzePassage, openingHeadings, type PassageAnalysis } from './answer/passage-analysis.ts';
import { rerankByCoverage, type Passage, type RerankOptions } from './answer/rerank.ts';
import { selectSentences, type SelectedSentence, type SentenceSelectionOptions } from './answer/select-sentences.ts';
import { shortAnswer } from './answer/short-answer.ts';
import type { Collection } from './collection.ts';
import { backgroundSimilarity } from './dense/background.ts';
import { fuse, type FusionOptions } from './fuse.ts';
import type { ScoredChunk } from './lexical/lexical-index.ts';
import { MAX_SEARCH_TERMS, searchTerms } from './lexical/search-terms.ts';
import type { Answer, AskRequest, Citation } from '../contract/api.ts';
import type { Document } from '../index/types.ts';

/** Which retrieval signals rank the passages. */
export type RetrievalMode = 'hybrid' | 'lexical' | 'dense';

/** Tuning of the answer engine; every field has a default. */
export interface AnswerEngineOptions {
  /** Passages cited when the request names no topK. Default 5. */
  topK?: number;
  /** How many results each retriever contributes before fusion. Default 50. */
  candidates?: number;
  /** Default 'hybrid' (falls back to lexical when the collection has no dense index). */
  mode?: RetrievalMode;
  /**
   * Abstain unless a sentence of the top passages, read in its passage, expresses at least this weighted share of the
   * question. Default 0.5: an answer needs at least half of what the question is about (see `judgeSentence` for the
   * rest of what it needs).
   */
  minCoverage?: number;
  /**
   * When the best dense match is this far above the similarity unrelated questions reach (see
   * `backgroundSimilarity`), dense retrieval vouches for a paraphrase: `vouchedCoverageFactor` of `minCoverage`
   * suffices. Default 0.2.
   */
  denseVouchMargin?: number;
  /** The share of `minCoverage` that suffices when dense retrieval vouches for the question. Default 0.5. */
  vouchedCoverageFactor?: number;
  /** How many top passages are judged for coverage and mined for answer sentences. Default 3. */
  answerPassages?: number;
  /** How many fused results are re-ordered by their coverage of the question, at least. Default 20. */
  rerankDepth?: number;
  /** Fused results re-ordered per passage asked for, when that makes more than `rerankDepth`. Default 3. */
  rerankPerPassage?: number;
  /** Most query terms the lexical search walks the postings of. Default {@link MAX_SEARCH_TERMS} (128). */
  maxSearchTerms?: number;
  rerank?: RerankOptions;
  /** Answers kept for repeated questions, per collection snapshot; 0 turns the cache off. Default 1000. */
  cacheSize?: number;
  query?: QueryAnalyzerOptions;
  fusion?: FusionOptions;
  sentences?: Omit<SentenceSelectionOptions, 'minCoverage'>;
}

/** Closest passages offered beside a not-found answer. */
const RELATED_WHEN_ABSTAINED = 3;

export const defaultAnswerEngineOptions = {
  topK: 5,
  candidates: 50,
  mode: 'hybrid' as RetrievalMode,
  minCoverage: 0.5,
  denseVouchMargin: 0.2,
  vouchedCoverageFactor: 0.5,
  answerPassages: 3,
  rerankDepth: 20,
  rerankPerPassage: 3,
  maxSearchTerms: MAX_SEARCH_TERMS,
  cacheSize: 1000,
};

/**
 * Answers questions from a collection: analyses the question, searches lexically and by meaning, fuses the two,
 * picks the answering sentences and cites their passages, or says the documents don't cover it.
 *
 * @example
 * const engine = new AnswerEngine(() => collection, glossary);
 * const { answer, citations } = await engine.ask({ question: '로봇 기업 우대금리는?' });
 */
export class AnswerEngine {
  private readonly analyzer: QueryAnalyzer;
  private readonly options: typeof defaultAnswerEngineOptions & AnswerEngineOptions;
  private readonly caches = new WeakMap<Collection, LruCache<string, Answer>>();
  private readonly headings = new WeakMap<Document, string>();

  /** `collection` is read at every question, so a newly loaded collection can be swapped in while serving. */
  constructor(
    private readonly collection: () => Collection,
    glossary: readonly GlossaryEntry[],
    options: AnswerEngineOptions = {},
  ) {
    this.analyzer = new QueryAnalyzer(glossary, options.query);
    this.options = { ...defaultAnswerEngineOptions, ...options };
  }

  /**
   * Answers from the collection as it is when the question comes: the lexical search and what the collection's
   * statistics say of the question are done before the question's vector is made, the one pause of an answer, and the
   * rest reads only what this view of the collection owns. A change made meanwhile is for the next question.
   */
  async ask(request: AskRequest, mode: RetrievalMode = this.options.mode): Promise<Answer> {
    const started = performance.now();
    const collection = this.collection();
    const cache = this.cacheFor(collection);
    const key = JSON.stringify([mode, request.topK ?? this.options.topK, request.question.trim(), request.history?.map((t) => t.question) ?? []]);
    const cached = cache.get(key);
    if (cached) return { ...cached, tookMs: elapsed(started) };
    const vocabulary = { has: (term: string) => collection.lexical.df(term) > 0 };
    const query = this.analyzer.analyze(request.question, request.history ?? [], vocabulary);
    const terms = searchTerms(query.terms, (term) => collection.lexical.df(term), this.options.maxSearchTerms);
    const lexical = mode === 'dense' ? [] : collection.lexical.search(terms, this.options.candidates);
    const model = coverageModel(query, collection.lexical);
    const dense = mode === 'lexical' ? undefined : collection.dense;
    const vector = dense && (await dense.embed(query.denseText));
    const background = dense && (await backgroundSimilarity(dense));
    const answer = this.answerFrom(collection, query, model, this.rank(collection, lexical, { vector, background }, mode), request.topK ?? this.options.topK, started);
    cache.set(key, answer);
    return answer;
  }

  /** One cache per collection snapshot: a changed collection starts afresh, and the old cache goes with the old snapshot. */
  private cacheFor(collection: Collection): LruCache<string, Answer> {
    let cache = this.caches.get(collection);
    if (!cache) this.caches.set(collection, (cache = new LruCache(this.options.cacheSize)));
    return cache;
  }

  /** The answer from the ranked passages: the passages to cite and the sentences that answer, or not found. */
  private answerFrom(collection: Collection, query: AnalyzedQuery, model: CoverageModel, ranking: Ranking, topK: number, started: number): Answer {
    const depth = Math.max(topK * this.options.rerankPerPassage, this.options.rerankDepth);
    const candidates = ranking.ranked.slice(0, depth).flatMap(({ ordinal, score }) => {
      const chunk = collection.chunks[ordinal];
      return chunk ? [{ chunk, score }] : [];
    });
    const reranked = rerankByCoverage(candidates, query, model, this.options.rerank, (p) => this.analysis(collection, p));
    const passages = dropNearDuplicates(reranked, (p) => this.analysis(collection, p).terms, topK);
    const bar = answerBar({ unknownContent: unknownContent(model).length, denseMargin: ranking.denseMargin }, this.options);
    const sentences = bar.answerable ? this.pickSentences(collection, query, model, passages.slice(0, this.options.answerPassages), bar.minCoverage) : [];
    const answer = sentences.length > 0 ? this.compose(collection, query, model, passages, sentences) : this.notFound(collection, query, model, passages);
    return { ...answer, usedHistory: query.usedHistory, lang: query.lang, tookMs: elapsed(started) };
  }

  /**
   * The answer made of the chosen sentences: each followed by the marker of its passage, cited passages numbered in the
   * order the answer first cites them, the other passages following as related ones.
   */
  private compose(
    collection: Collection,
    query: AnalyzedQuery,
    model: CoverageModel,
    passages: readonly Passage[],
    sentences: readonly SelectedSentence[],
  ): Pick<Answer, 'answer' | 'short' | 'abstained' | 'citations' | 'related'> {
    const cited = [...new Set(sentences.map((s) => s.source))];
    const numberOf = (source: number) => cited.indexOf(source) + 1;
    const citations = cited.map((source, i) => this.cite(collection, passages[source] as Passage, i + 1, sentences.filter((s) => s.source === source)));
    const related = passages.filter((_, i) => !cited.includes(i)).map((p, i) => this.cite(collection, p, cited.length + i + 1, []));
    const first = sentences[0] as SelectedSentence;
    const span = shortAnswer(query, model, first);
    return {
      answer: sentences.map((s) => `${s.text} [${numberOf(s.source)}]`).join(' '),
      short: span ? { ...span, n: numberOf(first.source) } : null,
      abstained: false,
      citations,
      related,
    };
  }

  /** The not-found answer, offering the closest passages that hold any of the question as possibly related. */
  private notFound(
    collection: Collection,
    query: AnalyzedQuery,
    model: CoverageModel,
    passages: readonly Passage[],
  ): Pick<Answer, 'answer' | 'short' | 'abstained' | 'citations' | 'related'> {
    const related = passages
      .filter((p) => coverage(model, this.analysis(collection, p).terms, { currentOnly: true }) > 0)
      .slice(0, RELATED_WHEN_ABSTAINED)
      .map((p, i) => this.cite(collection, p, i + 1, []));
    return { answer: NOT_FOUND[query.lang], short: null, abstained: true, citations: [], related };
  }

  /** The lexical results fused with the dense ones, when the question's vector was made. */
  private rank(collection: Collection, lexical: ScoredChunk[], meaning: QueryMeaning, mode: RetrievalMode): Ranking {
    if (!collection.dense || !meaning.vector || meaning.background === undefined) return { ranked: lexical };
    const dense = collection.dense.nearest(meaning.vector, this.options.candidates);
    const denseMargin = (dense[0]?.score ?? 0) - meaning.background;
    return { ranked: mode === 'dense' ? dense : fuse([lexical, dense], this.options.fusion), denseMargin };
  }

  private pickSentences(
    collection: Collection,
    query: AnalyzedQuery,
    model: CoverageModel,
    passages: readonly Passage[],
    minCoverage: number,
  ): SelectedSentence[] {
    const sources = passages.map((p) => {
      const { sentences, terms } = this.analysis(collection, p);
      return { sentences, terms, docId: p.chunk.docId, score: p.score };
    });
    return selectSentences(query, model, sources, { ...this.options.sentences, minCoverage });
  }

  /**
   * A passage's analysis; its document's title tells a caption that repeats it from the sentence it runs into, and with
   * the headings the document opens with, what its sentences may leave unsaid.
   */
  private analysis(collection: Collection, passage: Passage): PassageAnalysis {
    const doc = collection.documents.get(passage.chunk.docId);
    return analyzePassage(passage.chunk, doc?.title, doc && this.headingOf(doc));
  }

  /** The headings a document opens with under its title, found once per document. */
  private headingOf(doc: Document): string {
    let heading = this.headings.get(doc);
    if (heading === undefined) this.headings.set(doc, (heading = openingHeadings(doc.text, doc.title)));
    return heading;
  }

  private cite(collection: Collection, passage: Passage, n: number, sentences: readonly SelectedSentence[]): Citation {
    const { chunk, score } = passage;
    const doc = collection.documents.get(chunk.docId);
    return {
      n,
      docId: chunk.docId,
      title: doc?.title ?? chunk.docId,
      source: doc?.source ?? null,
      date: doc?.date ?? null,
      page: (doc && pageAt(doc, sentences[0]?.start ?? chunk.start)) ?? null,
      chunkId: chunk.chunkId,
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
      score: Math.round(score * 10000) / 10000,
      highlights: sentences.map((s) => ({ start: s.start, end: s.end })),
    };
  }
}

/** What dense retrieval needs of a question: its vector, and the similarity unrelated questions reach. */
interface QueryMeaning {
  vector?: Float32Array;
  background?: number;
}

/**
 * Ranked candidates, and how far the best dense match stands above what unrelated questions reach (undefined when the
 * dense retriever is not used).
 */
interface Ranking {
  ranked: ScoredChunk[];
  denseMargin?: number;
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
