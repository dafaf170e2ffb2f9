import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGlossary } from '../index/analyze/glossary.ts';
import { splitWords } from '../index/analyze/words.ts';
import { useSeedEngine } from '../tests/support/seed-engine.ts';
import { QueryAnalyzer } from './analyze/query.ts';
import { MAX_WORDS_READ } from './analyze/reading-bounds.ts';
import type { AskRequest } from '../contract/api.ts';
import { AnswerEngine } from './answer-engine.ts';
import type { Answer } from '../contract/api.ts';

const seeds = useSeedEngine();

/** An engine without the answer cache, so that asking again does the work again. */
function uncachedEngine(): AnswerEngine {
  return new AnswerEngine(() => seeds.loaded.collection, loadGlossary(seeds.workspace.config.glossaryPaths), { cacheSize: 0 });
}

/** Distinct made-up Korean words ("단어가", "단어곿", …) up to `chars` characters: words the documents never use. */
function filler(chars: number): string {
  const words: string[] = [];
  for (let i = 0; words.join(' ').length < chars; i++) words.push(`단어${String.fromCharCode(0xac00 + ((i * 7919) % 11172))}`);
  return words.join(' ').slice(0, chars);
}

function withoutTime({ tookMs: _tookMs, ...answer }: Answer): Omit<Answer, 'tookMs'> {
  return answer;
}

/** How many times the engine looks a term up in the collection while answering. */
async function termLookups(engine: AnswerEngine, request: AskRequest): Promise<number> {
  const df = vi.spyOn(seeds.loaded.collection.lexical, 'df');
  await engine.ask(request);
  const calls = df.mock.calls.length;
  df.mockRestore();
  return calls;
}

describe('AnswerEngine on questions of 1,000 characters', () => {
  afterEach(() => vi.restoreAllMocks());

  // 34 words: more than are read, so the message after the filler is read exactly as it is read alone.
  const question =
    'I read in the news this week that the Korea Development Bank lends to AI model developers, cloud companies, robot ' +
    'makers and autonomous driving firms at preferential rates. What rate cut for robot firms?';

  it('answers a long message from its last words, whatever comes before them', async () => {
    expect(splitWords(question).length).toBeGreaterThan(MAX_WORDS_READ);
    const engine = uncachedEngine();
    const message = `${filler(999 - question.length)} ${question}`;
    expect(message.length).toBe(1000);
    const long = await engine.ask({ question: message });
    expect(long.abstained).toBe(false);
    expect(long.answer).toContain('-1.2%p');
    expect(withoutTime(long)).toEqual(withoutTime(await engine.ask({ question })));
  });

  it('searches the postings of its strongest terms only, and still answers', async () => {
    const maxSearchTerms = 16;
    const engine = new AnswerEngine(() => seeds.loaded.collection, loadGlossary(seeds.workspace.config.glossaryPaths), { cacheSize: 0, maxSearchTerms });
    const analyzer = new QueryAnalyzer(loadGlossary(seeds.workspace.config.glossaryPaths));
    const known = [...analyzer.analyze(question).terms.keys()].filter((t) => seeds.loaded.collection.lexical.df(t) > 0);
    expect(known.length).toBeGreaterThan(2 * maxSearchTerms);
    const search = vi.spyOn(seeds.loaded.collection.lexical, 'search');
    const answer = await engine.ask({ question: `${filler(999 - question.length)} ${question}` });
    expect(search.mock.calls.map(([terms]) => terms.size)).toEqual([maxSearchTerms]);
    expect(answer.answer).toContain('-1.2%p');
  });

  it('looks up no more terms after ten long follow-ups than after one', async () => {
    const engine = uncachedEngine();
    const followUp = (i: number) => ({ question: `${filler(990).slice(i)} 그 펀드 규모는?` });
    const afterOne = await termLookups(engine, { question: '그 규모는?', history: [followUp(0)] });
    const afterTen = await termLookups(engine, { question: '그 규모는?', history: Array.from({ length: 10 }, (_, i) => followUp(i)) });
    expect(afterTen).toBeLessThanOrEqual(afterOne);
    // Without the bounds, each turn followed would be read whole.
    const unbounded = new AnswerEngine(() => seeds.loaded.collection, loadGlossary(seeds.workspace.config.glossaryPaths), {
      cacheSize: 0,
      query: { maxWords: Infinity, maxChars: Infinity },
    });
    expect(await termLookups(unbounded, { question: '그 규모는?', history: Array.from({ length: 10 }, (_, i) => followUp(i)) })).toBeGreaterThan(5 * afterTen);
  });
});
