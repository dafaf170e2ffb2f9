import type { Lang } from '../../contract/api.ts';

const LOCALES: Record<Lang, string> = { ko: 'ko-KR', en: 'en-US' };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A document's own date as the interface shows it: an ISO `YYYY-MM-DD` in the reader's language ("2025년 3월 2일",
 * "Mar 2, 2025"), anything else as the document wrote it.
 */
export function displayDate(date: string, lang: Lang): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls a 13th month or a 45th day over into the next year or month: such a date was not a date.
  if (Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== date) return date;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/** A moment (ISO 8601 with time) in the reader's language and time zone, to the minute. */
export function displayTime(iso: string, lang: Lang, timeZone?: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(time);
}

/** A file size in bytes, KB or MB (1 KB = 1024 bytes), with at most one decimal. */
export function displaySize(bytes: number, lang: Lang): string {
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}
