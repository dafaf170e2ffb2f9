/** What the decision to answer at all is made from, once the passages are found. */
export interface AnswerBarInputs {
  /** How many of the question's own content words the collection never uses (see `unknownContent`). */
  unknownContent: number;
  /** How far the best dense match stands above what unrelated questions reach; undefined without dense retrieval. */
  denseMargin: number | undefined;
}

/** The thresholds of the decision; see `AnswerEngineOptions`, which documents them and their defaults. */
export interface AnswerBarPolicy {
  minCoverage: number;
  denseVouchMargin: number;
  vouchedCoverageFactor: number;
}

/**
 * What a question must meet to be answered: nothing can answer it when it names content the documents never use (they
 * are about something else, whatever else it shares with them); otherwise a sentence must cover `minCoverage` of it,
 * or a lower share when dense retrieval vouches for a paraphrase (its best match stands out from the background).
 * Whether a sentence reaches the bar is `judgeSentence`'s to say.
 */
export function answerBar(inputs: AnswerBarInputs, policy: AnswerBarPolicy): { answerable: false } | { answerable: true; minCoverage: number } {
  if (inputs.unknownContent > 0) return { answerable: false };
  const vouched = inputs.denseMargin !== undefined && inputs.denseMargin >= policy.denseVouchMargin;
  return { answerable: true, minCoverage: vouched ? policy.minCoverage * policy.vouchedCoverageFactor : policy.minCoverage };
}
