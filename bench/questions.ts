import { join } from 'node:path';
import { PROJECT_ROOT } from '../index/config.ts';
import type { GlossaryEntry } from '../index/analyze/glossary.ts';
import { readEvalCases } from '../retrieval/eval/dataset.ts';
import type { Random } from './random.ts';
import { varyNumbers, type SeedText } from './seed-text.ts';

/** The evaluation sets' questions (Korean and English, answerable and not), in file order. */
export const EVAL_FILES = [join(PROJECT_ROOT, 'tests', 'fixtures', 'dev.jsonl'), join(PROJECT_ROOT, 'tests', 'fixtures', 'heldout.jsonl')];

/** The questions of the evaluation sets: real mixed Korean and English questions about the seed collection. */
export function evalQuestions(files: readonly string[] = EVAL_FILES): string[] {
  return files.flatMap((file) => readEvalCases(file).map((c) => c.question));
}

const KOREAN_ENDINGS = [' 관련 내용은?', '에 대해 알려줘', '?', ' 어떻게 되나요?', ' 무엇인가요?', ' 규모는?'];
const ENGLISH_TEMPLATES = ['What about {a}?', 'How much {a} for {b}?', 'Tell me about {a} and {b}', 'What is the {a} plan?', 'who supports {a}?'];

/**
 * Distinct question-like strings made from seed sentences, up to a third of them English (fewer in long lists, since
 * English ones run out of new combinations sooner). A Korean one is a run of three to six words of a sentence (numbers
 * varied) with a question ending; an English one names, in English, glossary concepts the sentence mentions in
 * Korean. Distinct, so that timing them measures answering rather than a cache of answers to repeated questions.
 * Deterministic for a given `random` state.
 * @throws Error when the seed text is too small to give `count` distinct questions.
 */
export function generateQuestions(seed: SeedText, glossary: readonly GlossaryEntry[], count: number, random: Random): string[] {
  const questions = new Set<string>();
  const conceptsOf = new Map<string, GlossaryEntry[]>();
  const concepts = (sentence: string): GlossaryEntry[] => {
    let found = conceptsOf.get(sentence);
    if (!found) conceptsOf.set(sentence, (found = glossary.filter((entry) => entry.ko.some((form) => form.length >= 2 && sentence.includes(form)))));
    return found;
  };
  for (let attempt = 0; questions.size < count; attempt++) {
    if (attempt >= count * 50) throw new Error(`Could only make ${questions.size} distinct questions of the ${count} asked for from the seed text.`);
    const sentence = random.pick(seed.sentences);
    const english = random.int(3) === 0 ? englishQuestion(concepts(sentence), random) : undefined;
    questions.add(english ?? koreanQuestion(varyNumbers(sentence, random), random));
  }
  return [...questions];
}

function koreanQuestion(sentence: string, random: Random): string {
  const words = sentence.replace(/[.!?。"”]+$/u, '').split(/\s+/).filter(Boolean);
  const length = Math.min(words.length, random.between(3, 6));
  const first = random.int(words.length - length + 1);
  return words.slice(first, first + length).join(' ') + random.pick(KOREAN_ENDINGS);
}

function englishQuestion(concepts: readonly GlossaryEntry[], random: Random): string | undefined {
  if (concepts.length === 0) return undefined;
  const a = random.pick(concepts).en[0] as string;
  const b = random.pick(concepts).en[0] as string;
  return random.pick(ENGLISH_TEMPLATES).replace('{a}', a).replace('{b}', b);
}
