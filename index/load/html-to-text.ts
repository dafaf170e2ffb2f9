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

  const visit = (node: ChildNode, kind: BlockKind): void => {
    if (isText(node)) {
      builder.addText(node.data, kind);
      return;
    }
    if (!isTag(node) || DROPPED.has(node.name) || isHidden(node)) return;
    const name = node.name;
    if (name === 'br') {
      builder.flush(kind);
      return;
    }
    if (!BLOCK.has(name)) {
      const href = name === 'a' ? node.attribs.href?.trim() : undefined;
      if (href) builder.startLink();
      for (const child of node.children) visit(child, kind);
      if (href) builder.endLink(href);
      return;
    }
    builder.flush(kind);
    const inner = /^h[1-6]$/.test(name) ? 'heading' : name === 'li' ? 'item' : kind;
    for (const child of node.children) visit(child, inner);
    builder.flush(inner);
  };

  for (const child of dom.children) visit(child, 'paragraph');
  builder.flush('paragraph');
  const elements = findAll(dom.children);
  const titleElement = elements.find((node) => node.name === 'title');
  const pageTitle = titleElement ? collapseWhitespace(textOf(titleElement)) : '';
  const meta = readMeta(elements);
  return pageTitle ? { blocks: builder.blocks, pageTitle, meta } : { blocks: builder.blocks, meta };
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

function textOf(node: Element): string {
  return node.children.map((child) => (isText(child) ? child.data : isTag(child) ? textOf(child) : '')).join('');
}

function findAll(nodes: ChildNode[]): Element[] {
  return nodes.flatMap((node) => (isTag(node) ? [node, ...findAll(node.children)] : []));
}
