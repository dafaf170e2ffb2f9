import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import { collapseWhitespace, makeBlock } from './block.ts';
import type { Block, BlockKind, ExtractedText, Link } from './block.ts';

/** Elements whose content is never document text: code, page furniture, media and form controls. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'footer', 'aside', 'form', 'button', 'select',
  'textarea', 'iframe', 'object', 'embed', 'svg', 'canvas', 'img', 'picture', 'video', 'audio', 'map',
]);

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li',
  'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

// Text outside tags in mixed documents (front matter posts) separates paragraphs with blank lines, as markdown does.
const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * Turns HTML into blocks: block elements and `<br>` break, `script`/`style`/`nav`/`footer`/`aside`, hidden elements
 * and images are dropped, link text is kept (and the links are recorded on their block), entities are decoded.
 * A blank line inside text also breaks, so markdown-style paragraphs between tags stay apart.
 */
export function htmlToText(html: string): ExtractedText {
  const dom = parseDocument(html);
  const builder = new BlockBuilder();
  walkBlocks(dom.children, builder);
  const elements = findAll(dom.children);
  const titleElement = elements.find((node) => node.name === 'title');
  const pageTitle = titleElement ? collapseWhitespace(textOf(titleElement)) : '';
  const meta = readMeta(elements);
  return pageTitle ? { blocks: builder.blocks, pageTitle, meta } : { blocks: builder.blocks, meta };
}

/** A step of {@link walkBlocks}: a node to visit, or what to do once an element's children are done. */
type WalkStep =
  | { node: ChildNode; kind: BlockKind }
  | { endLink: string }
  | { flush: BlockKind };

/**
 * Feeds the text under `nodes` to `builder`, in document order, breaking blocks at block elements and `<br>`.
 * The tree is walked with an explicit stack, so nesting depth (thousands of `<div>`s) costs memory, not call stack.
 */
function walkBlocks(nodes: readonly ChildNode[], builder: BlockBuilder): void {
  const stack: WalkStep[] = [{ flush: 'paragraph' }];
  pushChildren(stack, nodes, 'paragraph');
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if ('flush' in step) {
      builder.flush(step.flush);
      continue;
    }
    if ('endLink' in step) {
      builder.endLink(step.endLink);
      continue;
    }
    const { node, kind } = step;
    if (isText(node)) {
      builder.addText(node.data, kind);
      continue;
    }
    if (!isTag(node) || DROPPED.has(node.name) || isHidden(node)) continue;
    const name = node.name;
    if (name === 'br') {
      builder.flush(kind);
      continue;
    }
    if (!BLOCK.has(name)) {
      const href = name === 'a' ? node.attribs.href?.trim() : undefined;
      if (href) {
        builder.startLink();
        stack.push({ endLink: href });
      }
      pushChildren(stack, node.children, kind);
      continue;
    }
    builder.flush(kind);
    const inner = /^h[1-6]$/.test(name) ? 'heading' : name === 'li' ? 'item' : kind;
    stack.push({ flush: inner });
    pushChildren(stack, node.children, inner);
  }
}

/** Pushes `nodes` so that they are popped first to last. */
function pushChildren(stack: WalkStep[], nodes: readonly ChildNode[], kind: BlockKind): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as ChildNode, kind });
}

/** Accumulates inline text until a block boundary. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  private text = '';
  private linkText = '';
  private links: Link[] = [];
  private linkStart: number | undefined;

  addText(data: string, kind: BlockKind): void {
    const parts = data.split(BLANK_LINE);
    parts.forEach((part, i) => {
      if (i > 0) this.flush(kind);
      this.text += part;
    });
  }

  startLink(): void {
    this.linkStart = this.text.length;
  }

  endLink(href: string): void {
    if (this.linkStart === undefined) return;
    const text = this.text.slice(this.linkStart);
    this.linkStart = undefined;
    this.linkText += ` ${text}`;
    this.links.push({ href, text: collapseWhitespace(text) });
  }

  flush(kind: BlockKind): void {
    const block = makeBlock(this.text, kind, this.links, this.linkText);
    if (block) this.blocks.push(block);
    this.text = '';
    this.linkText = '';
    this.links = [];
    // A block element inside a link: the rest of the link belongs to the next block.
    if (this.linkStart !== undefined) this.linkStart = 0;
  }
}

/** `<meta>` values by lower-cased name/property, first one wins, plus `canonical` from `<link rel="canonical">`. */
function readMeta(elements: Element[]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const node of elements) {
    if (node.name === 'link' && /\bcanonical\b/i.test(node.attribs.rel ?? '') && node.attribs.href) {
      meta.canonical ??= node.attribs.href.trim();
    }
    if (node.name !== 'meta') continue;
    const key = (node.attribs.property ?? node.attribs.name ?? node.attribs.itemprop)?.trim().toLowerCase();
    const content = node.attribs.content?.trim();
    if (key && content) meta[key] ??= content;
  }
  return meta;
}

function isHidden(node: Element): boolean {
  return 'hidden' in node.attribs || node.attribs['aria-hidden'] === 'true' || node.attribs.role === 'navigation';
}

/** The text of the text nodes under `node`, in document order (without recursion, like {@link walkBlocks}). */
function textOf(node: Element): string {
  const parts: string[] = [];
  const stack: ChildNode[] = [...node.children].reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (isText(next)) parts.push(next.data);
    else if (isTag(next)) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as ChildNode);
  }
  return parts.join('');
}

/** Every element under `nodes`, in document order (each before its descendants). */
function findAll(nodes: readonly ChildNode[]): Element[] {
  const found: Element[] = [];
  const stack: ChildNode[] = [...nodes].reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (!isTag(next)) continue;
    found.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as ChildNode);
  }
  return found;
}
