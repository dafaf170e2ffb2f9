import type { HistoryTurn } from '../../contract/api.ts';
import type { GlossaryEntry } from '../../index/analyze/glossary.ts';
import { analyze, wordTerms } from '../../index/analyze/terms.ts';
import { splitWords, type Word } from '../../index/analyze/words.ts';
import { asksWhatKind, isElliptical } from './follow-up.ts';
import { GlossaryMatcher, type GlossaryMatch } from './glossary-matcher.ts';
import { askedUnit, detectIntent, detectLanguage, unitIntent, type QueryIntent } from './intent.ts';
import { wordRoles, type Vocabulary, type WordRole } from './word-roles.ts';
import { expansionsEach, MAX_CHARS_READ, MAX_EXPANSIONS, MAX_WORDS_READ, readableTail, type ReadingBudget } from './reading-bounds.ts';
import { wordVariant } from './word-variants.ts';

/** Glossary category of question words such as 얼마 / how much. */
const QUESTION_CATEGORY = 'question';

/** One way of saying a concept: the terms of each of its words, in order ("구글 클라우드" → [구글], [클라, …]). */
export type Phrasing = ReadonlyArray<readonly string[]>;

/** One thing the question is about, and the term sets that can express it in a passage. */
export interface QueryConcept {
  /** The question's own words for it. */
  label: string;
  /** Ways of saying it: the user's own words first, then other forms of them and glossary forms. */
  alternatives: Phrasing[];
  /** 1 for the current question, less for a topic carried over from earlier turns. */
  weight: number;
  /** Whether it comes from the question itself rather than from an earlier turn. */
  current: boolean;
  /** What it does in the question: see {@link WordRole}. */
  role: Exclude<WordRole, 'scaffold'>;
}

/** A question ready for search: weighted terms for ranking, concepts for judging coverage. */
export interface AnalyzedQuery {
  /** The question as read: all of it, or its last words when it is longer (see {@link QueryAnalyzerOptions.maxWords} and `maxChars`). */
  text: string;
  lang: 'ko' | 'en';
  intent: QueryIntent;
  /** The unit the question counts in, when it names one after 몇 ("몇 명" → 명). */
  unit?: string;
  /** term → weight; the highest weight wins when a term comes from several places. */
  terms: Map<string, number>;
  concepts: QueryConcept[];
  /** Stems of the current question's content words, in order: which words belong together ("AI 코리아 펀드"). */
  stems: string[];
  /** Whether the question leaves its topic to earlier turns, and so was expanded with theirs. */
  usedHistory: boolean;
  /** What dense retrieval embeds: the question, after the earlier questions it leans on. */
  denseText: string;
}

/** How questions are expanded, and how much of a long question or conversation is read. */
export interface QueryAnalyzerOptions {
  /** Weight of terms that come from the glossary rather than the user's words. Default 0.5. */
  expansionWeight?: number;
  /** Weight of a topic carried over from the previous question; each further turn back gets this factor again. Default 0.5. */
  historyWeight?: number;
  /**
   * Words read of a question and the earlier turns it follows, in all, the newest first: the rest of a longer one is
   * left unread, and a chain of follow-ups ends where they run out. Default {@link MAX_WORDS_READ} (32).
   */
  maxWords?: number;
  /** Characters read of a question and the earlier turns it follows, in all, likewise. Default {@link MAX_CHARS_READ} (300). */
  maxChars?: number;
  /** Other forms a question's concepts are looked for in, in all. Default {@link MAX_EXPANSIONS} (128). */
  maxExpansions?: number;
}

export const defaultQueryAnalyzerOptions: Required<QueryAnalyzerOptions> = {
  expansionWeight: 0.5,
  historyWeight: 0.5,
  maxWords: MAX_WORDS_READ,
  maxChars: MAX_CHARS_READ,
  maxExpansions: MAX_EXPANSIONS,
};

/** Without a collection at hand, every word counts as one the documents use. */
const EVERY_TERM: Vocabulary = { has: () => true };

/** A question read by itself, before it borrows any topic. */
interface OwnReading {
  /** The part of the question that is read (see {@link QueryAnalyzerOptions.maxWords}). */
  text: string;
  /** How many words it has. */
  words: number;
  intent: QueryIntent;
  concepts: QueryConcept[];
  /** Stems of its words that are not scaffolding, in order. */
  stems: string[];
  /** Whether it says what kind of answer it wants (see {@link asksWhatKind}). */
  asks: boolean;
  /** Whether it leaves its topic to the turn before (see {@link isElliptical}). */
  elliptical: boolean;
}

/** A question of the conversation with its own concepts and the topic it borrows, if it borrows one. */
interface Turn {
  text: string;
  intent: QueryIntent;
  concepts: QueryConcept[];
  /** The questions whose topic it carries, oldest first, itself last. */
  chain: string[];
  /** Stems of its words that are not scaffolding, in order. */
  stems: string[];
}

/**
 * Turns a question (and the conversation before it) into weighted search terms and concepts, expanding through the
 * glossary both ways so that "robot" also looks for "로봇" and "무보" for "무역보험공사". A follow-up that leaves its
 * topic unsaid ("그 펀드는…", "What premium discount does it give?") borrows the topic of the turn before it; a question
 * with a topic of its own is analysed as if asked alone.
 *
 * @example
 * const analyzer = new QueryAnalyzer(loadGlossary(['seeds/glossary.tsv']));
 * analyzer.analyze('what rate cut for robot firms?').terms; // Map { 'rate' => 1, …, '로봇' => 0.5, '금리' => 0.5 }
 */
export class QueryAnalyzer {
  private readonly matcher: GlossaryMatcher;
  private readonly options: Required<QueryAnalyzerOptions>;
  /** The phrasing of each glossary form met so far: a long question of glossary words would split the same forms again. */
  private readonly phrasings = new Map<string, Phrasing>();

  constructor(glossary: readonly GlossaryEntry[], options: QueryAnalyzerOptions = {}) {
    this.matcher = new GlossaryMatcher(glossary);
    this.options = { ...defaultQueryAnalyzerOptions, ...options };
  }

  /**
   * @param history earlier turns, oldest first
   * @param vocabulary the collection's terms: whether the documents use a word tells a verb form from a noun
   */
  analyze(question: string, history: readonly HistoryTurn[] = [], vocabulary: Vocabulary = EVERY_TERM): AnalyzedQuery {
    const questions = [...history.map((turn) => turn.question), question];
    const current = this.turnAt(questions, history.length, vocabulary, { words: this.options.maxWords, chars: this.options.maxChars });
    const usedHistory = current.chain.length > 1;
    const terms = new Map<string, number>();
    for (const concept of current.concepts) {
      concept.alternatives.forEach((alternative, i) => {
        const weight = concept.weight * (i === 0 ? 1 : this.options.expansionWeight);
        for (const term of alternative.flat()) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
      });
    }
    const unit = askedUnit(current.text);
    return {
      text: current.text,
      lang: detectLanguage(current.text),
      intent: unitIntent(unit) ?? current.intent,
      unit,
      terms,
      concepts: current.concepts,
      stems: current.stems,
      usedHistory,
      denseText: current.chain.join(' '),
    };
  }

  /**
   * Turn `i` of the conversation with the topic it borrows, if it borrows one. How a question reads does not depend on
   * the turns before it, so they are read from the newest back, only as far as a chain of follow-ups reaches and the
   * budget lasts: a question with a topic of its own costs the same after any history.
   * @param budget what may still be read of this turn and those before it
   */
  private turnAt(questions: readonly string[], i: number, vocabulary: Vocabulary, budget: ReadingBudget): Turn {
    const own = this.read(questions[i] as string, vocabulary, budget);
    const { text, intent, concepts, stems } = own;
    const left = { words: budget.words - own.words, chars: budget.chars - text.length };
    if (i === 0 || left.words <= 0 || left.chars <= 0 || !own.elliptical) return { text, intent, concepts, chain: [text], stems };
    const previous = this.turnAt(questions, i - 1, vocabulary, left);
    // A question that names nothing of its own ("How much?", "규모는?") is wholly about the earlier topic: its concepts
    // are judged as the question's own. Otherwise they add context at a lower weight.
    const weight = concepts.length === 0 ? 1 : this.options.historyWeight;
    const borrowed = previous.concepts.map((c) => ({ ...c, weight: c.weight * weight, current: concepts.length === 0 ? c.current : false }));
    return {
      text,
      // "중견기업은?" after a question on 대기업 비율 asks for the same kind of answer; "그 상품 이름은 뭐야?" says its own.
      intent: own.asks ? intent : previous.intent,
      concepts: [...concepts, ...borrowed],
      chain: [...previous.chain, text],
      stems,
    };
  }

  /** A question by itself, as far as `budget` reads of it: its concepts, and whether it leaves its topic unsaid. */
  private read(question: string, vocabulary: Vocabulary, budget: ReadingBudget): OwnReading {
    const text = readableTail(question, budget);
    const words = splitWords(text);
    const matches = this.matcher.match(words);
    const roles = wordRoles(words, vocabulary, glossedWords(matches));
    const concepts = this.concepts(words, roles, matches, vocabulary);
    const intent = detectIntent(text);
    const stems = words.filter((_, i) => roles[i] !== 'scaffold').map((w) => w.stem);
    const asks = asksWhatKind(words, intent);
    return { text, words: words.length, intent, concepts, stems, asks, elliptical: isElliptical(words, roles, concepts.length, asks) };
  }

  private concepts(words: readonly Word[], roles: readonly WordRole[], matches: readonly GlossaryMatch[], vocabulary: Vocabulary): QueryConcept[] {
    const byFirst = new Map<number, GlossaryMatch[]>();
    for (const m of matches) byFirst.set(m.first, [...(byFirst.get(m.first) ?? []), m]);
    const spans: Array<{ span: Word[]; roles: WordRole[]; group: GlossaryMatch[]; variant?: Phrasing }> = [];
    for (let i = 0; i < words.length; ) {
      const matched = byFirst.get(i) ?? [];
      const last = Math.max(i, ...matched.map((m) => m.last));
      const span = words.slice(i, last + 1);
      const spanRoles = roles.slice(i, last + 1);
      i = last + 1;
      // Question words ("how much", "규모는", "비율은", "규모야") steer answer selection through the intent, not the
      // search. One inside a compound that the documents write whole ("금액" in "기초금액") is part of that word.
      if (matched.some((m) => m.entry.category === QUESTION_CATEGORY && !(m.infix !== undefined && isKnownCompound(span, vocabulary)))) continue;
      const group = matched.filter((m) => m.entry.category !== QUESTION_CATEGORY);
      if (spanRoles.every((r) => r === 'scaffold')) continue;
      const variant = span.length === 1 ? wordVariant(span[0] as Word, group, vocabulary) : undefined;
      spans.push({ span, roles: spanRoles, group, ...(variant ? { variant } : {}) });
    }
    const each = expansionsEach(
      spans.map((s) => (s.variant ? 1 : 0) + s.group.reduce((n, m) => n + m.entry.ko.length + m.entry.en.length, 0)),
      this.options.maxExpansions,
    );
    return spans.flatMap(({ span, roles: spanRoles, group, variant }) => {
      const alternatives = firstUnique([[phrasing(span)], variant ? [variant] : [], this.forms(span, group)], 1 + each);
      return alternatives.length > 0 ? [{ label: span.map(wordText).join(' '), alternatives, weight: 1, current: true, role: spanRole(spanRoles) }] : [];
    });
  }

  /**
   * The glossary forms of a span, one phrasing at a time. A form found inside a compound stands for that part only: its
   * synonyms replace the part, and the word stays one word ("AI혁신펀드" may be "혁신 fund"); they do not stand for the
   * whole word.
   */
  private *forms(span: readonly Word[], group: readonly GlossaryMatch[]): Generator<Phrasing> {
    for (const { entry, infix } of group) {
      for (const form of [...entry.ko, ...entry.en]) {
        if (infix === undefined) yield this.formPhrasing(form);
        else if (form !== infix) yield [analyze((span[0] as Word).stem.replace(infix, ` ${form} `))];
      }
    }
  }

  private formPhrasing(form: string): Phrasing {
    let found = this.phrasings.get(form);
    if (!found) this.phrasings.set(form, (found = phrasing(splitWords(form))));
    return found;
  }
}

/**
 * The first `max` phrasings of `sources`, in order, that have terms for every word, each once. Later ones are not made.
 */
function firstUnique(sources: ReadonlyArray<Iterable<Phrasing>>, max: number): Phrasing[] {
  const found: Phrasing[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const phrasing of source) {
      if (found.length >= max) return found;
      const key = JSON.stringify(phrasing);
      if (seen.has(key)) continue;
      seen.add(key);
      if (phrasing.length > 0 && phrasing.every((w) => w.length > 0)) found.push(phrasing);
    }
  }
  return found;
}

/** Positions of the words that glossary concepts cover, and of those that glossary question words cover. */
function glossedWords(matches: readonly GlossaryMatch[]): { concepts: Set<number>; questionWords: Set<number> } {
  const concepts = new Set<number>();
  const questionWords = new Set<number>();
  for (const m of matches) {
    // A question word found inside a compound ("얼마짜리") does not make the whole word one.
    if (m.entry.category === QUESTION_CATEGORY && m.infix !== undefined) continue;
    const into = m.entry.category === QUESTION_CATEGORY ? questionWords : concepts;
    for (let i = m.first; i <= m.last; i++) into.add(i);
  }
  return { concepts, questionWords };
}

/** Whether a one-word span is a compound the collection uses whole ("기초금액"), not a word with an ending ("규모야"). */
function isKnownCompound(span: readonly Word[], vocabulary: Vocabulary): boolean {
  const word = span[0];
  return span.length === 1 && word?.kind === 'hangul' && word.stem.length > 2 && vocabulary.has(`=${word.stem}`);
}

/** A phrase takes the strongest role of its words: content, then asked, modifier, predicate. */
function spanRole(roles: readonly WordRole[]): QueryConcept['role'] {
  return (['content', 'asked', 'modifier'] as const).find((role) => roles.includes(role)) ?? 'predicate';
}

/** The terms of each word that has any, in order. */
export function phrasing(words: readonly Word[]): Phrasing {
  return words.map(wordTerms).filter((terms) => terms.length > 0);
}

function wordText(w: Word): string {
  return w.text;
}

