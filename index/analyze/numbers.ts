/**
 * Units that stay attached to a number, longest first. Magnitudes (조, 억, 만, 천) are kept so that
 * "3조" and "5000억" remain findable; a following 원 is dropped since "2,000억원" and "2000억 원" mean the same.
 */
const UNITS = [
  '퍼센트포인트', '%포인트', '%p', '%', '퍼센트', '조', '억', '만', '천', '원', '달러', '개국', '개사', '개월', '개',
  '명', '년', '월', '일', '시간', '시', '분', '초', '배', '곳', '건', '위', '차', '주', '세', '대', '종', '호선', '호', '척', '마리', '권', '그루', '회', 't', 'kg', 'km', 'm',
].sort((a, b) => b.length - a.length);

const CANONICAL_UNIT: Record<string, string> = {
  '퍼센트포인트': '%p',
  '%포인트': '%p',
  '퍼센트': '%',
};

/** A number as it appears in text, with its unit normalised. */
export interface NumberToken {
  /** The number without thousands separators, e.g. `2000`, `1.2`. */
  value: string;
  /** The normalised unit (`%p`, `%`, `억`, `개`…) or `''`. */
  unit: string;
  start: number;
  end: number;
}

const NUMBER = /\d[\d,]*(?:\.\d+)?/y;

/**
 * Reads a number starting at `pos` together with the unit written right after it ("2,000억원" → 2000 억,
 * "-1.2%p" read from the digit → 1.2 %p). Returns undefined when `pos` is not a digit.
 */
export function readNumber(text: string, pos: number): NumberToken | undefined {
  NUMBER.lastIndex = pos;
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const raw = m[0].replace(/,$/, '');
  let end = pos + raw.length;
  // Korean news abbreviates years: "'27년까지" is 2027.
  const abbreviatedYear = /^\d\d$/.test(raw) && /['‘’]/.test(text[pos - 1] ?? '');
  const value = abbreviatedYear ? `20${raw}` : raw.replace(/,/g, '');
  let unit = '';
  const rest = text.slice(end, end + 8).toLowerCase();
  for (const candidate of UNITS) {
    // A Latin unit must end the word: "12th" is not twelve tonnes.
    if (rest.startsWith(candidate) && !(/[a-z]$/.test(candidate) && /[a-z]/.test(rest[candidate.length] ?? ''))) {
      unit = CANONICAL_UNIT[candidate] ?? candidate;
      end += candidate.length;
      break;
    }
  }
  if (abbreviatedYear && unit === '') unit = '년';
  const ordinal = unit === '' ? /^(?:st|nd|rd|th)(?![a-z])/i.exec(text.slice(end, end + 3)) : null;
  if (ordinal) end += ordinal[0].length;
  // "억원", "조 원": the currency after a magnitude adds nothing to find.
  if ((unit === '억' || unit === '조' || unit === '만' || unit === '천') && /^\s?원/.test(text.slice(end, end + 2))) {
    end += text[end] === '원' ? 1 : 2;
  }
  return { value, unit, start: pos, end };
}
