// Document links: web addresses in values, and the `url` of an entry in `links` that is a path
// relative to the charter.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedFile } from '../parser/charterParser';
import type { Range } from '../types';
import { keyText } from '../utils/yamlNodes';

export interface DocumentLink {
  range: Range;
  target: string;
}

const WEB = /^(https?|mailto):/i;

export function findDocumentLinks(file: ParsedFile): DocumentLink[] {
  const links: DocumentLink[] = [];
  const visit = (node: Node | null, key: string | undefined): void => {
    if (!node) return;
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair)) visit(pair.value as Node | null, keyText(pair.key));
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node | null, undefined);
    } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
      const value = node.value.trim();
      let target: string | undefined;
      if (WEB.test(value) && !/\s/.test(value)) target = value;
      else if (key === 'url' && value && !/\s/.test(value) && !/^[a-z][a-z0-9+.-]*:/i.test(value)) target = resolve(file.uri, value);
      if (target) {
        const [start, end] = node.range;
        const quoted = /^["']/.test(file.text[start] ?? '');
        links.push({ range: file.lines.rangeOf(quoted ? start + 1 : start, quoted ? end - 1 : end), target });
      }
    }
  };
  for (const doc of file.documents) visit(doc.yaml.contents as Node | null, undefined);
  return links;
}

function resolve(base: string, relative: string): string | undefined {
  try {
    return new URL(relative, base).href;
  } catch {
    return undefined;
  }
}
