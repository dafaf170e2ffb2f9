import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../index/config.ts';
import { readEvalCases } from '../../retrieval/eval/dataset.ts';
import { runEval, type EvalReport } from '../../retrieval/eval/run-eval.ts';
import { useSeedEngine } from '../support/seed-engine.ts';

const seeds = useSeedEngine();

const fixture = (name: string) => readEvalCases(join(PROJECT_ROOT, 'tests', 'fixtures', name));

describe('the development questions', () => {
  let hybrid: EvalReport;
  let lexical: EvalReport;
  beforeAll(async () => {
    const cases = fixture('dev.jsonl');
    hybrid = await runEval(seeds.engine, cases, 'hybrid');
    lexical = await runEval(seeds.engine, cases, 'lexical');
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

describe('the trust questions: near misses, follow-ups and precise sentences', () => {
  let hybrid: EvalReport;
  beforeAll(async () => {
    hybrid = await runEval(seeds.engine, fixture('dev-trust.jsonl'), 'hybrid');
  });

  it('abstain on at least nine in ten near-miss questions, and on almost no answerable one', () => {
    expect(hybrid.all.abstainedOutOfScope).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.all.abstainedAnswerable).toBeLessThanOrEqual(0.05);
  });

  it('rank the answering passage first and answer with its sentence', () => {
    expect(hybrid.all.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.all.answerAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the held-out trust questions, written apart from the code and the trust set', () => {
  let hybrid: EvalReport;
  beforeAll(async () => {
    hybrid = await runEval(seeds.engine, fixture('heldout-trust.jsonl'), 'hybrid');
  });

  it('abstain on most near misses and rarely on answerable questions', () => {
    expect(hybrid.all.abstainedOutOfScope).toBeGreaterThanOrEqual(0.75);
    expect(hybrid.all.abstainedAnswerable).toBeLessThanOrEqual(0.1);
  });

  it('find the answering passage first and answer most questions', () => {
    expect(hybrid.all.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.all.answerAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the held-out questions, written apart from the development set', () => {
  let hybrid: EvalReport;
  beforeAll(async () => {
    hybrid = await runEval(seeds.engine, fixture('heldout.jsonl'), 'hybrid');
  });

  it('generalise: evidence first for nine in ten questions, in the top three and answered for most', () => {
    expect(hybrid.all.hitAt1).toBeGreaterThanOrEqual(0.9);
    expect(hybrid.all.hitAt3).toBeGreaterThanOrEqual(0.95);
    expect(hybrid.all.answerAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('abstain on every out-of-scope question and rarely on answerable ones', () => {
    expect(hybrid.all.abstainedOutOfScope).toBe(1);
    expect(hybrid.all.abstainedAnswerable).toBeLessThanOrEqual(0.05);
  });
});

describe('an encyclopedic collection beyond the news seeds (Korean factoid questions)', () => {
  const encyclopedia = useSeedEngine(join('bench', 'encyclopedia', 'docs'));
  let ko: EvalReport['ko'];
  beforeAll(async () => {
    ko = (await runEval(encyclopedia.engine, readEvalCases(join(PROJECT_ROOT, 'bench', 'encyclopedia', 'questions.jsonl')), 'hybrid')).ko;
  });

  it('finds the answering passage and rarely abstains on a question it covers', () => {
    expect(ko.hitAt3).toBeGreaterThanOrEqual(0.95);
    expect(ko.abstainedAnswerable).toBeLessThanOrEqual(0.05);
    expect(ko.answerAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('abstains on at least half of the near misses, which share an entity or a word with an article', () => {
    expect(ko.abstainedOutOfScope).toBeGreaterThanOrEqual(0.5);
  });
});
