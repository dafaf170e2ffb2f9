import { stemEnglish } from '../../index/analyze/english.ts';
import type { Word } from '../../index/analyze/words.ts';
import type { WordRole } from './word-roles.ts';

/** Particles of phrasal verbs: "set aside", "took part", "carry out". */
const PHRASAL_PARTICLES: ReadonlySet<string> = new Set('aside part up out off down away forward'.split(' '));
/** Units of time and share that a number or a question word counts in: "five years", "which year". */
const UNITS: ReadonlySet<string> = new Set('year years month months day days week weeks percent times'.split(' '));
/** Determiners and possessives: the word after one is a noun ("its return", "the cut"), whatever else it can be. */
const DETERMINERS: ReadonlySet<string> = new Set('a an the its their his her this that these those our my your whose'.split(' '));
/** Prepositions, after which comes a noun phrase, never the verb of the question ("…give to shipbuilders?"). */
const PREPOSITIONS: ReadonlySet<string> = new Set('to for of in on at by with from into about over under between among'.split(' '));
const ORDINALS: ReadonlySet<string> = new Set('first second third fourth fifth sixth seventh eighth ninth tenth last next'.split(' '));
/** Adjective and adverb endings; deliberately not -al or -ent, which end as many nouns (hospital, student). */
const MODIFIER_ENDING = /(?:ic|ical|ive|ous|ful|less|able|ible|ly)$/;

/**
 * Common English verbs, as Porter stems. Questions use them for what is asked ("Which banks run…", "How much goes
 * to…"); only words that are neither in the glossary nor in the documents are classified by this list.
 */
const VERB_STEMS: ReadonlySet<string> = new Set(
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

/**
 * The role of the English word `words[i]` of a question.
 * @param verbLast whether it is the last word of an inverted question ("What did the meeting cover?"), a verb
 * @param known whether the glossary or the documents have it: its form alone then doesn't make it a verb or modifier
 * @param previous the role of the word before, for phrasal verbs ("set aside")
 */
export function englishRole(words: readonly Word[], i: number, verbLast: boolean, known: boolean, previous: WordRole | undefined): Exclude<WordRole, 'asked'> {
  const word = words[i] as Word;
  const text = word.text.toLowerCase();
  if (text.length === 1 || UNITS.has(text)) return 'scaffold';
  if (ORDINALS.has(text)) return 'modifier';
  if (/^[A-Z]/.test(word.text) && i > 0) return 'content';
  if (verbLast || (previous === 'predicate' && PHRASAL_PARTICLES.has(text))) return 'predicate';
  if (known || DETERMINERS.has(words[i - 1]?.text.toLowerCase() ?? '')) return 'content';
  if (isVerbForm(text)) return 'predicate';
  const hyphenated = word.text.includes('-') && word.text !== word.text.toUpperCase();
  return hyphenated || MODIFIER_ENDING.test(text) ? 'modifier' : 'content';
}

/** Whether the word stands after a preposition, as the noun of its phrase. */
export function followsPreposition(words: readonly Word[], i: number): boolean {
  return PREPOSITIONS.has(words[i - 1]?.text.toLowerCase() ?? '');
}

/** A verb that follows its subject: "Which companies attended…", "Which bank offers…" (not a gerund, often a noun). */
export function isFiniteVerb(word: Word): boolean {
  const text = word.text.toLowerCase();
  return word.kind === 'latin' && !text.endsWith('ing') && isVerbForm(text);
}

/** Past and -ing forms, and common verbs in any person ("offers", "goes", "recommends"). */
function isVerbForm(text: string): boolean {
  if (IRREGULAR_PAST.has(text) || (/(?:ed|ing)$/.test(text) && text.length > 5)) return true;
  const bare = text.endsWith('es') && VERB_STEMS.has(stemEnglish(text.slice(0, -2))) ? text.slice(0, -2) : text;
  return VERB_STEMS.has(stemEnglish(bare));
}
