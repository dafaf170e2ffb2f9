import { describe, expect, it } from 'vitest';
import { namesPerson, personNameAsked } from './person-name.ts';

describe('personNameAsked', () => {
  it('finds the person whose name is asked, by kin or title', () => {
    expect(personNameAsked('서울 강남구청장 이름은?')).toBe('강남구청장');
    expect(personNameAsked('뉴턴 어머니의 이름은?')).toBe('어머니');
    expect(personNameAsked('위원장 성함이 뭐예요?')).toBe('위원장');
  });

  it('leaves the name of a thing, and questions that ask no name, alone', () => {
    expect(personNameAsked('한라산 정상에 있는 화구호의 이름은?')).toBeUndefined();
    expect(personNameAsked('펀드 이름이 뭐예요?')).toBeUndefined();
    expect(personNameAsked('강남구청장은 누구야?')).toBeUndefined();
  });
});

describe('namesPerson', () => {
  it('finds a name beside the title or kin noun, before or after it', () => {
    expect(namesPerson('서울특별시 강남구청장 홍길동은 이날 개정안을 공고했다.', '강남구청장')).toBe(true);
    expect(namesPerson('김철수 구청장이 참석했다.', '강남구청장')).toBe(true);
  });

  it('does not take a sentence that speaks of the person by title alone', () => {
    expect(namesPerson('의견서를 서울특별시 강남구청장(참조 : 총무과장)에게 제출하여 주시기 바랍니다.', '강남구청장')).toBe(false);
    expect(namesPerson('어머니가 재혼하면서 한동안 외할머니 손에서 자랐다.', '어머니')).toBe(false);
    // A place or body before the title is not a name.
    expect(namesPerson('서울시 구청장이 참석했다.', '강남구청장')).toBe(false);
  });
});
