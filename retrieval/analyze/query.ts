import type { GlossaryEntry } from '../../index/analyze/glossary.ts';
import { GlossaryMatcher, type GlossaryMatch } from './glossary-matcher.ts';
import { detectIntent, detectLanguage, type QueryIntent } from './intent.ts';
import { analyze, isStopword, wordTerms } from '../../index/analyze/terms.ts';
import { splitWords, type Word } from '../../index/analyze/words.ts';

/** Glossary category of question words such as 얼마 / how much. */
const QUESTION_CATEGORY = 'question';

/** One thing the question is about, and the term sets that can express it in a passage. */
export interface QueryConcept {
  /** The question's own words for it. */
  label: string;
  /** Term sets, each one way of saying it: the user's own words first, then glossary forms. */
  alternatives: string[][];
  /** 1 for the current question, less for concepts carried over from earlier turns. */
  weight: number;
}

/** A question ready for search: weighted terms for ranking, concepts for judging coverage. */
export interface AnalyzedQuery {
  text: string;
  lang: 'ko' | 'en';
  intent: QueryIntent;
  /** term → weight; the highest weight wins when a term comes from several places. */
  terms: Map<string, number>;
  concepts: QueryConcept[];
  /** Stems of the current question's content words, in order: which words belong together ("AI 코리아 펀드"). */
  stems: string[];
}

/** An earlier turn of the conversation. */
export interface HistoryTurn {
  question: string;
  answer?: string;
}

/** How questions are expanded. */
export interface QueryAnalyzerOptions {
  /** Weight of terms that come from the glossary rather than the user's words. Default 0.5. */
  expansionWeight?: number;
  /** Weight of the previous question's concepts; each older turn gets this factor again. Default 0.5. */
  historyWeight?: number;
  /** How many earlier questions are carried over. Default 2. */
  historyTurns?: number;
}

export const defaultQueryAnalyzerOptions: Required<QueryAnalyzerOptions> = {
  expansionWeight: 0.5,
  historyWeight: 0.5,
  historyTurns: 2,
};

/**
 * Turns a question (and the conversation before it) into weighted search terms and concepts, expanding through the
 * glossary both ways so that "robot" also looks for "로봇" and "무보" for "무역보험공사".
 *
 * @example
 * const analyzer = new QueryAnalyzer(loadGlossary(['seeds/glossary.tsv']));
 * analyzer.analyze('what rate cut for robot firms?').terms; // Map { 'rate' => 1, …, '로봇' => 0.5, '금리' => 0.5 }
 */
export class QueryAnalyzer {
  private readonly matcher: GlossaryMatcher;
  private readonly options: Required<QueryAnalyzerOptions>;

  constructor(glossary: readonly GlossaryEntry[], options: QueryAnalyzerOptions = {}) {
    this.matcher = new GlossaryMatcher(glossary);
    this.options = { ...defaultQueryAnalyzerOptions, ...options };
  }

  analyze(question: string, history: readonly HistoryTurn[] = []): AnalyzedQuery {
    const concepts = this.concepts(question, 1);
    const earlier = history.slice(-this.options.historyTurns).reverse();
    earlier.forEach((turn, i) => concepts.push(...this.concepts(turn.question, this.options.historyWeight ** (i + 1))));
    const terms = new Map<string, number>();
    for (const concept of concepts) {
      concept.alternatives.forEach((alternative, i) => {
        const weight = concept.weight * (i === 0 ? 1 : this.options.expansionWeight);
        for (const term of alternative) terms.set(term, Math.max(terms.get(term) ?? 0, weight));
      });
    }
    const stems = splitWords(question)
      .filter((w) => !isStopword(w))
      .map((w) => w.stem);
    return { text: question, lang: detectLanguage(question), intent: detectIntent(question), terms, concepts, stems };
  }

  private concepts(text: string, weight: number): QueryConcept[] {
    const words = splitWords(text);
    const matches = this.matcher.match(words);
    const byFirst = new Map<number, GlossaryMatch[]>();
    for (const m of matches) byFirst.set(m.first, [...(byFirst.get(m.first) ?? []), m]);
    const concepts: QueryConcept[] = [];
    for (let i = 0; i < words.length; ) {
      const group = byFirst.get(i);
      const last = group ? Math.max(...group.map((m) => m.last)) : i;
      const span = words.slice(i, last + 1);
      i = last + 1;
      // Question words ("how much", "규모는", "비율은") steer answer selection through the intent, not the search.
      if (group?.some((m) => m.entry.category === QUESTION_CATEGORY)) continue;
      const own = unique(span.flatMap(wordTerms));
      const forms = group ? unique(group.flatMap((m) => [...m.entry.ko, ...m.entry.en])) : [];
      const alternatives = uniqueBy([own, ...forms.map((f) => unique(analyze(f)))], (a) => a.join(' ')).filter(
        (a) => a.length > 0,
      );
      if (alternatives.length > 0) concepts.push({ label: span.map(wordText).join(' '), alternatives, weight });
    }
    return concepts;
  }
}

function wordText(w: Word): string {
  return w.text;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item] as const)).values()];
}
