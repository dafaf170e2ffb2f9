import { decodeHTMLStrict } from 'entities';
import { findUrls, makeBlock } from './block.ts';
import type { Block, BlockKind, ExtractedText, Link } from './block.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE_MARKER = /^(?:\s{0,3}>\s?)+/;
const TABLE_ROW = /^\s*\|(.*)\|\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*["')])?\s*\)/g;
const AUTOLINK = /<(https?:\/\/[^>\s]+)>/g;
const STRONG = /(\*\*|__)(?=\S)([^\n]*?\S)\1/g;
const STRIKE = /~~(?=\S)([^\n]*?\S)~~/g;
const CODE_SPAN = /(`+)([^`]+?)\1/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/**
 * Turns markdown into blocks, following CommonMark's block structure: paragraphs (consecutive lines joined),
 * ATX and setext headings (markers removed), list items (bullets removed, ordered numbers kept), quotes, table rows and
 * fenced code. Inline markup is reduced to its text: images dropped, links to their text (recorded on the block),
 * `**bold**`, `~~strike~~` and `` `code` `` unwrapped, escapes and entities decoded. Single `*` and `_` are left alone
 * because Korean documents use them as footnote marks.
 */
export function markdownToText(markdown: string): ExtractedText {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let kind: BlockKind = 'paragraph';
  let fence: string | undefined;

  const push = (raw: string, blockKind: BlockKind, inline = true): void => {
    const block = inline ? inlineBlock(raw, blockKind) : makeBlock(raw, blockKind);
    if (block) blocks.push(block);
  };
  const flush = (): void => {
    if (lines.length > 0) push(lines.join('\n'), kind);
    lines = [];
    kind = 'paragraph';
  };

  for (const line of markdown.split('\n')) {
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) {
        push(lines.join('\n'), 'paragraph', false);
        lines = [];
        fence = undefined;
      } else {
        lines.push(line);
      }
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    const heading = ATX_HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    const row = TABLE_ROW.exec(line);
    if (fenceOpen?.[1]) {
      flush();
      fence = fenceOpen[1];
    } else if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      push(heading[1] ?? '', 'heading');
    } else if (SETEXT_UNDERLINE.test(line) && lines.length > 0 && kind === 'paragraph') {
      kind = 'heading';
      flush();
    } else if (THEMATIC_BREAK.test(line) || SETEXT_UNDERLINE.test(line)) {
      flush();
    } else if (item) {
      flush();
      kind = 'item';
      const marker = item[1] ?? '';
      lines.push(/\d/.test(marker) ? `${marker} ${item[2] ?? ''}` : (item[2] ?? ''));
    } else if (row) {
      flush();
      if (!TABLE_DELIMITER.test(line)) push((row[1] ?? '').trim(), 'paragraph');
    } else {
      lines.push(line.replace(QUOTE_MARKER, ''));
    }
  }
  if (fence !== undefined) push(lines.join('\n'), 'paragraph', false);
  else flush();
  return { blocks, meta: {} };
}

function inlineBlock(raw: string, kind: BlockKind): Block | undefined {
  const links: Link[] = [];
  const text = decodeHTMLStrict(
    raw
      .replace(IMAGE, '')
      .replace(LINK, (_, label: string, href: string) => {
        links.push({ href, text: label.trim() });
        return label;
      })
      .replace(AUTOLINK, (_, url: string) => {
        links.push({ href: url, text: url });
        return url;
      })
      .replace(STRONG, '$2')
      .replace(STRIKE, '$1')
      .replace(CODE_SPAN, '$2')
      .replace(ESCAPE, '$1'),
  );
  const known = new Set(links.map((link) => link.href));
  links.push(...findUrls(text).filter((link) => !known.has(link.href)));
  return makeBlock(text, kind, links, links.map((link) => link.text).join(' '));
}
