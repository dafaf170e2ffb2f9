import { isStopword, wordTerms } from '../../index/analyze/terms.ts';
import type { Word } from '../../index/analyze/words.ts';
import { englishRole, followsPreposition, isFiniteVerb } from './english-roles.ts';
import { COPULA_ENDINGS, isKnownHangul, koreanRole } from './korean-roles.ts';

/**
 * What a word does in a question, which decides how much its absence from a passage matters:
 * - `content`: what the question is about (entities, key nouns: 바이오, Samsung, student loans). A passage that lacks
 *   it does not answer the question, and one the collection never uses means the documents don't cover it.
 * - `asked`: the content word naming what the question asks for ("…도시는?", "어떤 행사", "How many employees"): an
 *   attribute ("우대금리는?") or a category whose instance answers it ("합류하는 도시는?" → 하르툼, "전사한 사람은?"
 *   → 송상현). The documents must use it, but an answer may name the instance instead.
 * - `modifier`: describes a content word (strategic, ultra-precise, 새로); helps when present, is forgiven when absent.
 * - `predicate`: what is asked about the content (늘려, 열렸어, attended, goes); documents say it in their own words.
 * - `scaffold`: the shape of the question (몇 개로, 수는, 그중, "five years") rather than its topic; not looked for.
 */
export type WordRole = 'content' | 'asked' | 'modifier' | 'predicate' | 'scaffold';

/** Which terms the collection has: a word none of whose terms occur anywhere is one the documents never use. */
export interface Vocabulary {
  has(term: string): boolean;
}

/** Korean words that point back at something said before: "그 펀드", "해당 기업". */
const KOREAN_POINTERS: ReadonlySet<string> = new Set('그 이 저 해당'.split(' '));
const ENGLISH_POINTERS: ReadonlySet<string> = new Set('it its they them their theirs he him his she her'.split(' '));
/** After 몇 comes what is counted: "몇 조 규모", "몇 %p", "몇 년에". */
const HOW_MANY = '몇';
/** Question words that invert the auxiliary: "What did the meeting cover?" puts the verb last. */
const INVERTING_AUXILIARIES: ReadonlySet<string> = new Set('do does did will would can could should'.split(' '));
const WH_WORDS: ReadonlySet<string> = new Set('what which who whom whose when where why how'.split(' '));
/** Words after which a question names the kind of thing it asks for: "어떤 행사", "어느 나라", "which sector". */
const KIND_ASKERS: ReadonlySet<string> = new Set('어떤 어느 무슨 which what'.split(' '));
/** Topic and subject particles after the noun a Korean question ends on: "…도시는?", "…사람이 누구야?". */
const ASKED_PARTICLE = /[은는이가]$/u;

/**
 * The role of each word of a question (all its words, stopwords included: they show where the verb is), from its form,
 * its position and whether the collection knows it. Stopwords are scaffolding.
 * @param glossed positions of words that a glossary concept covers (known, even when the documents use another
 *   language) and of the glossary's question words ("규모", "how much"), which are scaffolding
 */
export function wordRoles(
  words: readonly Word[],
  vocabulary: Vocabulary,
  glossed: { concepts: ReadonlySet<number>; questionWords: ReadonlySet<number> } = { concepts: new Set(), questionWords: new Set() },
): WordRole[] {
  const last = words.findLastIndex((w) => !isStopword(w));
  const inverted = WH_WORDS.has(lower(words[0])) && words.some((w) => INVERTING_AUXILIARIES.has(lower(w)));
  // The verb of an inverted question comes last ("What did the meeting cover?"), unless it is a stopword ("get") or
  // the noun of a prepositional phrase ("How much does the fund give to shipbuilders?").
  const verbLast = inverted && last === words.length - 1 && !followsPreposition(words, last) ? last : -1;
  const roles: WordRole[] = [];
  words.forEach((word, i) => {
    roles.push(
      isStopword(word) || isAskingWord(word) || glossed.questionWords.has(i) || isPointer(word) || lower(words[i - 1]) === HOW_MANY
        ? 'scaffold'
        : word.kind === 'hangul'
          ? koreanRole(words, i, i === last, vocabulary)
          : word.kind === 'latin'
            ? englishRole(words, i, i === verbLast, glossed.concepts.has(i) || isKnownWord(word, vocabulary), roles[i - 1])
            : 'content',
    );
  });
  markAsked(words, roles);
  return roles;
}

/**
 * Marks the thing a question asks for: the head of the noun phrase after 어떤/어느/무슨/which/what ("어떤 행사를",
 * "What sector") or "how many" ("How many AI manufacturing projects"), else the last content word of a Korean question
 * when a topic or subject particle ends it ("…도시는?").
 */
function markAsked(words: readonly Word[], roles: WordRole[]): void {
  for (let i = 0; i < words.length; i++) {
    const asker = KIND_ASKERS.has(lower(words[i])) ? i + 1 : lower(words[i]) === 'how' && lower(words[i + 1]) === 'many' ? i + 2 : -1;
    if (asker < 0 || roles[asker] !== 'content') continue;
    let head = asker;
    while ((roles[head + 1] === 'content' || roles[head + 1] === 'modifier') && !isFiniteVerb(words[head + 1] as Word)) head++;
    roles[head] = 'asked';
    return;
  }
  for (let i = words.length - 1; i >= 0; i--) {
    if (roles[i] === 'scaffold' || roles[i] === 'predicate') continue;
    const word = words[i] as Word;
    if (roles[i] === 'content' && word.kind === 'hangul' && word.text !== word.stem && ASKED_PARTICLE.test(word.text)) roles[i] = 'asked';
    return;
  }
}

/** A question word with a copula after it: "얼마야", "어디야", "누구예요". */
function isAskingWord(word: Word): boolean {
  if (word.kind !== 'hangul') return false;
  for (const ending of COPULA_ENDINGS) {
    const rest = word.text.slice(0, -ending.length);
    if (word.text.endsWith(ending) && rest !== '' && isStopword({ ...word, text: rest, stem: rest })) return true;
  }
  return false;
}

/** Whether a word points back at something said before: "그 펀드", "해당 기업", "it", "their". */
export function isPointer(word: Word): boolean {
  if (word.kind !== 'hangul') return ENGLISH_POINTERS.has(word.text.toLowerCase());
  return KOREAN_POINTERS.has(word.text) || /^그(?:중|거|건|게|것|곳|때|쪽)/u.test(word.text);
}

/**
 * Whether the collection uses the word itself: its whole stem for Hangul (bigrams of other words don't count), every
 * term for other words.
 */
function isKnownWord(word: Word, vocabulary: Vocabulary): boolean {
  if (word.kind === 'hangul') return isKnownHangul(word, vocabulary);
  const terms = wordTerms(word);
  return terms.length > 0 && terms.every((t) => vocabulary.has(t));
}

function lower(word: Word | undefined): string {
  return word?.text.toLowerCase() ?? '';
}
