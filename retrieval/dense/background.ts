import type { DenseRetriever } from '../collection.ts';
import { searchByMeaning } from './dense-search.ts';

/**
 * Questions about everyday things no document collection of this kind answers. How similar their best passage is
 * tells what similarity means nothing for this model and collection: cosine scales differ widely between models.
 */
export const BACKGROUND_QUESTIONS: readonly string[] = [
  '오늘 날씨 어때?',
  '점심 메뉴 추천해줘',
  '주말에 볼 만한 영화 있어?',
  '감기에 걸렸을 때 좋은 음식은?',
  '강아지 산책은 하루에 몇 번 해야 해?',
  '기타 코드 잡는 법 알려줘',
  'What time is it in London?',
  'How do I bake sourdough bread?',
  'Who won the football match last night?',
  'Suggest a name for my cat',
  'How long should I boil an egg?',
  'What is a good stretching routine?',
];

const cache = new WeakMap<DenseRetriever, Promise<number>>();

/**
 * The median best-passage similarity of {@link BACKGROUND_QUESTIONS}: the level a question's dense evidence has to
 * clear to mean anything. Computed once per retriever. The median keeps one background question that happens to touch
 * the collection's subject from raising the bar.
 */
export function backgroundSimilarity(dense: DenseRetriever): Promise<number> {
  let level = cache.get(dense);
  if (!level) {
    level = Promise.all(BACKGROUND_QUESTIONS.map(async (q) => (await searchByMeaning(dense, q, 1))[0]?.score ?? 0)).then((tops) => {
      const sorted = [...tops].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? 0;
    });
    cache.set(dense, level);
  }
  return level;
}
