import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../index/config.ts';
import { loadGlossary } from '../../index/analyze/glossary.ts';
import { AnswerEngine } from '../../retrieval/answer-engine.ts';
import { readEvalCases } from '../../retrieval/eval/dataset.ts';
import { runEval, type EvalReport } from '../../retrieval/eval/run-eval.ts';
import { loadCollection } from '../../retrieval/load-collection.ts';
import { seedIndex, type SeedWorkspace } from '../support/seed-index.ts';

let workspace: SeedWorkspace;
let engine: AnswerEngine;

beforeAll(async () => {
  workspace = await seedIndex();
  const { collection } = await loadCollection(workspace.config);
  engine = new AnswerEngine(() => collection, loadGlossary(workspace.config.glossaryPaths));
});
afterAll(() => workspace.dispose());

const fixture = (name: string) => readEvalCases(join(PROJECT_ROOT, 'tests', 'fixtures', name));

describe('the development questions', () => {
  let hybrid: EvalReport;
  let lexical: EvalReport;
  beforeAll(async () => {
    const cases = fixture('dev.jsonl');
    hybrid = await runEval(engine, cases, 'hybrid');
    lexical = await runEval(engine, cases, 'lexical');
  });

  it('finds the evidence passage for Korean questions', () => {
    expect(hybrid.ko.hitAt3).toBeGreaterThanOrEqual(0.95);
    expect(hybrid.ko.hitAt1).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the Korean evidence passage for English questions', () => {
    expect(hybrid.en.hitAt3).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks the evidence first for most questions and answers them', () => {
    expect(hybrid.all.hitAt1).toBeGreaterThanOrEqual(0.85);
    expect(hybrid.all.answerAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('abstains on out-of-scope questions and almost never on answerable ones', () => {
    expect(hybrid.all.abstainedOutOfScope).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.all.abstainedAnswerable).toBeLessThanOrEqual(0.05);
  });

  it('is not worse with hybrid search than with lexical search alone, in either language', () => {
    for (const lang of ['ko', 'en'] as const) {
      expect(hybrid[lang].hitAt1).toBeGreaterThanOrEqual(lexical[lang].hitAt1);
      expect(hybrid[lang].hitAt3).toBeGreaterThanOrEqual(lexical[lang].hitAt3);
      expect(hybrid[lang].answerAccuracy).toBeGreaterThanOrEqual(lexical[lang].answerAccuracy);
    }
  });
});

describe('the held-out questions, written apart from the development set', () => {
  let hybrid: EvalReport;
  beforeAll(async () => {
    hybrid = await runEval(engine, fixture('heldout.jsonl'), 'hybrid');
  });

  it('generalise: evidence in the top three and answers found for most questions', () => {
    expect(hybrid.all.hitAt3).toBeGreaterThanOrEqual(0.85);
    expect(hybrid.all.answerAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('abstain on every out-of-scope question and rarely on answerable ones', () => {
    expect(hybrid.all.abstainedOutOfScope).toBe(1);
    expect(hybrid.all.abstainedAnswerable).toBeLessThanOrEqual(0.1);
  });
});
