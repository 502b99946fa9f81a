/** Strict XML parsing and element walks for the SVG and GraphML export tests. */
import { DOMImplementation, DOMParser, XMLSerializer, onWarningStopParsing } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';

/** Parses `text`, throwing on any warning or error, as a picky consumer would. */
export function parseXmlStrict(text: string, mimeType: 'image/svg+xml' | 'text/xml'): Document {
  return new DOMParser({ onError: onWarningStopParsing }).parseFromString(text, mimeType);
}

/** Every element under (and including) `root`, in document order. */
export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    out.push(element);
    stack.push(...childElements(element).reverse());
  }
  return out;
}

export function childElements(element: Element): Element[] {
  const children: Element[] = [];
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    if (isElement(child)) children.push(child);
  }
  return children;
}

function isElement(node: unknown): node is Element {
  return (
    typeof node === 'object' &&
    node !== null &&
    Reflect.get(node, 'nodeType') === 1 &&
    'getAttribute' in node
  );
}

export function rootOf(doc: Document): Element {
  const root = doc.documentElement;
  if (root === null) throw new Error('document has no root element');
  return root;
}

/** A fresh xmldom document and serializer, as the exporters take them in node. */
export function xmlTools(namespace: string, rootName: string) {
  return {
    xml: new DOMImplementation().createDocument(namespace, rootName, null),
    serializer: new XMLSerializer(),
  };
}
