import type { Citation } from '../../contract/api.ts';
import { safeHttpUrl } from '../../contract/safe-link.ts';
import { displayDate } from './dates.ts';
import { h } from './dom.ts';
import type { Messages } from './i18n.ts';
import { segmentText } from './segments.ts';

/** What a citation card needs from the page around it. */
export interface CitationContext {
  t: Messages;
  /** Opens the citation's passage in its document; `opener` gets the focus back afterwards. */
  onOpen: (citation: Citation, opener: HTMLElement) => void;
}

/** The element id of citation `n` of a turn, which its `[n]` marker focuses. */
export function citationId(turnId: number, group: 'cite' | 'related', n: number): string {
  return `turn-${turnId}-${group}-${n}`;
}

/**
 * A card for one cited passage: number, document title, the passage with its answering sentences highlighted, a
 * button that shows it in its document, and the link to the original article (new tab).
 */
export function renderCitation(citation: Citation, id: string, { t, onOpen }: CitationContext): HTMLLIElement {
  const titleId = `${id}-title`;
  const passage = h('blockquote', { className: 'passage' });
  for (const segment of segmentText(citation.text, citation.highlights, citation.start)) {
    // Blank lines between blocks make a short card look long; the dialog shows the document's real layout.
    const text = segment.text.replace(/\n{2,}/g, '\n');
    passage.append(segment.marked ? h('mark', {}, text) : text);
  }
  const open = h('button', { className: 'link-button', attrs: { type: 'button', 'aria-describedby': titleId } }, t.showInDocument);
  open.addEventListener('click', () => onOpen(citation, open));
  const href = safeHttpUrl(citation.source);
  const original = href
    ? h(
        'a',
        { className: 'source-link', attrs: { href, target: '_blank', rel: 'noopener noreferrer', 'aria-describedby': titleId } },
        t.originalArticle,
        h('span', { attrs: { 'aria-hidden': 'true' } }, ' ↗'),
        h('span', { className: 'visually-hidden' }, ` ${t.opensInNewTab}`),
      )
    : h('span', { className: 'muted' }, t.noOriginal);
  return h(
    'li',
    { className: 'citation', id, attrs: { tabindex: '-1', 'aria-labelledby': titleId } },
    h(
      'p',
      { className: 'citation-head' },
      h('span', { className: 'citation-n', attrs: { 'aria-hidden': 'true' } }, String(citation.n)),
      h('span', { className: 'citation-title', id: titleId }, h('span', { className: 'visually-hidden' }, `${t.sourceN(citation.n)}: `), citation.title),
      citation.date ? renderDate(citation.date, t) : null,
      citation.page !== null ? h('span', { className: 'citation-page' }, h('span', { className: 'visually-hidden' }, `${t.page}: `), `p. ${citation.page}`) : null,
    ),
    passage,
    h('p', { className: 'citation-actions' }, open, original),
  );
}

/** A document's own date, as a `<time>` (machine-readable when it is ISO), labelled for screen readers. */
export function renderDate(date: string, t: Messages): HTMLElement {
  return h(
    'span',
    { className: 'document-date' },
    h('span', { className: 'visually-hidden' }, `${t.documentDate}: `),
    h('time', { attrs: { datetime: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined } }, displayDate(date, t.lang)),
  );
}
