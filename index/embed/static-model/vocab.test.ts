import { describe, expect, it } from 'vitest';
import { SMALL_GLOSSARY, seedTexts } from '../test-support.ts';
import { WordPieceEncoder } from './tokenize.ts';
import { buildVocab, type Vocab } from './vocab.ts';

const vocab = buildVocab(seedTexts(), SMALL_GLOSSARY);
const pieces = (text: string, v: Vocab = vocab) => new WordPieceEncoder(v.ids).encode(text).map((id) => v.tokens[id]);

describe('buildVocab', () => {
  it('starts with the five special tokens', () => {
    expect(vocab.tokens.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
    expect(vocab.kinds.slice(0, 5)).toEqual(['special', 'special', 'special', 'special', 'special']);
  });

  it('splits a Korean word into its stem, plural and particle', () => {
    expect(pieces('기업들에게')).toEqual(['기업', '##들', '##에게']);
  });

  it('learns stems from the collection and endings as ## pieces', () => {
    expect(pieces('산업은행은 AI정책금융 프로그램을 신설했습니다')).toEqual([
      '산업은행', '##은', 'ai', '##정책금융', '프로그램', '##을', '신설', '##했습니다',
    ]);
  });

  it('spells unseen Korean words with syllables instead of [UNK]', () => {
    expect(pieces('제주도 여행을 떠났다 똠얌꿍')).toEqual([
      '제', '##주', '##도', '여', '##행', '##을', '떠', '##났', '##다', '똠', '##얌', '##꿍',
    ]);
    expect(vocab.ids.has('힣')).toBe(true);
    expect(vocab.ids.has('##힣')).toBe(true);
  });

  it('keeps glossary forms whole and splits English inflections off their words', () => {
    expect(pieces('우대금리 for robot companies')).toEqual(['우대금리', 'for', 'robot', 'compan', '##ies']);
    expect(vocab.kinds[vocab.ids.get('for') as number]).toBe('stopword');
    expect(vocab.keys[vocab.ids.get('compan') as number]).toBe('company');
  });

  it('gives a ## piece the key of its bare form', () => {
    const id = vocab.ids.get('##정책금융') as number;
    expect(vocab.keys[id]).toBe('정책금융');
    expect(vocab.kinds[id]).toBe('word');
  });

  it('keeps only the most frequent pieces within the budget, glossary forms first', () => {
    const small = buildVocab(seedTexts(), SMALL_GLOSSARY, { maxPieces: 30 });
    const words = small.tokens.filter((_, i) => small.kinds[i] === 'word');
    expect(words).toContain('기보');
    expect(words).toContain('ai');
    expect(words).not.toContain('산업은행');
    expect(pieces('산업은행은', small)).toEqual(['산', '##업', '##은', '##행', '##은']);
  });

  it('is deterministic: the same input gives the same ids', () => {
    const again = buildVocab(seedTexts(), SMALL_GLOSSARY);
    expect(again.tokens).toEqual(vocab.tokens);
    expect(again.kinds).toEqual(vocab.kinds);
  });
});
