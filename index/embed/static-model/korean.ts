/**
 * Korean word structure for the static vocabulary: which endings are particles or verb endings (they become `##`
 * pieces) and how an eojeol splits into a stem and such endings. No dictionary: a split is accepted only when the
 * collection shows the stem mostly followed by endings, so "회의" is not cut into 회 + 의 while "기업들에게" is cut
 * into 기업 + 들 + 에게.
 */

/** Particles that end a word (nothing follows them). */
const FINAL_PARTICLES = ['이', '가', '을', '를', '은', '는', '의', '도', '만', '이나', '나', '이란', '란', '조차', '라도'];
/** Adverbial particles: may be followed by an auxiliary particle (에서 + 는, 과 + 의). */
const ADVERBIAL_PARTICLES = [
  '에', '에서', '에게', '에게서', '께', '께서', '한테', '로', '으로', '와', '과', '까지', '부터', '보다', '처럼', '마다',
  '으로서', '로서', '으로써', '로써',
];
/** Auxiliary particles allowed after an adverbial particle. */
const AUXILIARY_PARTICLES = ['는', '은', '도', '만', '의', '나', '이나', '까지', '부터', '조차', '라도'];
/** Endings that turn a noun into a predicate (하다/되다/받다/시키다 forms, the copula). They end a word. */
const PREDICATE_ENDINGS = [
  '하다', '한다', '하는', '하고', '하여', '하기', '하게', '하며', '하면', '하지', '하도록', '하려', '하려는', '할',
  '한', '함', '해', '해서', '해야', '했다', '했고', '했으며', '했습니다', '했던', '합니다', '하였다', '하였고',
  '하였으며', '하였습니다', '하겠다', '하겠습니다', '하겠다고', '하기로', '하고자', '하면서', '하는데', '한다고',
  '했다고', '했지만', '된다', '되는', '되고', '되어', '되며', '되면', '되지',
  '되도록', '될', '된', '됨', '돼', '됐다', '되었다', '되었고', '되었으며', '되었습니다', '됩니다', '되기', '받는',
  '받은', '받아', '받을', '받고', '시켜', '시킨', '시키는', '시킬', '시키고', '이다', '입니다', '이며', '이고',
  '이라는', '이라고', '인', '이었다', '이자', '였다', '라는', '라고',
];
const PLURAL = '들';

/** Every ending piece, once each: these are the `##` suffix pieces of the vocabulary. */
export const KOREAN_SUFFIXES: readonly string[] = [
  ...new Set([PLURAL, ...FINAL_PARTICLES, ...ADVERBIAL_PARTICLES, ...AUXILIARY_PARTICLES, ...PREDICATE_ENDINGS]),
].sort();

/**
 * Frequent Korean function words: kept whole in the vocabulary so they are recognised, then given almost no weight.
 * Only multi-syllable words (and 및, 등), so no Hangul syllable piece turns into a stop word.
 */
export const KOREAN_STOPWORDS: readonly string[] = [
  '및', '등', '또한', '그리고', '하지만', '그러나', '이번', '이를', '이는', '이에', '이와', '위해', '위한', '통해',
  '통한', '대한', '대해', '따라', '따른', '있다', '있는', '있으며', '있습니다', '있고', '있을', '없는', '것이',
  '것으로', '것을', '밝혔다', '말했다', '했다', '가장', '모든', '이러한', '이런', '그런', '한편', '또는',
];

const FINAL = new Set(FINAL_PARTICLES);
const ADVERBIAL = new Set(ADVERBIAL_PARTICLES);
const AUXILIARY = new Set(AUXILIARY_PARTICLES);
const PREDICATE = new Set(PREDICATE_ENDINGS);
const MAX_ENDING = Math.max(...KOREAN_SUFFIXES.map((s) => s.length));

type State = 'start' | 'plural' | 'adverbial' | 'end';

/** Whether `rest` is a well-formed chain of endings: [들] then a particle chain or a predicate ending. */
export function isEndingChain(rest: string): boolean {
  return rest !== '' && parses(rest, 'start');
}

function parses(rest: string, state: State): boolean {
  if (rest === '') return true;
  if (state === 'end') return false;
  for (let len = Math.min(MAX_ENDING, rest.length); len >= 1; len--) {
    const head = rest.slice(0, len);
    const tail = rest.slice(len);
    for (const next of transitions(head, state)) {
      if (parses(tail, next)) return true;
    }
  }
  return false;
}

function transitions(piece: string, state: State): State[] {
  const next: State[] = [];
  if (state === 'start' && piece === PLURAL) next.push('plural');
  if (state === 'start' || state === 'plural') {
    if (FINAL.has(piece)) next.push('end');
    if (ADVERBIAL.has(piece)) next.push('adverbial');
    if (PREDICATE.has(piece) && state === 'start') next.push('end');
  }
  if (state === 'adverbial' && AUXILIARY.has(piece)) next.push('end');
  return next;
}

/** Options of {@link StemFinder}. */
export interface StemFinderOptions {
  /**
   * Share of a candidate stem's occurrences (as the start of a Hangul run) that must be the bare stem or the stem
   * followed by an ending chain for the split to be accepted; runs where the stem starts a compound are not
   * counted. Default 0.5.
   */
  minEndingShare?: number;
  /** Occurrences a one-syllable stem needs before it is split off (one syllable is easily a false stem). Default 3. */
  minSingleSyllableCount?: number;
}

/** Splits Hangul runs into stem + endings, using how often each prefix of the collection's runs takes endings. */
export class StemFinder {
  readonly #total = new Map<string, number>();
  readonly #withEnding = new Map<string, number>();
  readonly #minShare: number;
  readonly #minSingle: number;
  // Endings repeat across runs (을, 에서는), so each remainder is parsed once.
  readonly #chains = new Map<string, boolean>();

  /** @param runs Hangul runs of the collection with their occurrence counts. */
  constructor(runs: ReadonlyMap<string, number>, options: StemFinderOptions = {}) {
    this.#minShare = options.minEndingShare ?? 0.5;
    this.#minSingle = options.minSingleSyllableCount ?? 3;
    const heads = new Set<string>();
    for (const run of runs.keys()) if (run.length >= 2) heads.add(run.slice(0, 2));
    for (const [run, count] of runs) {
      for (let k = 1; k <= run.length; k++) {
        const prefix = run.slice(0, k);
        const rest = run.slice(k);
        const takesEnding = rest === '' || this.#isChain(rest);
        // A compound (국가 + 경쟁력) says nothing about whether 국가 takes endings: it counts neither way.
        if (!takesEnding && rest.length >= 2 && heads.has(rest.slice(0, 2))) continue;
        this.#total.set(prefix, (this.#total.get(prefix) ?? 0) + count);
        if (takesEnding) this.#withEnding.set(prefix, (this.#withEnding.get(prefix) ?? 0) + count);
      }
    }
  }

  /** The stem of a Hangul run: its shortest attested prefix followed by an ending chain, else the run itself. */
  stem(run: string): string {
    for (let k = 1; k < run.length; k++) {
      if (!this.#isChain(run.slice(k))) continue;
      const prefix = run.slice(0, k);
      const total = this.#total.get(prefix) ?? 0;
      const withEnding = this.#withEnding.get(prefix) ?? 0;
      if (total === 0 || withEnding / total < this.#minShare) continue;
      if (k === 1 && withEnding < this.#minSingle) continue;
      return prefix;
    }
    return run;
  }

  #isChain(rest: string): boolean {
    // A chain has at most three pieces (들 + particle + particle), so longer text is not looked up or remembered.
    if (rest.length > 3 * MAX_ENDING) return false;
    let known = this.#chains.get(rest);
    if (known === undefined) {
      known = isEndingChain(rest);
      this.#chains.set(rest, known);
    }
    return known;
  }
}
