import type { DocumentSummary } from '../../../contract/api.ts';
import { ApiError, checkAdminToken, deleteDocument, listDocuments, uploadDocument, type UploadOutcome } from '../api.ts';
import { displayDate, displaySize, displayTime } from '../dates.ts';
import { h, replaceChildren } from '../dom.ts';
import { pickLanguage, type Lang } from '../i18n.ts';
import { filterDocuments, sortForList } from './list.ts';
import { DOCUMENTS_MESSAGES, type DocumentsMessages } from './messages.ts';

/** Where the admin token is kept: this tab's session storage, gone when the tab closes; never a URL or a cookie. */
const TOKEN_KEY = 'seogi.adminToken';
/** The interface language, shared with the chat page. */
const LANGUAGE_KEY = 'seogi.lang';
/** What a bearer token can hold (RFC 6750 token68); anything else can't be the server's token. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Keys of the messages that fill elements marked `data-text` in documents.html. */
type StaticTextKey = { [K in keyof DocumentsMessages]: DocumentsMessages[K] extends string ? K : never }[keyof DocumentsMessages];

/** Where one upload is. */
type UploadState =
  | { status: 'waiting' }
  | { status: 'uploading'; sent: number }
  | { status: 'processing' }
  | { status: 'done'; outcome: 'added' | 'present' | 'duplicate' | 'refused' | 'failed'; text: (t: DocumentsMessages) => string };

interface Upload {
  id: number;
  file: File;
  state: UploadState;
}

/**
 * The documents page: sign in with the admin token, list and search the collection, upload files (one at a time,
 * each with its progress and outcome) and delete documents after a confirmation.
 */
export class DocumentsApp {
  private lang: Lang;
  private token: string | undefined;
  private documents: DocumentSummary[] = [];
  private listState: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  private uploads: Upload[] = [];
  private nextUploadId = 1;
  private queue: Promise<void> = Promise.resolve();
  private pendingDelete: { document: DocumentSummary; opener: HTMLElement } | undefined;
  private readonly el: {
    signIn: HTMLElement;
    signInForm: HTMLFormElement;
    token: HTMLInputElement;
    signInButton: HTMLButtonElement;
    signInError: HTMLElement;
    signOut: HTMLButtonElement;
    languageSwitch: HTMLButtonElement;
    manager: HTMLElement;
    dropZone: HTMLElement;
    chooseFiles: HTMLButtonElement;
    files: HTMLInputElement;
    uploadsBlock: HTMLElement;
    uploads: HTMLUListElement;
    clearUploads: HTMLButtonElement;
    search: HTMLInputElement;
    count: HTMLElement;
    rows: HTMLTableSectionElement;
    listStatus: HTMLElement;
    confirm: HTMLDialogElement;
    confirmText: HTMLElement;
    confirmError: HTMLElement;
    confirmCancel: HTMLButtonElement;
    confirmRemove: HTMLButtonElement;
    announcer: HTMLElement;
  };

  constructor(private readonly doc: Document = document) {
    const get = <T extends HTMLElement>(id: string, type: new () => T): T => {
      const element = doc.getElementById(id);
      if (!(element instanceof type)) throw new Error(`documents.html must have a <${type.name}> with id "${id}".`);
      return element;
    };
    this.el = {
      signIn: get('sign-in', HTMLElement),
      signInForm: get('sign-in-form', HTMLFormElement),
      token: get('token', HTMLInputElement),
      signInButton: get('sign-in-button', HTMLButtonElement),
      signInError: get('sign-in-error', HTMLElement),
      signOut: get('sign-out', HTMLButtonElement),
      languageSwitch: get('language-switch', HTMLButtonElement),
      manager: get('manager', HTMLElement),
      dropZone: get('drop-zone', HTMLElement),
      chooseFiles: get('choose-files', HTMLButtonElement),
      files: get('files', HTMLInputElement),
      uploadsBlock: get('uploads-block', HTMLElement),
      uploads: get('uploads', HTMLUListElement),
      clearUploads: get('clear-uploads', HTMLButtonElement),
      search: get('search', HTMLInputElement),
      count: get('list-count', HTMLElement),
      rows: get('documents', HTMLTableSectionElement),
      listStatus: get('list-status', HTMLElement),
      confirm: get('confirm-delete', HTMLDialogElement),
      confirmText: get('confirm-text', HTMLElement),
      confirmError: get('confirm-error', HTMLElement),
      confirmCancel: get('confirm-cancel', HTMLButtonElement),
      confirmRemove: get('confirm-remove', HTMLButtonElement),
      announcer: get('announcer', HTMLElement),
    };
    this.lang = pickLanguage(readStorage(localStorageOf, LANGUAGE_KEY), navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
  }

  private get t(): DocumentsMessages {
    return DOCUMENTS_MESSAGES[this.lang];
  }

  /** Wires the controls, draws the page, and signs in again with the token this tab kept, if any. */
  start(): void {
    const { el } = this;
    el.signInForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.signIn(el.token.value);
    });
    el.signOut.addEventListener('click', () => this.signOut(this.t.signedOut));
    el.languageSwitch.addEventListener('click', () => this.setLanguage(this.lang === 'ko' ? 'en' : 'ko'));
    el.chooseFiles.addEventListener('click', () => el.files.click());
    el.files.addEventListener('change', () => {
      this.addFiles([...(el.files.files ?? [])]);
      el.files.value = '';
    });
    this.wireDropZone();
    el.clearUploads.addEventListener('click', () => {
      this.uploads = this.uploads.filter((upload) => upload.state.status !== 'done');
      this.renderUploads();
      el.chooseFiles.focus();
    });
    el.search.addEventListener('input', () => this.renderList());
    el.confirmCancel.addEventListener('click', () => el.confirm.close());
    el.confirmRemove.addEventListener('click', () => void this.confirmDelete());
    el.confirm.addEventListener('close', () => {
      const opener = this.pendingDelete?.opener;
      this.pendingDelete = undefined;
      (opener?.isConnected ? opener : el.search).focus();
    });
    this.render();
    const saved = readStorage(sessionStorageOf, TOKEN_KEY);
    if (saved) void this.signIn(saved);
    else el.token.focus();
  }

  private async signIn(entered: string): Promise<void> {
    const { el } = this;
    const token = entered.trim();
    const refuse = (message: string): void => {
      removeStorage(sessionStorageOf, TOKEN_KEY);
      el.signInError.textContent = message;
      el.token.focus();
      el.token.select();
    };
    if (token === '') return refuse(this.t.emptyToken);
    // A token the server can't have (a space, Hangul) would not even fit in the header.
    if (!TOKEN_CHARACTERS.test(token)) return refuse(this.t.wrongToken);
    el.signInButton.disabled = true;
    el.signInError.textContent = '';
    this.announce(this.t.checking);
    try {
      await checkAdminToken(token);
    } catch (error) {
      return refuse(this.failureText(error));
    } finally {
      el.signInButton.disabled = false;
    }
    this.token = token;
    writeStorage(sessionStorageOf, TOKEN_KEY, token);
    el.token.value = '';
    el.signIn.hidden = true;
    el.manager.hidden = false;
    el.signOut.hidden = false;
    this.announce(this.t.signedIn);
    el.chooseFiles.focus();
    await this.loadList();
  }

  /** Forgets the token and shows the sign-in form again, with `message` (why) under it. */
  private signOut(message: string, isError = false): void {
    const { el } = this;
    this.token = undefined;
    removeStorage(sessionStorageOf, TOKEN_KEY);
    if (el.confirm.open) el.confirm.close();
    el.manager.hidden = true;
    el.signOut.hidden = true;
    el.signIn.hidden = false;
    el.signInError.textContent = isError ? message : '';
    this.announce(isError ? '' : message);
    el.token.focus();
  }

  /** What a failed request means for the person, from the server's answer. */
  private failureText(error: unknown): string {
    const t = this.t;
    if (!(error instanceof ApiError)) return t.networkError;
    if (error.kind === 'network') return t.networkError;
    if (error.kind === 'server') return t.serverError;
    if (error.status === 401 || error.status === 400) return t.wrongToken;
    if (error.code === 'ADMIN_DISABLED') return `${t.adminDisabled} ${error.message}`;
    return error.message;
  }

  private async loadList(): Promise<void> {
    this.listState = 'loading';
    this.renderList();
    try {
      this.documents = sortForList(await listDocuments());
      this.listState = 'loaded';
    } catch {
      this.listState = 'failed';
    }
    this.renderList();
  }

  private wireDropZone(): void {
    const zone = this.el.dropZone;
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
    zone.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    zone.addEventListener('dragleave', (event) => {
      if (!zone.contains(event.relatedTarget as Node | null)) zone.classList.remove('dragging');
    });
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      this.addFiles([...(event.dataTransfer?.files ?? [])]);
    });
    // A file dropped beside the zone would make the browser leave the page to show it.
    for (const type of ['dragover', 'drop'] as const) {
      this.doc.addEventListener(type, (event) => {
        if (hasFiles(event) && !zone.contains(event.target as Node | null)) event.preventDefault();
      });
    }
  }

  /** Queues the files for upload, one after the other (the server adds documents one at a time anyway). */
  private addFiles(files: readonly File[]): void {
    if (files.length === 0) return;
    for (const file of files) {
      const upload: Upload = { id: this.nextUploadId++, file, state: { status: 'waiting' } };
      this.uploads.push(upload);
      this.queue = this.queue.then(() => this.upload(upload));
    }
    this.renderUploads();
  }

  private async upload(upload: Upload): Promise<void> {
    const token = this.token;
    if (!token) {
      this.finish(upload, 'failed', (t) => t.wrongToken);
      return;
    }
    upload.state = { status: 'uploading', sent: 0 };
    this.renderUpload(upload);
    const outcome = await uploadDocument(upload.file, token, (sent) => {
      upload.state = sent < 1 ? { status: 'uploading', sent } : { status: 'processing' };
      this.renderUpload(upload);
    });
    this.settle(upload, outcome);
    if (outcome.kind === 'added') await this.loadList();
  }

  private settle(upload: Upload, outcome: UploadOutcome): void {
    switch (outcome.kind) {
      case 'added':
        return this.finish(upload, 'added', (t) => t.added(outcome.document.id));
      case 'present':
        return this.finish(upload, 'present', (t) => t.alreadyPresent);
      case 'network':
        return this.finish(upload, 'failed', (t) => `${t.failed}: ${t.networkError}`);
      case 'server':
        return this.finish(upload, 'failed', (t) => `${t.failed}: ${t.serverError}`);
      case 'refused':
        if (outcome.code === 'DUPLICATE_CONTENT') return this.finish(upload, 'duplicate', (t) => `${t.duplicate}: ${outcome.message}`);
        if (outcome.status === 401) {
          this.finish(upload, 'refused', (t) => `${t.refused}: ${t.wrongToken}`);
          this.signOut(this.t.wrongToken, true);
          return;
        }
        return this.finish(upload, 'refused', (t) => `${t.refused}: ${outcome.message}`);
    }
  }

  private finish(upload: Upload, outcome: Extract<UploadState, { status: 'done' }>['outcome'], text: (t: DocumentsMessages) => string): void {
    upload.state = { status: 'done', outcome, text };
    this.renderUpload(upload);
    this.announce(this.t.announceUpload(upload.file.name, text(this.t)));
  }

  private askToDelete(document: DocumentSummary, opener: HTMLElement): void {
    const { el } = this;
    this.pendingDelete = { document, opener };
    el.confirmText.textContent = this.t.confirmText(document.title, document.id);
    el.confirmError.textContent = '';
    el.confirmRemove.disabled = false;
    el.confirm.showModal();
    // The safe choice has the focus: Enter or Escape right away deletes nothing.
    el.confirmCancel.focus();
  }

  private async confirmDelete(): Promise<void> {
    const { el } = this;
    const pending = this.pendingDelete;
    const token = this.token;
    if (!pending || !token) return;
    const { title, id } = pending.document;
    el.confirmRemove.disabled = true;
    try {
      await deleteDocument(id, token);
      this.announce(this.t.removed(title));
    } catch (error) {
      el.confirmRemove.disabled = false;
      if (error instanceof ApiError && error.status === 404) {
        this.announce(this.t.alreadyGone(title));
      } else if (error instanceof ApiError && error.status === 401) {
        this.signOut(this.t.wrongToken, true);
        return;
      } else {
        el.confirmError.textContent = this.failureText(error);
        return;
      }
    }
    this.documents = this.documents.filter((d) => d.id !== id);
    el.confirm.close();
    await this.loadList();
  }

  private setLanguage(lang: Lang): void {
    this.lang = lang;
    writeStorage(localStorageOf, LANGUAGE_KEY, lang);
    this.render();
  }

  /** Draws everything that depends on the language. */
  private render(): void {
    const t = this.t;
    const { el } = this;
    this.doc.documentElement.lang = this.lang;
    this.doc.title = `${t.pageTitle} — ${t.appName}`;
    for (const element of this.doc.querySelectorAll<HTMLElement>('[data-text]')) {
      element.textContent = t[element.dataset.text as StaticTextKey];
    }
    el.search.placeholder = t.searchPlaceholder;
    el.languageSwitch.textContent = t.switchTo;
    el.languageSwitch.lang = this.lang === 'ko' ? 'en' : 'ko';
    el.languageSwitch.setAttribute('aria-label', t.switchToLabel);
    if (this.pendingDelete) el.confirmText.textContent = t.confirmText(this.pendingDelete.document.title, this.pendingDelete.document.id);
    this.renderUploads();
    this.renderList();
  }

  private renderUploads(): void {
    this.el.uploadsBlock.hidden = this.uploads.length === 0;
    this.el.uploads.replaceChildren(...this.uploads.map((upload) => this.uploadItem(upload)));
  }

  private renderUpload(upload: Upload): void {
    const old = this.doc.getElementById(uploadElementId(upload));
    if (old) old.replaceWith(this.uploadItem(upload));
    else this.renderUploads();
  }

  private uploadItem(upload: Upload): HTMLLIElement {
    const t = this.t;
    const { state, file } = upload;
    const statusId = `${uploadElementId(upload)}-status`;
    let status: string;
    let progress: HTMLProgressElement | null = null;
    switch (state.status) {
      case 'waiting':
        status = t.waiting;
        break;
      case 'uploading': {
        const percent = Math.round(state.sent * 100);
        status = t.uploading(percent);
        progress = h('progress', { attrs: { max: '100', value: String(percent), 'aria-label': file.name, 'aria-describedby': statusId } });
        break;
      }
      case 'processing':
        status = t.processing;
        // No value: the server is reading and indexing the file, for as long as that takes.
        progress = h('progress', { attrs: { max: '100', 'aria-label': file.name, 'aria-describedby': statusId } });
        break;
      case 'done':
        status = state.text(t);
        break;
    }
    return h(
      'li',
      { className: 'upload', id: uploadElementId(upload), attrs: { 'data-outcome': state.status === 'done' ? state.outcome : state.status } },
      h('p', { className: 'upload-head' }, h('span', { className: 'upload-name' }, file.name), h('span', { className: 'upload-size muted' }, displaySize(file.size, this.lang))),
      progress,
      h('p', { className: 'upload-status', id: statusId }, status),
    );
  }

  private renderList(): void {
    const t = this.t;
    const { el } = this;
    const shown = filterDocuments(this.documents, el.search.value, t);
    el.count.textContent = this.listState === 'loaded' ? t.count(shown.length, this.documents.length) : '';
    el.rows.replaceChildren(...(this.listState === 'loaded' ? shown.map((doc) => this.row(doc)) : []));
    let status: HTMLElement | null = null;
    if (this.listState === 'loading') status = h('p', { className: 'searching' }, t.loadingList);
    else if (this.listState === 'failed') {
      const retry = h('button', { className: 'button secondary', attrs: { type: 'button' } }, t.retry);
      retry.addEventListener('click', () => void this.loadList());
      status = h('div', { className: 'error', attrs: { role: 'alert' } }, h('p', {}, t.listError), retry);
    } else if (this.listState === 'loaded' && this.documents.length === 0) status = h('p', { className: 'muted' }, t.noDocuments);
    else if (this.listState === 'loaded' && shown.length === 0) status = h('p', { className: 'muted' }, t.noMatches);
    replaceChildren(el.listStatus, status);
  }

  private row(doc: DocumentSummary): HTMLTableRowElement {
    const t = this.t;
    const remove = h('button', { className: 'button secondary small', attrs: { type: 'button', 'aria-label': t.removeLabel(doc.title) } }, t.remove);
    remove.addEventListener('click', () => this.askToDelete(doc, remove));
    return h(
      'tr',
      { attrs: { 'data-id': doc.id } },
      h('th', { attrs: { scope: 'row' } }, h('span', { className: 'doc-title' }, doc.title), h('span', { className: 'doc-id muted' }, doc.id)),
      h('td', {}, doc.format ? t.formats[doc.format] : t.unknown),
      h('td', {}, doc.date ? h('time', { attrs: { datetime: /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? doc.date : undefined } }, displayDate(doc.date, this.lang)) : t.unknown),
      h('td', { className: 'numeric' }, String(doc.chunks)),
      h('td', { className: 'numeric' }, doc.size === null ? t.unknown : displaySize(doc.size, this.lang)),
      h('td', {}, doc.addedAt ? h('time', { attrs: { datetime: doc.addedAt } }, displayTime(doc.addedAt, this.lang)) : t.unknown),
      h('td', {}, remove),
    );
  }

  private announce(message: string): void {
    this.el.announcer.textContent = message;
  }
}

function uploadElementId(upload: Upload): string {
  return `upload-${upload.id}`;
}

// Storage may be off (a private window, a policy): the page then works without remembering.
const sessionStorageOf = (): Storage => sessionStorage;
const localStorageOf = (): Storage => localStorage;

function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // Not remembered; this page still works.
  }
}

function removeStorage(storage: () => Storage, key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing was stored.
  }
}
