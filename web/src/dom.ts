/** What an element may contain: nodes, and strings that become text nodes (never parsed as HTML). */
export type Child = Node | string | false | null | undefined;

/** Attributes and text of a new element. */
export interface ElementProps {
  /** `class` attribute. */
  className?: string;
  id?: string;
  /** Other attributes; undefined ones are left out. Event handler and `style` attributes are refused. */
  attrs?: Record<string, string | undefined>;
}

/**
 * Creates an element. Everything that comes from documents or people enters the page through here or `textContent`,
 * as text: a document that contains `<script>` shows those characters and runs nothing.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.id) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    // Handlers are attached with addEventListener and styles from CSS; an attribute doing either is a mistake.
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`Attribute "${name}" is not allowed.`);
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Whether the person asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
