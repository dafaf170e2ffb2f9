import type { Answer, Citation, ShortAnswer } from '../../contract/api.ts';
import type { ApiError } from './api.ts';
import { splitAnswer } from './answer-text.ts';
import type { Turn } from './conversation.ts';
import { h, prefersReducedMotion } from './dom.ts';
import type { Messages } from './i18n.ts';
import { citationId, renderCitation, type CitationContext } from './render-citation.ts';

/** What a turn's view needs from the page around it. */
export interface TurnContext extends CitationContext {
  onRetry: (turn: Turn) => void;
  onCopyLink: (turn: Turn, button: HTMLButtonElement) => void;
}

/** The element id of a turn. */
export function turnId(turn: Turn): string {
  return `turn-${turn.id}`;
}

/** One exchange: the question, then the answer, the search in progress, or what went wrong. */
export function renderTurn(turn: Turn, ctx: TurnContext): HTMLElement {
  const questionId = `${turnId(turn)}-question`;
  return h(
    'article',
    { className: 'turn', id: turnId(turn), attrs: { 'aria-labelledby': questionId } },
    h(
      'div',
      { className: 'question' },
      h('h2', { className: 'visually-hidden' }, ctx.t.you),
      h('p', { className: 'bubble', id: questionId }, turn.question),
    ),
    h('div', { className: 'reply', attrs: { 'aria-busy': String(turn.state.status === 'pending') } }, ...renderReply(turn, ctx)),
  );
}

function renderReply(turn: Turn, ctx: TurnContext): Node[] {
  const { t } = ctx;
  const heading = h('h2', { className: 'visually-hidden' }, t.assistant);
  switch (turn.state.status) {
    case 'pending':
      return [heading, h('p', { className: 'searching' }, h('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), t.searching)];
    case 'failed': {
      const { error } = turn.state;
      const retry = h('button', { className: 'button secondary', attrs: { type: 'button' } }, t.retry);
      retry.addEventListener('click', () => ctx.onRetry(turn));
      return [
        heading,
        h(
          'div',
          { className: 'error' },
          h('p', {}, failureMessage(error, t)),
          error.kind === 'rejected' && error.message ? h('p', { className: 'error-detail' }, error.message) : null,
          retry,
        ),
      ];
    }
    case 'answered':
      return [heading, ...renderAnswer(turn, turn.state.answer, ctx)];
  }
}

/** What to tell the person about a failed question: nothing answered, the server broke, or it refused. */
export function failureMessage(error: ApiError, t: Messages): string {
  return error.kind === 'network' ? t.networkError : error.kind === 'server' ? t.serverError : t.rejectedError;
}

function renderAnswer(turn: Turn, answer: Answer, ctx: TurnContext): Node[] {
  const { t } = ctx;
  const copy = h('button', { className: 'link-button copy-link', attrs: { type: 'button' } }, t.copyLink);
  copy.addEventListener('click', () => ctx.onCopyLink(turn, copy));
  const actions = h('p', { className: 'turn-actions' }, copy, h('span', { className: 'copy-status', attrs: { role: 'status' } }));
  if (answer.abstained) {
    return [
      h(
        'div',
        { className: 'not-found' },
        h('p', { className: 'not-found-title' }, t.notFound),
        h('p', { className: 'not-found-hint' }, t.notFoundHint(answer.related.length > 0)),
      ),
      ...citationList(turn, answer.related, 'related', t.possiblyRelated, ctx),
      actions,
    ];
  }
  return [
    ...(answer.short ? [shortAnswer(turn, answer.short, t)] : []),
    answerParagraph(turn, answer, t),
    ...citationList(turn, answer.citations, 'cite', t.sources, ctx),
    ...morePassages(turn, answer.related, ctx),
    actions,
  ];
}

/** The span that answers the question by itself, first and in bold, with the marker of the citation that holds it. */
function shortAnswer(turn: Turn, short: ShortAnswer, t: Messages): HTMLParagraphElement {
  return h(
    'p',
    { className: 'short-answer' },
    h('span', { className: 'visually-hidden' }, `${t.inShort}: `),
    h('strong', {}, short.text),
    markerButton(turn, short.n, t),
  );
}

/** The answer's sentences, each `[n]` drawn as a small button that brings citation n into view and focus. */
function answerParagraph(turn: Turn, answer: Answer, t: Messages): HTMLParagraphElement {
  const numbers = new Set(answer.citations.map((c) => c.n));
  const paragraph = h('p', { className: 'answer-text' });
  for (const part of splitAnswer(answer.answer, numbers)) {
    if (part.kind === 'text') {
      paragraph.append(part.text);
      continue;
    }
    paragraph.append(markerButton(turn, part.n, t));
  }
  return paragraph;
}

/** A citation marker drawn as a small button that brings citation n into view and focus. */
function markerButton(turn: Turn, n: number, t: Messages): HTMLButtonElement {
  const target = citationId(turn.id, 'cite', n);
  const marker = h('button', { className: 'marker', attrs: { type: 'button', 'aria-controls': target, 'aria-label': t.sourceN(n), 'data-n': String(n) } }, String(n));
  marker.addEventListener('click', () => focusCitation(target));
  return marker;
}

/** Passages found for the question that the answer does not cite, folded away under "More passages". */
function morePassages(turn: Turn, related: readonly Citation[], ctx: TurnContext): Node[] {
  if (related.length === 0) return [];
  return [
    h(
      'details',
      { className: 'more-passages' },
      h('summary', {}, ctx.t.morePassages(related.length)),
      h('ol', { className: 'citations' }, ...related.map((c) => renderCitation(c, citationId(turn.id, 'related', c.n), ctx))),
    ),
  ];
}

function citationList(turn: Turn, citations: readonly Citation[], group: 'cite' | 'related', title: string, ctx: TurnContext): Node[] {
  if (citations.length === 0) return [];
  const headingId = `${turnId(turn)}-${group}-heading`;
  return [
    h('h3', { className: 'sources-title', id: headingId }, title),
    h('ol', { className: 'citations', attrs: { 'aria-labelledby': headingId } }, ...citations.map((c) => renderCitation(c, citationId(turn.id, group, c.n), ctx))),
  ];
}

function focusCitation(id: string): void {
  const card = document.getElementById(id);
  if (!card) return;
  card.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  card.focus({ preventScroll: true });
  card.classList.remove('flash');
  // Reading offsetWidth restarts the animation when the same marker is pressed twice.
  void card.offsetWidth;
  card.classList.add('flash');
}
