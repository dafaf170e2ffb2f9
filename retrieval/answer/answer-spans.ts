import { splitWords, type Word } from '../../index/analyze/words.ts';
import type { QueryIntent } from '../analyze/intent.ts';
import { englishFigure } from './english-figures.ts';

/** What a span of a sentence is, as an answer: a sum of money, a share, a count, a date, a person or body, a list. */
export type SpanKind = 'money' | 'percent' | 'count' | 'date' | 'agent' | 'list';

/** A span of a sentence that can answer a question by itself; offsets are into the sentence text. */
export interface AnswerSpan {
  kind: SpanKind;
  start: number;
  end: number;
  /** The units of the numbers in a figure ("3조 5000억 원" → 조, 억). */
  units?: string[];
}

/** The kinds of span that answer each intent, the preferred kind first. */
const KINDS_FOR: Record<QueryIntent, readonly SpanKind[]> = {
  amount: ['money', 'percent'],
  percent: ['percent'],
  count: ['count'],
  date: ['date'],
  person: ['agent'],
  list: ['list'],
  general: [],
};

/**
 * Whether the intent asks for something a sentence must hold to answer at all: a how-much question is not answered by a
 * sentence without an amount. Who- and which-questions are not: names and lists take too many forms to require one.
 */
export function isStrictIntent(intent: QueryIntent): boolean {
  return intent === 'amount' || intent === 'percent' || intent === 'count' || intent === 'date';
}

/** Counters that count the same things: organisations and places are counted in 개 as often as in 곳. */
const COUNTER_CLASSES: ReadonlyArray<ReadonlySet<string>> = [new Set(['개', '곳', '개사', '개소', '개국', '군데'])];

function sameCounter(a: string, b: string): boolean {
  return a === b || COUNTER_CLASSES.some((c) => c.has(a) && c.has(b));
}

/** Whether a count or share is in another unit than the one the question names ("몇 명" → not 770km; "몇 %p" → not 60%). */
function inOtherUnit(span: AnswerSpan, unit: string | undefined): boolean {
  if (unit === undefined || (span.kind !== 'count' && span.kind !== 'percent')) return false;
  return !span.units?.some((u) => sameCounter(u, unit));
}

const MONEY_UNITS: ReadonlySet<string> = new Set(['조', '억', '만', '천', '원', '달러']);
const PERCENT_UNITS: ReadonlySet<string> = new Set(['%', '%p']);
const DATE_UNITS: ReadonlySet<string> = new Set(['년', '월', '일']);
/** Words before a number that belong to the figure: "최대 -1.2%p", "약 3조원", "총 54조 5000억 원", "연 0.5%". */
const NUMBER_PREFIX = /(?:최대|최소|최고|최저|약|총|연간|연|평균)\s$/u;
/** The 금 of a sum written as in a notice or contract, glued to it: "금72,300,000원". */
const MONEY_PREFIX = /(?:^|[^가-힣])금$/u;
/** Words after a number that belong to it: "200개 이상", "20개 내외". */
const NUMBER_SUFFIX = /^\s?(?:이상|이하|미만|초과|안팎|내외|가량)/u;
/** A share written as a fraction of 10, 100 or 1000, as notices and rules do: "입찰금액의 25/1000 이상". */
const PER_MILLE = /(?<![\d./])\d+(?:\.\d+)?\/10{1,3}(?![\d./])(?:\s?(?:이상|이하|미만|초과))?/gu;
/** Korean words that name a time without a number. */
const DATE_WORDS = /올해|내년|지난해|작년|금년|연내|상반기|하반기|연말|연초/gu;
/**
 * Who-questions are answered by a named body or an office holder: "산업은행이", "안덕근 장관", "금융위원회". A title
 * stands alone ("국가대표" and "대표적인" hold none), and 일부/전부 are not ministries.
 */
const AGENT =
  /(?:은행|공사|기금|공단|위원회|진흥원|평가원|연구원|재단|협회|청|처|(?<![일전내외세대])[가-힣]부|(?<![가-힣])(?:장관|대행|부총리|총리|대통령|의원|위원장|회장|사장|청장|원장|이사장|대표|감독|교수|박사))(?=[은는이가와과의도,\s)]|$)/gu;
/** Particles that end a noun phrase, and coordinators that join two ("정부와 금융위원회"). */
const PARTICLE_END = /[은는이가을를의에도로]$/u;
const COORDINATOR_END = /(?:와|과|및|,)$/u;
/** Verb and clause endings: a comma after one separates clauses, not list items ("출범했는데, 현대차, …"). */
const CLAUSE_END = /(?:는데|하고|하며|으며|이며|했고|했으며|하여|해서|지만|면서|고|며|서|다)$/u;
const MAX_ITEM_CHARS = 15;

/**
 * The spans of a sentence that answer the intent, preferred kinds first; empty for a general question.
 * @param unit the unit the question counts in ("몇 명" → 명): only counts in it answer
 * @example answerSpans('amount', '산업은행은 최대 -1.2%p까지 우대된 금리로…') // [{ kind: 'percent', … '최대 -1.2%p' }]
 */
export function answerSpans(intent: QueryIntent, sentence: string, unit?: string): AnswerSpan[] {
  const kinds = KINDS_FOR[intent];
  if (kinds.length === 0) return [];
  const all = findSpans(sentence, new Set(kinds)).filter((s) => !inOtherUnit(s, unit));
  return kinds.flatMap((kind) => all.filter((s) => s.kind === kind));
}

/**
 * Whether a sentence holds the kind of thing the intent asks for. Undefined for a general question, which any sentence
 * may answer.
 */
export function answersIntent(intent: QueryIntent, sentence: string, unit?: string): boolean | undefined {
  return KINDS_FOR[intent].length === 0 ? undefined : answerSpans(intent, sentence, unit).length > 0;
}

/**
 * The words on either side of a figure, two each: where what it counts is named ("153개 기업·기관이", "공장을 2024년
 * 26개에서"), not the "12개 업종의" of another figure further on.
 */
export function aroundSpan(sentence: string, span: AnswerSpan): string {
  // The rest of the figure's own word ("의" of "20개의") does not take one of the two places.
  const gluedBefore = span.start > 0 && !/\s/u.test(sentence[span.start - 1] ?? '') ? 1 : 0;
  const gluedAfter = span.end < sentence.length && !/\s/u.test(sentence[span.end] ?? '') ? 1 : 0;
  const before = sentence.slice(0, span.start).split(/\s+/).filter(Boolean).slice(-2 - gluedBefore);
  const after = sentence.slice(span.end).split(/\s+/).filter(Boolean).slice(0, 2 + gluedAfter);
  return [...before, ...after].join(' ');
}

function findSpans(text: string, kinds: ReadonlySet<SpanKind>): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  if (['money', 'percent', 'count', 'date'].some((k) => kinds.has(k as SpanKind))) spans.push(...numberSpans(text));
  if (kinds.has('date')) for (const m of text.matchAll(DATE_WORDS)) spans.push({ kind: 'date', start: m.index, end: m.index + m[0].length });
  if (kinds.has('percent')) for (const m of text.matchAll(PER_MILLE)) spans.push({ kind: 'percent', start: m.index, end: m.index + m[0].length, units: ['%'] });
  if (kinds.has('agent')) spans.push(...agentSpans(text));
  if (kinds.has('list')) spans.push(...listSpans(text));
  return spans.filter((s) => kinds.has(s.kind)).sort((a, b) => a.start - b.start);
}

/** Numbers with their units, neighbouring parts of one figure joined ("3조 5000억 원", "10월 1일"). */
function numberSpans(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const word of splitWords(text)) {
    const previous = spans.at(-1);
    if (word.kind !== 'number' || (previous && word.start < previous.end)) continue;
    const unit = word.stem.replace(/^[\d.]+/, '');
    const english = unit === '' ? englishFigure(text, word.start, word.end) : undefined;
    if (english) {
      spans.push({ kind: english.kind, start: english.start, end: english.end, units: english.unit ? [english.unit] : [] });
      continue;
    }
    const kind = numberKind(word);
    // Parts of one figure stand side by side: "3조 5000억 원", "10월 1일", "9시간 56분"; a period's two ends are one
    // answer ("2025년 1월 1일 ~ 2025년 12월 31일").
    const between = previous ? text.slice(previous.end, word.start) : '';
    if (previous && previous.kind === kind && (/^\s?$/u.test(between) || (kind === 'date' && RANGE.test(between)))) {
      previous.end = endOfDate(text, word.end, kind);
      previous.units?.push(unit);
      continue;
    }
    let start = word.start;
    if (/[-+~−'‘’]/u.test(text[start - 1] ?? '')) start -= 1;
    const prefix = NUMBER_PREFIX.exec(text.slice(Math.max(0, start - 4), start));
    if (prefix) start -= prefix[0].length;
    else if (kind === 'money' && MONEY_PREFIX.test(text.slice(Math.max(0, start - 2), start))) start -= 1;
    spans.push({ kind, start, end: endOfDate(text, word.end, kind), units: [unit] });
  }
  for (const span of spans) {
    const suffix = NUMBER_SUFFIX.exec(text.slice(span.end));
    if (suffix) span.end += suffix[0].length;
  }
  return spans;
}

/** What stands between the two ends of a period: "~", "∼", "-", "부터". */
const RANGE = /^\s?(?:[~∼-]|부터)\s?$/u;
/** The rest of a date written with periods after its year, with its weekday and time: "2024. 12. 13(수) 10:10". */
const DOTTED_DATE = /^\.\s?\d{1,2}\.\s?\d{1,2}\.?(?:\s?\([^)\s]{1,3}\))?(?:\s?\d{1,2}:\d{2})?/u;

/** The weekday written after a date: "3월 4일(화)". */
const WEEKDAY = /^\s?\([월화수목금토일]\)/u;

/**
 * Where a figure that ends at `end` ends: a year followed by its month and day in periods takes them in, and a date
 * its weekday.
 */
function endOfDate(text: string, end: number, kind: SpanKind): number {
  if (kind !== 'date') return end;
  const rest = DOTTED_DATE.exec(text.slice(end)) ?? WEEKDAY.exec(text.slice(end));
  return rest ? end + rest[0].length : end;
}

function numberKind(word: Word): SpanKind {
  const unit = word.stem.replace(/^[\d.]+/, '');
  if (MONEY_UNITS.has(unit)) return 'money';
  if (PERCENT_UNITS.has(unit)) return 'percent';
  if (DATE_UNITS.has(unit) || (unit === '' && /^(?:19|20)\d\d$/.test(word.stem))) return 'date';
  return 'count';
}

/** Named bodies and office holders, with the words of their name before them ("구윤철 부총리 겸 기획재정부 장관"). */
function agentSpans(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  for (const m of text.matchAll(AGENT)) {
    const end = m.index + m[0].length;
    let start = text.lastIndexOf(' ', m.index) + 1;
    for (let taken = 0; taken < 4 && start > 0; taken++) {
      const before = text.slice(0, start - 1);
      const token = before.slice(before.lastIndexOf(' ') + 1);
      if (token === '' || (PARTICLE_END.test(token) && !COORDINATOR_END.test(token)) || /[.!?“”"'()[\]]/u.test(token)) break;
      start -= token.length + 1;
    }
    const previous = spans.at(-1);
    if (previous && start <= previous.end) previous.end = end;
    else spans.push({ kind: 'agent', start, end });
  }
  return spans;
}

/** Runs of at least three short items between commas, or two followed by 등: "포스코, LG전자, GS칼텍스, … 등". */
function listSpans(text: string): AnswerSpan[] {
  const spans: AnswerSpan[] = [];
  let run: AnswerSpan[] = [];
  const close = (etc: boolean) => {
    if (run.length >= 3 || (run.length >= 2 && etc)) spans.push({ kind: 'list', start: (run[0] as AnswerSpan).start, end: (run.at(-1) as AnswerSpan).end });
    run = [];
  };
  let offset = 0;
  for (const [i, part] of text.split(',').entries()) {
    const start = offset + part.length - part.trimStart().length;
    const body = part.trim();
    offset += part.length + 1;
    if (i > 0 && isItem(body)) {
      run.push({ kind: 'list', start, end: start + body.length });
      continue;
    }
    if (i > 0) {
      // The part after the last comma: the list's last item, up to "등" or the particle that ends it.
      const etc = /^(\S+(?: \S+)?) 등(?:[^가-힣]|[이을은의과도에]|$)/u.exec(body);
      const item = etc?.[1] ?? /^(\S+?)[은는이가을를의에도와과]\s/u.exec(body)?.[1];
      if (item !== undefined && isItem(item)) run.push({ kind: 'list', start, end: start + item.length });
      close(etc !== null);
    }
    // The word before the next comma may start a new list.
    const word = body.slice(body.lastIndexOf(' ') + 1);
    if (isItem(word)) run.push({ kind: 'list', start: start + body.length - word.length, end: start + body.length });
  }
  close(false);
  return spans;
}

/** A list item is a name of at most two words: no clause ending, no sentence punctuation, no particle on its words. */
function isItem(text: string): boolean {
  const words = text.split(' ');
  return (
    text.length > 0 &&
    text.length <= MAX_ITEM_CHARS &&
    words.length <= 2 &&
    !CLAUSE_END.test(text) &&
    !/[.!?()]/u.test(text) &&
    !words.some((w) => ITEM_PARTICLE.test(w))
  );
}

/** Particles that tie a word to a verb, which a list item's words do not carry: "'27년까지", "현장에서", "중견기업이". */
const ITEM_PARTICLE = /(?:까지|부터|에서|에게|으로|[을를에로이가은는])$/u;
