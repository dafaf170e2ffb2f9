import { stemEnglish } from '../../index/analyze/english.ts';
import { isParticle } from '../../index/analyze/particles.ts';
import { hangulTerms, isStopword, wordTerms } from '../../index/analyze/terms.ts';
import type { Word } from '../../index/analyze/words.ts';

/**
 * What a word does in a question, which decides how much its absence from a passage matters:
 * - `content`: what the question is about (entities, key nouns: 바이오, Samsung, student loans). A passage that lacks
 *   it does not answer the question, and one the collection never uses means the documents don't cover it.
 * - `asked`: the content word a Korean question ends on, naming what it asks for: an attribute ("우대금리는?") or a
 *   category whose instance answers it ("합류하는 도시는?" → 하르툼, "전사한 사람은?" → 송상현). The documents must
 *   use it, but an answer may name the instance instead.
 * - `modifier`: describes a content word (strategic, ultra-precise, 새로); helps when present, is forgiven when absent.
 * - `predicate`: what is asked about the content (늘려, 열렸어, attended, goes); documents say it in their own words.
 * - `scaffold`: the shape of the question (몇 개로, 수는, 그중, "five years") rather than its topic; not looked for.
 */
export type WordRole = 'content' | 'asked' | 'modifier' | 'predicate' | 'scaffold';

/** Which terms the collection has: a word none of whose terms occur anywhere is one the documents never use. */
export interface Vocabulary {
  has(term: string): boolean;
}

/**
 * Nouns that count or locate rather than name ("몇 개로", "직원 수는", "참여 기업 중", "유동성 가운데"): alone or with a
 * particle or copula after them they are question scaffolding.
 */
const BOUND_NOUNS: ReadonlySet<string> = new Set(
  '개 곳 명 수 중 번 건 날 달 해 살 위 쯤 외 간 가운데 사이 정도 무렵 동안 그중 거기 그것 그거 이거 나머지'.split(' '),
);
/** Copulas and question endings that follow a bound noun: "몇 개야", "몇 곳이었어". */
const COPULA_ENDINGS: ReadonlySet<string> = new Set(
  '야 이야 예요 이에요 였어 이었어 였나 이었나 였어요 이었어요 일까 인가 인가요 이지 지 나 이나 쯤 서'.split(' '),
);
/** Korean words that point back at something said before: "그 펀드", "해당 기업". */
const KOREAN_POINTERS: ReadonlySet<string> = new Set('그 이 저 해당'.split(' '));
/** Adverbs and quantity words that qualify what a question asks about: "새로 만든", "전체 규모", "가장 많이". */
const KOREAN_MODIFIERS: ReadonlySet<string> = new Set(
  '새로 새롭게 함께 같이 모두 전부 다시 이미 아직 가장 매우 크게 많이 처음 주로 따로 직접 전체 총 모든 각 최근 현재 앞으로 향후 실제 약 대략 주요 최대 최소 최고 최저 평균 기준 먼저 달리'.split(' '),
);

/** Endings of a conjugated verb or adjective at the end of a Korean question: 늘려, 열렸어, 깎아줘, 늘린대, 돼요, 따왔는가. */
const KOREAN_FINAL_VERB = /(?:[어아여워와줘해돼봐려혀쳐켜셔겨놔뤄요까니냐지죠네대래게고다]|[는은던]가|는지)$/u;
/** Question endings that end in what looks like a particle: "따왔는가", "세워졌는가". */
const KOREAN_QUESTION_ENDING = /(?:[는은던]가|는지)$/u;
/** Endings of a noun followed by its particle, which a question's last word may also have: "방법은", "영업이익은". */
const KOREAN_NOUN_PARTICLE = /(?:[은는이가을를의에도만]|에서|으로|로|와|과|까지|부터)$/u;
/** Connective endings of a verb inside a Korean question: "보험 들면", "기업 말고", "싸우다 전사한". */
const KOREAN_CONNECTIVE = /(?:면|고|며|서|다|도록|려고|러)$/u;
/** Nouns that take a verb's future or past form before them: "키울 계획", "받을 수". */
const DEPENDENT_NOUNS: ReadonlySet<string> = new Set(['계획', '예정', '방침', '전망', '방안', '것', '수', '때', '경우', '생각']);
/** After 몇 comes what is counted: "몇 조 규모", "몇 %p", "몇 년에". */
const HOW_MANY = '몇';

/** Question words that invert the auxiliary: "What did the meeting cover?" puts the verb last. */
const INVERTING_AUXILIARIES: ReadonlySet<string> = new Set('do does did will would can could should'.split(' '));
const WH_WORDS: ReadonlySet<string> = new Set('what which who whom whose when where why how'.split(' '));
/** Particles of phrasal verbs: "set aside", "took part", "carry out". */
const PHRASAL_PARTICLES: ReadonlySet<string> = new Set('aside part up out off down away forward'.split(' '));
/** Units of time and share that a number or a question word counts in: "five years", "which year". */
const ENGLISH_UNITS: ReadonlySet<string> = new Set('year years month months day days week weeks percent times'.split(' '));

/**
 * Common English verbs, as Porter stems. Questions use them for what is asked ("Which banks run…", "How much goes
 * to…"); only words that are neither in the glossary nor in the documents are classified by this list.
 */
const ENGLISH_VERB_STEMS: ReadonlySet<string> = new Set(
  `accept account achieve add affect agree aim allocate allow announce answer appear apply appoint approve arrange ask
  attend attract award beat become begin believe belong bring build buy call cause change charge choose claim close
  come commit compare complete concern connect consider contain continue contribute control cost count cover create
  cut deal decide declare decline define deliver depend describe design develop differ direct discuss distribute drop
  earmark earn enable encourage end ensure enter establish estimate exceed exist expand expect explain extend face
  fall feature fill finish focus follow form found gain get give go grow guarantee handle happen head hear help hit
  hold hope host identify implement improve include increase indicate inform intend introduce involve issue join keep
  know last launch lead leave lend let lie like limit link list live look lose lower maintain make manage mark matter
  mean measure meet mention miss move name need note notice obtain occur offer open operate order organise organize
  own participate pass pay perform pick place plan play point prepare present prevent produce promise promote propose
  protect prove provide publish pull push put quote raise reach read receive recommend record reduce refer reflect
  relate release remain remove replace report represent require respond rest result return reveal rise run save say
  see seek select sell send serve set share show sign sit spend stand start state stay stop suggest supply support
  take talk target tell tend think total turn understand unveil use want win work write`
    .split(/\s+/)
    .filter(Boolean)
    .map(stemEnglish),
);
/** Past forms that do not end in -ed. */
const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  `became began begun bought brought built came chose chosen did done drew drawn fell found gave given gone got gotten
  grew grown had held hit kept knew known laid led left lent lost made meant met paid put ran rose risen said sat saw
  seen sent set shown sold spent spoke spoken stood taken told took thought went won wrote written`
    .split(/\s+/)
    .filter(Boolean),
);
const ORDINALS: ReadonlySet<string> = new Set('first second third fourth fifth sixth seventh eighth ninth tenth last next'.split(' '));
/** Adjective and adverb endings; deliberately not -al or -ent, which end as many nouns (hospital, student). */
const ENGLISH_MODIFIER = /(?:ic|ical|ive|ous|ful|less|able|ible|ly)$/;

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
  // The verb of an inverted question comes last ("What did the meeting cover?"), unless it is a stopword ("get").
  const verbLast = inverted && last === words.length - 1 ? last : -1;
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

/** Topic and subject particles after the noun a Korean question ends on: "…도시는?", "…사람이 누구야?". */
const ASKED_PARTICLE = /[은는이가]$/u;

/** Words after which a question names the kind of thing it asks for: "어떤 행사", "어느 나라", "which sector". */
const KIND_ASKERS: ReadonlySet<string> = new Set('어떤 어느 무슨 which what'.split(' '));

/**
 * Marks the thing a question asks for: the content word right after 어떤/어느/무슨/which/what ("어떤 행사를", "What
 * sector") or "how many" ("How many employees"), else the last content word of a Korean question when a topic or
 * subject particle ends it ("…도시는?").
 */
function markAsked(words: readonly Word[], roles: WordRole[]): void {
  for (let i = 0; i < words.length; i++) {
    const asker = KIND_ASKERS.has(lower(words[i])) ? i + 1 : lower(words[i]) === 'how' && lower(words[i + 1]) === 'many' ? i + 2 : -1;
    if (asker < 0 || roles[asker] !== 'content') continue;
    // The head of the noun phrase after the asker: "How many AI manufacturing projects" asks for projects.
    let head = asker;
    const next = (i: number) => words[i] as Word;
    while ((roles[head + 1] === 'content' || roles[head + 1] === 'modifier') && !isFiniteVerb(next(head + 1))) head++;
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
  return word.kind === 'hangul' ? KOREAN_POINTERS.has(word.text) || /^그(?:중|거|건|게|것|곳|때|쪽)/u.test(word.text) : ENGLISH_POINTERS.has(word.text.toLowerCase());
}

const ENGLISH_POINTERS: ReadonlySet<string> = new Set('it its they them their theirs he him his she her'.split(' '));

/**
 * Whether the collection uses the word itself: its whole stem for Hangul (bigrams of other words don't count: "태어난"
 * is not known because some document has "뛰어난"), every term for other words.
 */
export function isKnownWord(word: Word, vocabulary: Vocabulary): boolean {
  if (word.kind === 'hangul') return vocabulary.has(word.stem.length > 2 ? `=${word.stem}` : word.stem);
  const terms = wordTerms(word);
  return terms.length > 0 && terms.every((t) => vocabulary.has(t));
}

function koreanRole(words: readonly Word[], i: number, last: boolean, vocabulary: Vocabulary): WordRole {
  const word = words[i] as Word;
  if (isBoundNounPhrase(word.text) || COPULA_ENDINGS.has(word.text)) return 'scaffold';
  if (KOREAN_MODIFIERS.has(word.stem) || KOREAN_MODIFIERS.has(word.text)) return 'modifier';
  const known = isKnownWord(word, vocabulary);
  // A Sino-Korean verb ("참석한", "합류하는", "설립됐어") says what is asked of its subject; a noun of one that the
  // documents never use still counts a little against them.
  const noun = verbalNoun(word, known);
  if (noun !== undefined) return hangulTerms(noun).some((t) => vocabulary.has(t)) ? 'predicate' : 'modifier';
  const next = words[i + 1];
  if (next?.kind === 'hangul' && DEPENDENT_NOUNS.has(next.stem) && /[ㄹㄴ]/u.test(finalConsonant(word.text))) return 'predicate';
  if (next !== undefined && isInflectionOfKnownWord(word, vocabulary, known)) return 'predicate';
  if (last) {
    const verb = KOREAN_QUESTION_ENDING.test(word.text) || (KOREAN_FINAL_VERB.test(word.text) && !KOREAN_NOUN_PARTICLE.test(word.text));
    return verb ? 'predicate' : 'content';
  }
  if (known) return 'content';
  return KOREAN_CONNECTIVE.test(word.text) && word.text.length > 1 ? 'predicate' : 'content';
}

/** Endings of 하다/되다 verbs after their noun: "참석한", "개최하고", "설립됐어", "합류하는". */
const VERB_SUFFIX = /^(?:하|한|할|해|했|되|된|될|돼|됐)/u;
/**
 * A noun followed by 하다/되다 and an ending, or by a light verb: "발견했는지를", "설립됐어", "지원받을". An adnominal
 * 한/할/된/될 must end the word, so "보험료할인" stays a noun.
 */
const VERB_WORD = /^([가-힣]{2,}?)(?:(?:하|했|해|되|됐|돼|받|시키|시켰)[가-힣]*|[한할된될])$/u;

/**
 * The noun of a Sino-Korean verb form: "참석한" → 참석, "지원받을" → 지원, "설립됐어" → 설립. A word the collection
 * uses as it is is read as a verb only when a 하다/되다 ending was stripped from it.
 */
function verbalNoun(word: Word, known: boolean): string | undefined {
  if (word.stem.length >= 2 && VERB_SUFFIX.test(word.text.slice(word.stem.length))) return word.stem;
  return known ? undefined : VERB_WORD.exec(word.text)?.[1];
}

/** "개로", "수는", "곳이었어", "중", "가운데": a bound noun with nothing but a particle or copula after it. */
function isBoundNounPhrase(text: string): boolean {
  for (let split = 1; split <= text.length; split++) {
    const rest = text.slice(split);
    if (BOUND_NOUNS.has(text.slice(0, split)) && (rest === '' || isParticle(rest) || COPULA_ENDINGS.has(rest))) return true;
  }
  return false;
}

/** Vowels of a verb stem's last syllable and the vowels it takes before -었/-어: 이→여 (놓이→놓였), 우→워, 오→와, 으→어. */
const VOWEL_SHIFTS: ReadonlyMap<number, readonly number[]> = new Map([
  [20, [20, 6]],
  [13, [13, 14]],
  [8, [8, 9]],
  [18, [18, 4, 0]],
]);
/** Finals of the forms a verb takes besides its adnominal: ㄹ (만들다, 놓일), ㅆ (놓였다, 태어났다). */
const VERB_FINALS: readonly number[] = [8, 20];

/**
 * Whether a word before another is a verb's adnominal form ("놓인 다리", "만든 프로그램", "태어난 도시") of a stem
 * the collection uses in another form ("놓였고", "만들어", "태어났다"): its last syllable ends in ㄴ/ㄹ (or the word
 * in 는/던), and the collection has the syllable before it followed by the same consonant and vowel, or the vowel the
 * verb takes before -었, with another final. A word the collection uses as it is must show a verb's own forms, with
 * ㄹ or ㅆ, so that a noun such as 자전 stays one.
 */
function isInflectionOfKnownWord(word: Word, vocabulary: Vocabulary, known: boolean): boolean {
  const adnominal = /[ㄴㄹ]/u.test(finalConsonant(word.stem)) || /(?:는|던)$/u.test(word.text);
  if (!adnominal || word.stem.length < 2) return false;
  const lead = word.stem.slice(-2, -1);
  const code = word.stem.charCodeAt(word.stem.length - 1) - HANGUL_BASE;
  const initial = Math.floor(code / 588);
  const vowel = Math.floor((code % 588) / 28);
  const finals = known ? VERB_FINALS : Array.from({ length: 28 }, (_, f) => f);
  for (const shifted of VOWEL_SHIFTS.get(vowel) ?? [vowel]) {
    for (const final of finals) {
      const variant = HANGUL_BASE + initial * 588 + shifted * 28 + final;
      if (variant !== code + HANGUL_BASE && vocabulary.has(lead + String.fromCharCode(variant))) return true;
    }
  }
  return false;
}

function englishRole(words: readonly Word[], i: number, lastOfInverted: boolean, known: boolean, previous: WordRole | undefined): WordRole {
  const word = words[i] as Word;
  const text = word.text.toLowerCase();
  if (text.length === 1 || ENGLISH_UNITS.has(text)) return 'scaffold';
  if (ORDINALS.has(text)) return 'modifier';
  if (/^[A-Z]/.test(word.text) && i > 0) return 'content';
  if (lastOfInverted || (previous === 'predicate' && PHRASAL_PARTICLES.has(text))) return 'predicate';
  if (known) return 'content';
  if (isVerbForm(text)) return 'predicate';
  const hyphenated = word.text.includes('-') && word.text !== word.text.toUpperCase();
  return hyphenated || ENGLISH_MODIFIER.test(text) ? 'modifier' : 'content';
}

/** A verb that follows its subject: "Which companies attended…", "Which bank offers…" (not a gerund, often a noun). */
function isFiniteVerb(word: Word): boolean {
  const text = word.text.toLowerCase();
  return word.kind === 'latin' && !text.endsWith('ing') && isVerbForm(text);
}

/** Past and -ing forms, and common verbs in any person ("offers", "goes", "recommends"). */
function isVerbForm(text: string): boolean {
  if (IRREGULAR_PAST.has(text) || (/(?:ed|ing)$/.test(text) && text.length > 5)) return true;
  const bare = text.endsWith('es') && ENGLISH_VERB_STEMS.has(stemEnglish(text.slice(0, -2))) ? text.slice(0, -2) : text;
  return ENGLISH_VERB_STEMS.has(stemEnglish(bare));
}

function lower(word: Word | undefined): string {
  return word?.text.toLowerCase() ?? '';
}

const HANGUL_BASE = 0xac00;
const FINALS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

/** The final consonant (받침) of the last syllable of a Hangul word as a compatibility jamo, or ''. */
function finalConsonant(text: string): string {
  const code = text.charCodeAt(text.length - 1) - HANGUL_BASE;
  return code < 0 || code > 11171 ? '' : (FINALS[code % 28] as string);
}
