import type { GlossaryEntry } from '../index/analyze/glossary.ts';
import type { Random } from './random.ts';
import type { SeedText } from './seed-text.ts';

/** The longest question and the most earlier turns the API takes (server/openapi/schemas.ts). */
export const API_MAX_QUESTION_CHARS = 1000;
export const API_MAX_HISTORY_TURNS = 10;
export const API_MAX_TOP_K = 20;

/** A request to `AnswerEngine.ask`, as the API would pass it on. */
export interface CostlyRequest {
  question: string;
  history?: Array<{ question: string }>;
  topK?: number;
}

/** A kind of question made to cost as much as the API lets it: how to make one, and what it is. */
export interface CostlyKind {
  id: string;
  label: string;
  make(random: Random): CostlyRequest;
}

/** The questions a typical one is: the two the README opens with. */
export const TYPICAL_QUESTIONS: readonly CostlyRequest[] = [{ question: '로봇 기업 우대금리는?' }, { question: 'what rate cut for robot firms?' }];

/** Distinct words from `make`, joined by spaces, up to `chars` characters (gives up on a word after 1,000 repeats). */
export function distinctWords(make: () => string, chars = API_MAX_QUESTION_CHARS): string {
  const seen = new Set<string>();
  let text = '';
  for (let repeats = 0; repeats < 1000; ) {
    const word = make();
    if (seen.has(word)) {
      repeats++;
      continue;
    }
    if (text.length + 1 + word.length > chars) break;
    seen.add(word);
    text = text === '' ? word : `${text} ${word}`;
  }
  return text;
}

/**
 * The kinds of question that cost the most to answer, each as long as the API allows: distinct words of every kind
 * the analysis reads (Hangul, Latin, numbers, the collection's own words, glossary forms glued into compounds), one word
 * said over and over, and a follow-up after the most turns the API takes, each of them 1,000 characters that point back.
 */
export function costlyKinds(seed: SeedText, glossary: readonly GlossaryEntry[]): CostlyKind[] {
  const collectionWords = [...new Set(seed.sentences.flatMap((s) => s.split(/\s+/)))].filter(Boolean);
  const forms = glossary.filter((e) => e.category !== 'question').flatMap((e) => e.ko.filter((f) => /^[가-힣]{2,}$/u.test(f)));
  const hangulWord = (random: Random) => Array.from({ length: random.between(2, 4) }, () => String.fromCharCode(0xac00 + random.int(11172))).join('');
  const latinWord = (random: Random) => Array.from({ length: random.between(4, 8) }, () => String.fromCharCode(0x61 + random.int(26))).join('');
  const compound = (random: Random) => Array.from({ length: 3 }, () => random.pick(forms)).join('');
  const pointingBack = (random: Random) => `${distinctWords(() => compound(random), API_MAX_QUESTION_CHARS - 8)} 그 규모는?`;
  return [
    { id: 'hangul', label: 'distinct made-up Korean words', make: (random) => ({ question: distinctWords(() => hangulWord(random)) }) },
    { id: 'latin', label: 'distinct made-up English words', make: (random) => ({ question: distinctWords(() => latinWord(random)) }) },
    { id: 'numbers', label: 'distinct numbers', make: (random) => ({ question: distinctWords(() => String(random.int(1_000_000))) }) },
    {
      id: 'repeated',
      label: 'one word 300 times',
      make: (random) => ({ question: new Array<string>(300).fill(random.pick(['로봇', '기업', 'robot'])).join(' ').slice(0, API_MAX_QUESTION_CHARS) }),
    },
    { id: 'collection', label: "distinct words of the collection's sentences", make: (random) => ({ question: distinctWords(() => random.pick(collectionWords)) }) },
    { id: 'compounds', label: 'glossary forms glued three to a word', make: (random) => ({ question: distinctWords(() => compound(random)) }) },
    {
      id: 'compoundsTop20',
      label: `glossary forms glued three to a word, topK ${API_MAX_TOP_K}`,
      make: (random) => ({ question: distinctWords(() => compound(random)), topK: API_MAX_TOP_K }),
    },
    {
      id: 'followUps',
      label: `a follow-up after ${API_MAX_HISTORY_TURNS} turns of such compounds that point back, topK ${API_MAX_TOP_K}`,
      make: (random) => ({
        question: pointingBack(random),
        history: Array.from({ length: API_MAX_HISTORY_TURNS }, () => ({ question: pointingBack(random) })),
        topK: API_MAX_TOP_K,
      }),
    },
  ];
}
