import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../index/analyze/glossary.ts';
import type { PageStart } from '../index/types.ts';
import { useSeedEngine } from '../tests/support/seed-engine.ts';
import { AnswerEngine } from './answer-engine.ts';
import type { Collection } from './collection.ts';

const seeds = useSeedEngine();
const ROBOT_DOC = '000_b1883f170ede4282';
const ROBOT_SENTENCE = '산업은행은 AI 모델 개발 및 클라우드 기업, 로봇 및 자율주행 기업들에게 최대 -1.2%p까지 우대된 금리로 자금을 제공할 예정입니다.';

/** The seed collection with the robot article laid out in `pages`, as a PDF would be. */
function engineWithPages(pages: (text: string) => PageStart[]): AnswerEngine {
  const { collection } = seeds.loaded;
  const documents = new Map(collection.documents);
  const robot = documents.get(ROBOT_DOC)!;
  documents.set(ROBOT_DOC, { ...robot, pages: pages(robot.text) });
  const paged: Collection = { ...collection, documents };
  return new AnswerEngine(() => paged, loadGlossary(seeds.workspace.config.glossaryPaths));
}

describe('the page of a citation', () => {
  it('is the page the quoted sentence is on, even when its passage starts on the page before', async () => {
    // Page 2 starts inside the cited passage, before the sentence that answers.
    const engine = engineWithPages((text) => [
      { page: 1, start: 0 },
      { page: 2, start: text.indexOf(ROBOT_SENTENCE) - 10 },
    ]);
    const answer = await engine.ask({ question: '로봇 기업 우대금리는?' });
    const cited = answer.citations[0]!;
    expect(cited.docId).toBe(ROBOT_DOC);
    expect(cited.start).toBeLessThan(seeds.loaded.collection.documents.get(ROBOT_DOC)!.text.indexOf(ROBOT_SENTENCE) - 10);
    expect(cited.page).toBe(2);
  });

  it('is the page the passage starts on when nothing in it is quoted, and null for a document without pages', async () => {
    const engine = engineWithPages(() => [
      { page: 3, start: 0 },
      { page: 4, start: 100_000 },
    ]);
    const answer = await engine.ask({ question: '로봇 기업 우대금리는?' });
    expect(answer.citations[0]?.page).toBe(3);
    for (const related of answer.related.filter((c) => c.docId === ROBOT_DOC)) expect(related.page).toBe(3);
    for (const other of [...answer.citations, ...answer.related].filter((c) => c.docId !== ROBOT_DOC)) expect(other.page).toBeNull();
  });
});
