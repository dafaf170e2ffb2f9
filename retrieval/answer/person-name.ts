import { splitWords, type Word } from '../../index/analyze/words.ts';

/**
 * Nouns for a person, whose 이름 is a personal name: kin ("뉴턴 어머니의 이름"), and office holders by the ending of their
 * title ("강남구청장 이름", "위원장 성함"). 시장 and 공장-like words are left out: a market or a works has a name too.
 */
const PERSON_NOUN =
  /(?:아버지|어머니|아버님|어머님|할아버지|할머니|아들|딸|아내|남편|부인|형|누나|오빠|언니|동생|스승|제자|청장|원장|회장|사장|총장|부장|과장|국장|실장|위원장|이사장|단장|교장|장관|차관|대표|대통령|총리|의원|감독|교수|박사|작가|저자|선수|담당자|책임자|설립자|창업자|창시자|발명가|발명자)$/u;

/** Words that ask for a name. */
const NAME_WORD = /^(?:이름|성함|성명)/u;

/**
 * The person whose name the question asks for, by the noun that names them: "서울 강남구청장 이름은?" → 강남구청장,
 * "뉴턴 어머니의 이름은?" → 어머니. Undefined when the question asks for no name, or the name of a thing ("화구호의 이름은?").
 */
export function personNameAsked(question: string): string | undefined {
  const words = splitWords(question).filter((w) => w.kind === 'hangul');
  const at = words.findIndex((w) => NAME_WORD.test(w.text));
  const holder = at > 0 ? (words[at - 1] as Word).stem : undefined;
  return holder !== undefined && PERSON_NOUN.test(holder) ? holder : undefined;
}

/** First syllables of the commonest Korean surnames. */
const SURNAMES = new Set('김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부복태목형피두감음빈동온호범좌팽승간상시갈'.split(''));
/** Endings of place and body names, which stand beside a title as a name does ("서울시 구청장", "기획재정부 장관"). */
const PLACE_OR_BODY = /[시군구읍면부처청회사]$/u;

/** Whether a word can be a Korean personal name: two to four syllables, a surname first, no place ending. */
function isKoreanName(word: Word | undefined): boolean {
  if (!word || word.kind !== 'hangul') return false;
  const name = word.stem;
  return name.length >= 2 && name.length <= 4 && SURNAMES.has(name[0] as string) && !PLACE_OR_BODY.test(name);
}

/**
 * Whether the sentence names the person: a name stands beside the noun for them, before it ("홍길동 구청장은") or after
 * it ("구청장 홍길동은", "어머니 한나는"). A sentence that speaks of the person by their title alone does not.
 */
export function namesPerson(sentence: string, holder: string): boolean {
  const words = splitWords(sentence);
  // The last syllables of the holder, as the sentence may write its title whole or in part (서울특별시 강남구청장).
  const title = PERSON_NOUN.exec(holder)?.[0] ?? holder;
  return words.some((w, i) => {
    if (!w.stem.endsWith(title)) return false;
    // A name before the title has no particle of its own ("홍길동 구청장은"); one after it follows the bare title.
    const before = words[i - 1];
    const after = words[i + 1];
    return (before?.text === before?.stem && isKoreanName(before)) || (w.text === w.stem && isKoreanName(after));
  });
}
