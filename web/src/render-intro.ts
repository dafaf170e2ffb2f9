import { h } from './dom.ts';
import { EXAMPLES, type Messages } from './i18n.ts';

/** The first screen: what Seogi does, and example questions to ask with one click. */
export function renderIntro(t: Messages, onExample: (question: string) => void): Node[] {
  const examples = EXAMPLES.map((example) => {
    const button = h('button', { className: 'example', attrs: { type: 'button', lang: example.lang } }, example.question);
    button.addEventListener('click', () => onExample(example.question));
    return h('li', {}, button);
  });
  return [
    h('h2', { id: 'intro-title' }, t.introTitle),
    ...t.introText.map((paragraph) => h('p', {}, paragraph)),
    h('h3', { id: 'examples-title' }, t.examplesTitle),
    h('ul', { className: 'examples', attrs: { 'aria-labelledby': 'examples-title' } }, ...examples),
  ];
}
