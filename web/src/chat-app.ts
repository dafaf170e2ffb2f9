import type { AskRequest, Citation } from '../../contract/api.ts';
import { ask, ApiError } from './api.ts';
import { answerForSpeech } from './answer-text.ts';
import { historyFor, type Turn } from './conversation.ts';
import { DocumentDialog } from './document-dialog.ts';
import { h, prefersReducedMotion, replaceChildren } from './dom.ts';
import { MESSAGES, pickLanguage, type Lang, type Messages } from './i18n.ts';
import { deepLink, MAX_QUESTION_LENGTH, questionFromSearch } from './links.ts';
import { renderIntro } from './render-intro.ts';
import { failureMessage, renderTurn, turnId, type TurnContext } from './render-turn.ts';

/** Where the chosen interface language is remembered between visits. */
const LANGUAGE_KEY = 'seogi.lang';
/** The composer grows with its text up to this height (px), then scrolls. */
const MAX_COMPOSER_HEIGHT = 200;

/** Keys of the messages that fill elements marked `data-text` in index.html. */
type StaticTextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/**
 * The chat page: a conversation of questions and cited answers, over the elements of index.html. Owns the turns and
 * re-renders a turn whenever its state changes.
 */
export class ChatApp {
  private lang: Lang;
  private turns: Turn[] = [];
  private nextTurnId = 1;
  private inFlight: AbortController | undefined;
  private readonly dialog: DocumentDialog;
  private readonly intro: HTMLElement;
  private readonly thread: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;
  private readonly newConversation: HTMLButtonElement;
  private readonly languageSwitch: HTMLButtonElement;

  constructor(private readonly doc: Document = document) {
    this.intro = this.element('intro', HTMLElement);
    this.thread = this.element('thread', HTMLElement);
    this.announcer = this.element('announcer', HTMLElement);
    this.form = this.element('composer', HTMLFormElement);
    this.input = this.element('question', HTMLTextAreaElement);
    this.send = this.element('send', HTMLButtonElement);
    this.newConversation = this.element('new-conversation', HTMLButtonElement);
    this.languageSwitch = this.element('language-switch', HTMLButtonElement);
    this.lang = pickLanguage(readSaved(), navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
    this.dialog = new DocumentDialog(doc.body, () => this.t);
  }

  private get t(): Messages {
    return MESSAGES[this.lang];
  }

  /** Wires the controls, draws the page, and asks the deep link's question (`/?q=`) if there is one. */
  start(): void {
    this.input.maxLength = MAX_QUESTION_LENGTH;
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      // While an IME is composing Hangul, Enter confirms the syllable; it must not send a half-typed question.
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => this.fitComposer());
    this.newConversation.addEventListener('click', () => this.reset());
    this.languageSwitch.addEventListener('click', () => this.setLanguage(this.lang === 'ko' ? 'en' : 'ko'));
    this.render();
    const question = questionFromSearch(this.doc.location.search);
    if (question) this.ask(question);
    else this.input.focus();
  }

  /** Asks `question` as the next turn of the conversation; ignored while an answer is on its way. */
  ask(question: string): void {
    const text = question.trim();
    if (text === '' || this.inFlight) return;
    const turn: Turn = { id: this.nextTurnId++, question: text, history: historyFor(this.turns), state: { status: 'pending' } };
    this.turns.push(turn);
    this.intro.hidden = true;
    const element = renderTurn(turn, this.turnContext());
    this.thread.append(element);
    scrollToTurn(element);
    void this.run(turn);
  }

  private submit(): void {
    if (this.inFlight) return;
    const question = this.input.value;
    if (question.trim() === '') return;
    this.input.value = '';
    this.fitComposer();
    this.ask(question);
  }

  private async run(turn: Turn): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    this.send.disabled = true;
    this.announce(this.t.searching);
    try {
      const body: AskRequest = { question: turn.question, lang: this.lang };
      if (turn.history.length > 0) body.history = turn.history;
      const answer = await ask(body, controller.signal);
      turn.state = { status: 'answered', answer };
      const numbers = new Set(answer.citations.map((c) => c.n));
      this.announce(
        answer.abstained ? `${this.t.notFound}. ${this.t.notFoundHint(answer.related.length > 0)}` : this.t.announceAnswer(answerForSpeech(answer.answer, numbers), answer.citations.length),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = error instanceof ApiError ? error : new ApiError('network', 0, String(error));
      turn.state = { status: 'failed', error: failure };
      this.announce(failureMessage(failure, this.t));
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = undefined;
        this.send.disabled = false;
      }
    }
    this.redrawTurn(turn);
  }

  private retry(turn: Turn): void {
    if (this.inFlight) return;
    turn.state = { status: 'pending' };
    this.redrawTurn(turn);
    this.input.focus();
    void this.run(turn);
  }

  private reset(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.send.disabled = false;
    this.turns = [];
    this.thread.replaceChildren();
    this.intro.hidden = false;
    // The shared question belongs to the conversation that was just closed.
    if (this.doc.location.search) history.replaceState(null, '', '/');
    this.announce('');
    this.input.value = '';
    this.fitComposer();
    this.input.focus();
  }

  private setLanguage(lang: Lang): void {
    this.lang = lang;
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Storage can be off (private windows); the choice then lasts for this page only.
    }
    this.render();
  }

  /** Draws everything that depends on the language: static labels, the intro, and every turn. */
  private render(): void {
    const t = this.t;
    this.doc.documentElement.lang = this.lang;
    this.doc.title = `${t.appName} — ${t.tagline}`;
    for (const element of this.doc.querySelectorAll<HTMLElement>('[data-text]')) {
      element.textContent = t[element.dataset.text as StaticTextKey];
    }
    this.input.placeholder = t.placeholder;
    this.languageSwitch.textContent = t.switchTo;
    this.languageSwitch.lang = this.lang === 'ko' ? 'en' : 'ko';
    this.languageSwitch.setAttribute('aria-label', t.switchToLabel);
    this.thread.setAttribute('aria-label', t.assistant);
    replaceChildren(this.intro, ...renderIntro(t, (question) => this.ask(question)));
    this.intro.hidden = this.turns.length > 0;
    const context = this.turnContext();
    this.thread.replaceChildren(...this.turns.map((turn) => renderTurn(turn, context)));
  }

  private redrawTurn(turn: Turn): void {
    const old = this.doc.getElementById(turnId(turn));
    if (!old) return;
    const element = renderTurn(turn, this.turnContext());
    old.replaceWith(element);
    if (turn === this.turns.at(-1)) scrollToTurn(element);
  }

  private turnContext(): TurnContext {
    return {
      t: this.t,
      onOpen: (citation: Citation) => void this.dialog.open(citation),
      onRetry: (turn) => this.retry(turn),
      onCopyLink: (turn, button) => void this.copyLink(turn, button),
    };
  }

  private async copyLink(turn: Turn, button: HTMLButtonElement): Promise<void> {
    const link = deepLink(this.doc.location.href, turn.question);
    const status = button.parentElement?.querySelector('.copy-status');
    try {
      await navigator.clipboard.writeText(link);
      status?.replaceChildren(this.t.linkCopied);
    } catch {
      // No clipboard (plain http on a LAN address): show the link so it can be copied by hand.
      status?.replaceChildren(`${this.t.linkToAnswer}: `, h('a', { attrs: { href: link } }, link));
    }
  }

  private announce(message: string): void {
    this.announcer.textContent = message;
  }

  private fitComposer(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, MAX_COMPOSER_HEIGHT)}px`;
  }

  private element<T extends HTMLElement>(id: string, type: new () => T): T {
    const element = this.doc.getElementById(id);
    if (!(element instanceof type)) throw new Error(`index.html must have a <${type.name}> with id "${id}".`);
    return element;
  }
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function scrollToTurn(element: HTMLElement): void {
  element.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
}
