import type { Citation, DocumentDetail } from '../../contract/api.ts';
import { safeHttpUrl } from '../../contract/safe-link.ts';
import { getDocument } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import type { Messages } from './i18n.ts';
import { renderDate } from './render-citation.ts';
import { locatePassage, segmentText } from './segments.ts';

/**
 * A modal that shows a cited passage in the context of its whole document, scrolled to it, with the answering
 * sentences highlighted. Documents are fetched once and kept for the page's life.
 */
export class DocumentDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly title: HTMLHeadingElement;
  private readonly meta: HTMLParagraphElement;
  private readonly body: HTMLDivElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly documents = new Map<string, Promise<DocumentDetail>>();
  /** Bumped on every open, so a slow response for an earlier citation can't overwrite a later one. */
  private generation = 0;

  constructor(
    host: HTMLElement,
    private readonly messages: () => Messages,
  ) {
    this.title = h('h2', { id: 'document-title' });
    this.closeButton = h('button', { className: 'button secondary', attrs: { type: 'button' } });
    this.closeButton.addEventListener('click', () => this.dialog.close());
    this.meta = h('p', { className: 'document-meta' });
    this.body = h('div', { className: 'document-text', attrs: { tabindex: '0', role: 'document', 'aria-labelledby': 'document-title' } });
    this.dialog = h(
      'dialog',
      { className: 'document-dialog', id: 'document-dialog', attrs: { 'aria-labelledby': 'document-title' } },
      h('div', { className: 'document-head' }, this.title, this.closeButton),
      this.meta,
      this.body,
    );
    // A click on the backdrop lands on the dialog element itself: close, as people expect of a modal.
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
    host.append(this.dialog);
  }

  /** Opens the dialog on `citation`; the focus returns to the element that had it when the dialog closes. */
  async open(citation: Citation): Promise<void> {
    const t = this.messages();
    const generation = ++this.generation;
    this.closeButton.textContent = t.close;
    this.title.textContent = citation.title;
    this.renderMeta(citation.source, citation.date, t);
    replaceChildren(this.body, h('p', { className: 'searching' }, t.loadingDocument));
    if (!this.dialog.open) {
      this.dialog.showModal();
      this.closeButton.focus();
    }
    let doc: DocumentDetail;
    try {
      doc = await this.load(citation.docId);
    } catch {
      if (generation === this.generation) replaceChildren(this.body, h('p', { className: 'error', attrs: { role: 'alert' } }, t.documentError));
      return;
    }
    if (generation !== this.generation || !this.dialog.open) return;
    this.title.textContent = doc.title;
    this.renderMeta(doc.source, doc.date, t);
    const passage = locatePassage(doc.text, citation);
    const mark = h('mark', { className: 'passage' });
    for (const segment of segmentText(doc.text.slice(passage.start, passage.end), citation.highlights, passage.start - passage.shift)) {
      mark.append(segment.marked ? h('mark', { className: 'answer' }, segment.text) : segment.text);
    }
    replaceChildren(this.body, doc.text.slice(0, passage.start), mark, doc.text.slice(passage.end));
    mark.scrollIntoView({ block: 'center' });
  }

  private renderMeta(source: string | null, date: string | null, t: Messages): void {
    const href = safeHttpUrl(source);
    replaceChildren(
      this.meta,
      date ? renderDate(date, t) : null,
      href
        ? h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, href, h('span', { className: 'visually-hidden' }, ` ${t.opensInNewTab}`))
        : null,
    );
  }

  private load(id: string): Promise<DocumentDetail> {
    let pending = this.documents.get(id);
    if (!pending) {
      pending = getDocument(id);
      // A failed fetch is forgotten, so opening the citation again tries again.
      pending.catch(() => this.documents.delete(id));
      this.documents.set(id, pending);
    }
    return pending;
  }
}
