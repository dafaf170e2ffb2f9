import { Parser } from 'htmlparser2';

/** What {@link walkXml} calls, with element names stripped of their namespace prefix (`hp:p` → `p`). */
export interface XmlVisitor {
  open?: (name: string, attributes: Readonly<Record<string, string>>) => void;
  close?: (name: string) => void;
  /** Character data, entities decoded, with the names of the open elements (innermost last). */
  text?: (text: string, path: readonly string[]) => void;
}

/**
 * Walks an XML document in order, as events, leaving out the subtrees of elements named in `skip` (by local name):
 * what a format keeps beside its text (field instructions, shape descriptions, running headers) never reaches the
 * visitor. Tolerant, as an HTML parser is, of the damage a cut or hand-edited file brings.
 */
export function walkXml(xml: string, visitor: XmlVisitor, skip: ReadonlySet<string> = new Set()): void {
  const path: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(qualified, attributes) {
        const name = localName(qualified);
        path.push(name);
        if (skipping > 0 || skip.has(name)) skipping += 1;
        else visitor.open?.(name, attributes);
      },
      onclosetag(qualified) {
        const name = localName(qualified);
        path.pop();
        if (skipping > 0) skipping -= 1;
        else visitor.close?.(name);
      },
      ontext(text) {
        if (skipping === 0) visitor.text?.(text, path);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}
