/**
 * Figures written the English way, which the analysis reads as bare numbers: "$2.5 billion", "200 billion won",
 * "30 percent", "1.2 percentage points", "June 30, 2025". Korean figures carry their unit in the word itself.
 */

/** What an English figure is, with where it starts and ends around its number. */
export interface EnglishFigure {
  kind: 'money' | 'percent' | 'date';
  start: number;
  end: number;
  /** The unit a share is in (`%` or `%p`), as Korean shares are. */
  unit?: string;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const SCALE = '(?:\\s(?:hundred|thousand|million|billion|trillion))?';
const CURRENCY_BEFORE = /(?:US\$|[$€£₩¥]|\b(?:USD|KRW|EUR)\s?)$/u;
const CURRENCY_AFTER = new RegExp(`^${SCALE}\\s(?:won|dollars?|euros?|yen|pounds?|USD|KRW|EUR)\\b`, 'iu');
const SCALE_AFTER = new RegExp(`^${SCALE}`, 'iu');
const PERCENT_AFTER = /^\s?(?:(percentage[\s-]points?|%p\b)|percent\b|per\s?cent\b|pct\b)/iu;
/** Words before an amount or share that belong to it: "up to 1.2 percentage points", "about $3 billion". */
const BOUND_BEFORE = /\b(?:up to|about|around|approximately|nearly|almost|over|more than|less than|at least|at most)\s$/iu;
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\s$`, 'u');
/** The day and year after a month: "June 30, 2025", "June 2025". */
const YEAR_AFTER = /^,?\s(?:19|20)\d\d\b/u;
const MONTH_AFTER = new RegExp(`^\\s${MONTH}(?:,?\\s(?:19|20)\\d\\d\\b)?`, 'u');

/**
 * The English figure around the number at `start`–`end` of `text`, or undefined when the words beside it make it none
 * of money, a share or a date.
 * @example englishFigure('It gives $2.5 billion.', 10, 13) // { kind: 'money', start: 9, end: 21 }
 */
export function englishFigure(text: string, start: number, end: number): EnglishFigure | undefined {
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 40);
  const figure = amountOrShare(before, after, start, end);
  if (figure) {
    const bound = BOUND_BEFORE.exec(text.slice(Math.max(0, figure.start - 16), figure.start));
    return bound ? { ...figure, start: figure.start - bound[0].length } : figure;
  }
  const month = MONTH_BEFORE.exec(before);
  if (month) return { kind: 'date', start: start - month[0].length, end: end + (YEAR_AFTER.exec(after)?.[0].length ?? 0) };
  const monthAfter = /^\d{1,2}$/u.test(text.slice(start, end)) ? MONTH_AFTER.exec(after) : null;
  if (monthAfter) return { kind: 'date', start, end: end + monthAfter[0].length };
  return undefined;
}

function amountOrShare(before: string, after: string, start: number, end: number): EnglishFigure | undefined {
  const currency = CURRENCY_BEFORE.exec(before);
  if (currency) return { kind: 'money', start: start - currency[0].length, end: end + (SCALE_AFTER.exec(after)?.[0].length ?? 0) };
  const named = CURRENCY_AFTER.exec(after);
  if (named) return { kind: 'money', start, end: end + named[0].length };
  const percent = PERCENT_AFTER.exec(after);
  if (percent) return { kind: 'percent', start, end: end + percent[0].length, unit: percent[1] === undefined ? '%' : '%p' };
  return undefined;
}
