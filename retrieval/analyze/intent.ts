import { readNumber } from '../../index/analyze/numbers.ts';

/**
 * What kind of answer a question asks for, which decides what a good answer sentence must contain: an amount of money
 * (or a share of one), a count, a percentage, a date, a person or body ("who"), several of them ("which companies"),
 * or anything (`general`).
 */
export type QueryIntent = 'amount' | 'count' | 'percent' | 'date' | 'person' | 'list' | 'general';

/** Kinds of organisation and people that "which …" asks to have listed when plural ("which companies"). */
const ENGLISH_KINDS = 'compan(?:y|ies)|firms?|banks?|institutions?|organi[sz]ations?|agenc(?:y|ies)|countr(?:y|ies)|ministr(?:y|ies)|businesses|enterprises|members|groups|bodies|lenders|insurers|startups|universit(?:y|ies)';
/** Korean kinds of organisation: the asked-for thing when a question ends on one ("참석한 기업은?", "은행들 알려줘"). */
const KOREAN_KINDS = '기업|회사|은행|기관|업체|국가|나라|단체|부처|대학|학교|스타트업';

/** The asked-for thing at the end of a question, with what may follow it: "금리는?", "기업들 알려줘.". */
const ASKED_LAST = String.raw`(?:들)?(?:은|는|이|가|을|를)?(?:\s*(?:얼마\S*|몇\S*|어디\S*|뭐\S*|무엇\S*|알려\S*|말해\S*))?[\s.?!]*$`;

/** Checked in order: the first pattern that matches decides. */
const PATTERNS: ReadonlyArray<[QueryIntent, RegExp]> = [
  ['date', /언제|날짜|며칠|연도|몇\s*(?:월|일|년)|(?:^|\s)(?:해|날)(?:는|은|가|이)?\s*\??$|\bwhen\b|\b(?:what|which) (?:date|day|month|year)\b/i],
  // A day asked by name: "신청 마감일은?", "의견 제출 기한은?", "개찰 일시는?".
  ['date', new RegExp(String.raw`(?:마감일|시작일|종료일|개최일|접수일|발표일|기한|일시|일자)${ASKED_LAST}`)],
  ['list', new RegExp(String.raw`어디어디|(?:어떤|어느)\s*(?:${KOREAN_KINDS})들`)],
  ['percent', new RegExp(String.raw`비율|비중|퍼센트|몇\s*%|(?:금리|률|율)${ASKED_LAST}|할인율|\brates?\b|\bdiscounts?\b|\bpercent(?:age)?\b|\bshare\b|\bratio\b|\bproportion\b|\bby how much\b`, 'i')],
  ['count', /몇|\bhow many\b|\bnumber of\b|(?:^|\s)수(?:는|가|를|도)?\s*\??$/i],
  // Measures are asked with 얼마 too, but answered in their own units: "길이는 얼마나 돼?" → 7.4km.
  ['count', /(?:길이|높이|거리|깊이|무게|넓이|면적|크기|인구|기간|고도|지름|둘레|나이|주기|시간|속도|온도|기온|수명|수심|질량|부피|용량)\S{0,2}\s*(?:얼마|몇)|\bhow (?:long|high|tall|deep|far|heavy|old)\b/i],
  ['amount', /얼마|규모|금액|액수|어느 정도|\bhow (?:much|large|big)\b|\bamount\b|\bsize\b|\bbudget\b|\bscale\b/i],
  ['person', /누가|누구|\bwho\b|\bwhom\b|\bwhich (?:minister|official|person|man|woman|ceo|head|agency|ministry|bank|institution|organi[sz]ation|company|firm)\b/i],
  ['list', new RegExp(String.raw`\b(?:which|what) (?:\w+ ){0,2}(?:${ENGLISH_KINDS})\b|(?:^|\s)(?:${KOREAN_KINDS})${ASKED_LAST}`, 'i')],
];

/**
 * Classifies a question by the answer it expects.
 * @example detectIntent('AI혁신펀드 규모는?') // 'amount'
 */
export function detectIntent(question: string): QueryIntent {
  for (const [intent, pattern] of PATTERNS) if (pattern.test(question)) return intent;
  return 'general';
}

/**
 * The unit a question counts in, when it names one after 몇: "몇 명" → 명, "몇 %p" → %p, "몇 m야" → m.
 * @example askedUnit('대구의 인구는 약 몇 명인가?') // '명'
 */
export function askedUnit(question: string): string | undefined {
  const after = /몇\s*(\S+)/u.exec(question)?.[1];
  if (after === undefined) return undefined;
  const unit = readNumber(`1${after}`, 0)?.unit;
  return unit === '' ? undefined : unit;
}

/** What a question that counts in `unit` asks for, when the unit says more than 몇 does: "몇 조" an amount, "몇 %" a share. */
export function unitIntent(unit: string | undefined): QueryIntent | undefined {
  if (unit === undefined) return undefined;
  if (['조', '억', '만', '천', '원', '달러'].includes(unit)) return 'amount';
  if (unit === '%' || unit === '%p') return 'percent';
  return ['년', '월', '일'].includes(unit) ? 'date' : undefined;
}

/** 'ko' when the question is mostly Hangul, else 'en'. */
export function detectLanguage(text: string): 'ko' | 'en' {
  const hangul = text.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return hangul > 0 && hangul * 2 >= latin ? 'ko' : 'en';
}
