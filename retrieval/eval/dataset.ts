import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Earlier turns of the conversation, oldest first, sent as the request's `history`. */
const history = z.array(z.object({ question: z.string().min(1) })).optional();

const answerable = z.object({
  id: z.string(),
  lang: z.enum(['ko', 'en']),
  question: z.string().min(1),
  history,
  evidence: z.array(z.string().min(1)).min(1),
  answer: z.string().min(1),
});
const outOfScope = z.object({
  id: z.string(),
  lang: z.enum(['ko', 'en']),
  question: z.string().min(1),
  history,
  abstain: z.literal(true),
});

/** One evaluation question: answerable (with evidence and the expected answer) or one the documents don't cover. */
export type EvalCase = z.infer<typeof answerable> | z.infer<typeof outOfScope>;

/**
 * Parses an evaluation file: one JSON object a line, blank lines ignored.
 * @throws Error naming the line when it is not valid JSON or not of either shape.
 */
export function parseEvalCases(text: string, origin = 'eval file'): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${origin}:${i + 1}: not valid JSON`);
    }
    const parsed = z.union([outOfScope, answerable]).safeParse(value);
    if (!parsed.success) {
      throw new Error(`${origin}:${i + 1}: expected {id, lang, question, evidence, answer} or {id, lang, question, abstain: true}`);
    }
    cases.push(parsed.data);
  });
  return cases;
}

export function readEvalCases(path: string): EvalCase[] {
  return parseEvalCases(readFileSync(path, 'utf8'), path);
}
