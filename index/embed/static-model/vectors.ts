/**
 * Token vectors of the static model, made without training data: every form gets a sum of seeded pseudo-random
 * vectors of its character n-grams (so an unseen compound lands near its parts), is blended with the vectors of the
 * words it occurs next to in the collection (so words used alike draw together), and glossary concepts tie Korean
 * alternatives together and give each English term the direction of its Korean equivalent. Token importance (IDF,
 * times a factor per token kind) is the vector's length, which mean pooling turns into a weighted average.
 *
 * Matrices are row-major `Float32Array`s, one row of `dims` values per form (key) or per token. Everything is
 * deterministic: integer hashing and a seeded generator, no `Math.random`.
 */

/** Murmur3-style 32-bit hash of a string's UTF-16 code units. */
export function hashString(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Adds `scale` times a pseudo-random vector (uniform in [-1, 1), seeded by `hash`) into `out` at `offset`. */
export function addSeededVector(hash: number, scale: number, out: Float32Array, offset: number, dims: number): void {
  let state = hash >>> 0;
  for (let d = 0; d < dims; d++) {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[offset + d] = (out[offset + d] as number) + scale * (2 * unit - 1);
  }
}

/** The weighted character features of a form: the whole form, plus n-grams that it shares with related forms. */
export function formFeatures(form: string): [feature: string, weight: number][] {
  const features: [string, number][] = [[`w:${form}`, 1]];
  const chars = [...form];
  if (/^[a-z]+$/.test(form)) {
    if (chars.length <= 3) return features;
    const marked = `<${form}>`;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= marked.length; i++) features.push([`g:${marked.slice(i, i + n)}`, 0.3]);
    }
    return features;
  }
  if (/^[0-9]+$/.test(form)) return features;
  for (let i = 0; i + 1 < chars.length; i++) features.push([`b:${chars[i]}${chars[i + 1]}`, 0.6]);
  for (const char of chars) features.push([`s:${char}`, 0.25]);
  return features;
}

/** Unit-length feature-hashed vectors, one row per form. */
export function baseVectors(forms: readonly string[], dims: number, seed: number): Float32Array {
  const out = new Float32Array(forms.length * dims);
  forms.forEach((form, row) => {
    for (const [feature, weight] of formFeatures(form)) {
      addSeededVector(hashString(feature, seed), weight, out, row * dims, dims);
    }
    normalizeRow(out, row, dims);
  });
  return out;
}

/** Smoothed inverse document frequency, `ln((n + 1) / (df + 1)) + 1`, per form; `docs` holds form ids per text. */
export function idfWeights(docs: readonly Int32Array[], formCount: number): Float32Array {
  const df = new Uint32Array(formCount);
  const seen = new Int32Array(formCount).fill(-1);
  docs.forEach((doc, d) => {
    for (const form of doc) {
      if (seen[form] !== d) {
        seen[form] = d;
        df[form] = (df[form] as number) + 1;
      }
    }
  });
  const n = docs.length;
  return Float32Array.from(df, (f) => Math.log((n + 1) / (f + 1)) + 1);
}

/** Options of {@link contextVectors}. */
export interface ContextOptions {
  /** Tokens per context block: an occurrence's context is the rest of its block. */
  block: number;
  /** Token occurrences to use at most; past it, every n-th text is used so the whole collection is sampled. */
  maxTokens: number;
}

/** Context statistics of a collection: per form, the centred sum of its neighbours' weighted vectors. */
export interface ContextStats {
  /** Row per form: sum over occurrences of the weighted neighbour vectors, minus what chance placement predicts. */
  vectors: Float32Array;
  /** Occurrences per form (in the texts used). */
  counts: Uint32Array;
}

/** A tokenized collection: token ids per text, with each token's form and weight. */
export interface TokenizedCollection {
  docs: readonly Int32Array[];
  tokenForm: Int32Array;
  tokenWeight: Float32Array;
}

/**
 * Sums, for every occurrence of a form, the weighted base vectors of the other tokens in its block (consecutive
 * runs of `block` tokens), then subtracts the collection's average neighbour vector times the number of neighbours,
 * so what remains is what is particular to the form's company rather than to the collection. Blocks keep the cost
 * at two passes over the vector per token, against four for a sliding window.
 */
export function contextVectors(
  collection: TokenizedCollection,
  base: Float32Array,
  dims: number,
  options: ContextOptions,
): ContextStats {
  const { docs, tokenForm, tokenWeight } = collection;
  const formCount = base.length / dims;
  const vectors = new Float32Array(formCount * dims);
  const counts = new Uint32Array(formCount);
  const neighbours = new Float64Array(formCount);
  const ownWeight = new Float64Array(formCount);
  const total = new Float64Array(dims);
  const sum = new Float32Array(dims);
  const tokens = docs.reduce((n, doc) => n + doc.length, 0);
  const stride = Math.max(1, Math.ceil(tokens / Math.max(1, options.maxTokens)));
  let occurrences = 0;
  for (let d = 0; d < docs.length; d += stride) {
    const doc = docs[d] as Int32Array;
    for (let start = 0; start < doc.length; start += options.block) {
      const end = Math.min(doc.length, start + options.block);
      sum.fill(0);
      for (let i = start; i < end; i++) {
        const token = doc[i] as number;
        addScaledRow(sum, 0, base, tokenForm[token] as number, tokenWeight[token] as number, dims);
      }
      for (let i = start; i < end; i++) {
        const token = doc[i] as number;
        const form = tokenForm[token] as number;
        addScaledRow(vectors, form, sum, 0, 1, dims);
        ownWeight[form] = (ownWeight[form] as number) + (tokenWeight[token] as number);
        neighbours[form] = (neighbours[form] as number) + (end - start - 1);
        counts[form] = (counts[form] as number) + 1;
      }
      for (let k = 0; k < dims; k++) total[k] = (total[k] as number) + (sum[k] as number);
      occurrences += end - start;
    }
  }
  for (let form = 0; form < formCount; form++) {
    if (counts[form] === 0) continue;
    // The block sums included the form itself; its context is the rest.
    addScaledRow(vectors, form, base, form, -(ownWeight[form] as number), dims);
    const expected = (neighbours[form] as number) / occurrences;
    const offset = form * dims;
    for (let k = 0; k < dims; k++) vectors[offset + k] = (vectors[offset + k] as number) - expected * (total[k] as number);
  }
  return { vectors, counts };
}

/**
 * Directions per form: `unit(base + strength · unit(context))` with strength `contextWeight · n / (n + 2)`, so forms
 * seen once lean on their spelling and frequent forms on their company.
 */
export function blendContext(
  base: Float32Array,
  context: ContextStats,
  dims: number,
  contextWeight: number,
): Float32Array {
  const out = Float32Array.from(base);
  const formCount = context.counts.length;
  for (let form = 0; form < formCount; form++) {
    const n = context.counts[form] as number;
    const offset = form * dims;
    const norm = rowNorm(context.vectors, form, dims);
    if (n === 0 || norm === 0) continue;
    const strength = (contextWeight * n) / (n + 2) / norm;
    for (let d = 0; d < dims; d++) {
      out[offset + d] = (out[offset + d] as number) + strength * (context.vectors[offset + d] as number);
    }
    normalizeRow(out, form, dims);
  }
  return out;
}

/** A glossary concept in token ids: each Korean and English form tokenized. */
export interface ConceptTokens {
  ko: readonly (readonly number[])[];
  en: readonly (readonly number[])[];
}

/** How the glossary reshapes directions and weights ({@link alignConcepts}). */
export interface AlignmentInput {
  concepts: readonly ConceptTokens[];
  /** Form (key) id of each token. */
  tokenForm: Int32Array;
  /** Weight of each token. Updated in place for English glossary words. */
  tokenWeight: Float32Array;
  /** Whether a token is a content word that may take a concept's direction (not a stop word or inflection). */
  isContent: (token: number) => boolean;
  /** Whether a form occurs in the collection (its own direction is then kept alongside the concept's). */
  formSeen: (form: number) => boolean;
  /** How strongly a Korean form that is a single token is pulled toward its concept (1 = halfway). */
  pull: number;
}

/**
 * Ties each glossary concept together. The concept direction is the average of its Korean forms' (weighted, pooled)
 * vectors. A Korean form that is a single token is pulled toward it, so alternatives (기보, 기술보증기금) meet; each
 * English content word takes the average direction of the concepts it appears in, and a weight equal to their
 * Korean forms' weight, lowered for words spread over many concepts ("support", "fund").
 * Returns the new directions; `tokenWeight` is updated in place.
 */
export function alignConcepts(dirs: Float32Array, dims: number, input: AlignmentInput): Float32Array {
  const { tokenForm, tokenWeight } = input;
  const formCount = dirs.length / dims;
  const english = new Float32Array(formCount * dims);
  const englishUses = new Uint32Array(formCount);
  const englishWeight = new Float64Array(formCount);
  const pulls = new Float32Array(formCount * dims);
  const pulled = new Uint8Array(formCount);
  const concept = new Float32Array(dims);
  const form = new Float32Array(dims);

  for (const { ko, en } of input.concepts) {
    concept.fill(0);
    let weight = 0;
    let koCount = 0;
    for (const tokens of ko) {
      form.fill(0);
      let strongest = 0;
      for (const token of tokens) {
        const w = tokenWeight[token] as number;
        strongest = Math.max(strongest, w);
        addScaledRow(form, 0, dirs, tokenForm[token] as number, w, dims);
      }
      const norm = rowNorm(form, 0, dims);
      if (norm === 0) continue;
      addScaledRow(concept, 0, form, 0, 1 / norm, dims);
      weight += strongest;
      koCount++;
    }
    if (koCount === 0 || rowNorm(concept, 0, dims) === 0) continue;
    normalizeRow(concept, 0, dims);
    weight /= koCount;
    for (const tokens of ko) {
      const only = tokens.length === 1 ? (tokens[0] as number) : -1;
      if (only < 0 || !input.isContent(only)) continue;
      const f = tokenForm[only] as number;
      addScaledRow(pulls, f, concept, 0, 1, dims);
      pulled[f] = 1;
    }
    const words = new Set(en.flatMap((tokens) => tokens.filter((t) => input.isContent(t))));
    for (const token of words) {
      const f = tokenForm[token] as number;
      addScaledRow(english, f, concept, 0, 1, dims);
      englishUses[f] = (englishUses[f] as number) + 1;
      englishWeight[f] = (englishWeight[f] as number) + weight;
    }
  }

  const out = Float32Array.from(dirs);
  for (let f = 0; f < formCount; f++) {
    if (pulled[f]) {
      const norm = rowNorm(pulls, f, dims);
      addScaledRow(out, f, pulls, f, input.pull / norm, dims);
      normalizeRow(out, f, dims);
    }
    const uses = englishUses[f] as number;
    if (uses > 0) {
      if (!input.formSeen(f)) out.fill(0, f * dims, (f + 1) * dims);
      addScaledRow(out, f, english, f, 1 / rowNorm(english, f, dims), dims);
      normalizeRow(out, f, dims);
    }
  }
  for (let token = 0; token < tokenForm.length; token++) {
    const f = tokenForm[token] as number;
    const uses = englishUses[f] as number;
    if (uses > 0 && input.isContent(token)) {
      tokenWeight[token] = (englishWeight[f] as number) / uses / (1 + Math.log(uses));
    }
  }
  return out;
}

/** The embedding matrix: row `t` is `tokenWeight[t]` times the direction of token `t`'s form. */
export function tokenMatrix(
  dirs: Float32Array,
  tokenForm: Int32Array,
  tokenWeight: Float32Array,
  dims: number,
): Float32Array {
  const out = new Float32Array(tokenForm.length * dims);
  for (let token = 0; token < tokenForm.length; token++) {
    addScaledRow(out, token, dirs, tokenForm[token] as number, tokenWeight[token] as number, dims);
  }
  return out;
}

/** Cosine similarity of two vectors. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function addScaledRow(
  target: Float32Array,
  targetRow: number,
  source: Float32Array,
  sourceRow: number,
  scale: number,
  dims: number,
): void {
  const t = targetRow * dims;
  const s = sourceRow * dims;
  for (let d = 0; d < dims; d++) target[t + d] = (target[t + d] as number) + scale * (source[s + d] as number);
}

function rowNorm(matrix: Float32Array, row: number, dims: number): number {
  let sum = 0;
  const offset = row * dims;
  for (let d = 0; d < dims; d++) {
    const v = matrix[offset + d] as number;
    sum += v * v;
  }
  return Math.sqrt(sum);
}

function normalizeRow(matrix: Float32Array, row: number, dims: number): void {
  const norm = rowNorm(matrix, row, dims);
  if (norm === 0) return;
  const offset = row * dims;
  for (let d = 0; d < dims; d++) matrix[offset + d] = (matrix[offset + d] as number) / norm;
}
