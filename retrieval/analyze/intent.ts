/** What kind of answer a question asks for, which decides what a good answer sentence must contain. */
export type QueryIntent = 'amount' | 'count' | 'percent' | 'date' | 'person' | 'general';

import { splitWords } from '../../index/analyze/words.ts';

/** Units a number needs for each numeric intent to count as an answer (see `NumberToken.unit`). */
const INTENT_UNITS: Partial<Record<QueryIntent, readonly string[]>> = {
  // "얼마나 깎아줘" asks for a share as often as for a sum.
  amount: ['조', '억', '만', '천', '원', '달러', '%', '%p'],
  count: ['개', '개사', '개국', '곳', '명', '건', '대', '종'],
  percent: ['%', '%p'],
  date: ['년', '월', '일'],
};

/** Who-questions are answered by a named body or an office holder: "산업은행이", "안덕근 장관", "금융위원회". */
const AGENT =
  /(?:은행|공사|기금|공단|위원회|진흥원|평가원|연구원|재단|협회|청|처|[가-힣]부)(?=[은는이가와과의도,\s)]|$)|장관|대행|부총리|총리|대통령|의원|위원장|회장|사장|청장|원장|이사장|대표/g;

/**
 * Whether a sentence holds the kind of thing the intent asks for: a number with a fitting unit for how much / how
 * many / what share / when, a body or office holder for who. Undefined for a general question, which any sentence
 * may answer.
 */
export function answersIntent(intent: QueryIntent, sentence: string): boolean | undefined {
  if (intent === 'person') return (sentence.match(AGENT)?.length ?? 0) > 0;
  const units = INTENT_UNITS[intent];
  if (!units) return undefined;
  return splitWords(sentence).some((w) => w.kind === 'number' && units.some((u) => w.stem.endsWith(u)));
}

/** Checked in order: the first pattern that matches decides. */
const PATTERNS: ReadonlyArray<[QueryIntent, RegExp]> = [
  ['date', /언제|날짜|며칠|몇\s*(?:월|일|년)|\bwhen\b|\bwhat (?:date|day|month|year)\b/i],
  ['percent', /비율|비중|퍼센트|금리|(?:률|율)(?:은|는|이|가)?\s*\??$|\brates?\b|몇\s*%|\bpercent(?:age)?\b|\bshare\b|\bratio\b|\bproportion\b|\bby how much\b/i],
  ['count', /몇|\bhow many\b|\bnumber of\b/i],
  ['amount', /얼마|규모|금액|액수|\bhow (?:much|large|big)\b|\bamount\b|\bsize\b|\bbudget\b|\bscale\b/i],
  ['person', /누가|누구|\bwho\b|\bwhom\b/i],
];

/**
 * Classifies a question by the answer it expects.
 * @example detectIntent('AI혁신펀드 규모는?') // 'amount'
 */
export function detectIntent(question: string): QueryIntent {
  for (const [intent, pattern] of PATTERNS) if (pattern.test(question)) return intent;
  return 'general';
}

/** 'ko' when the question is mostly Hangul, else 'en'. */
export function detectLanguage(text: string): 'ko' | 'en' {
  const hangul = text.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return hangul > 0 && hangul * 2 >= latin ? 'ko' : 'en';
}
