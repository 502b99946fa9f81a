/**
 * The few DOM methods the SVG and GraphML exporters use. The browser's DOM and @xmldom/xmldom
 * (tests, node) both provide them, so the exporters build real elements in either place and user
 * text only ever enters through `textContent` or `setAttribute`, never by joining markup strings.
 */
import { isHexColor } from '../domain/records';

export interface XmlElement<E> {
  setAttribute(qualifiedName: string, value: string): void;
  setAttributeNS(namespace: string | null, qualifiedName: string, value: string): void;
  appendChild(child: E): unknown;
  textContent: string | null;
}

export interface XmlDocument<E extends XmlElement<E>> {
  createElementNS(namespace: string | null, qualifiedName: string): E;
}

/** `new XMLSerializer()` in the browser, xmldom's XMLSerializer in node. */
export interface XmlSerializer<E> {
  serializeToString(node: E): string;
}

/** An element with its attributes set, in the given namespace. */
export function createElement<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  namespace: string,
  name: string,
  attributes: Readonly<Record<string, string | number>> = {},
): E {
  const element = xml.createElementNS(namespace, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, typeof value === 'number' ? formatNumber(value) : value);
  }
  return element;
}

/**
 * Coordinates with two decimals at most: enough for a crisp picture, and a NaN from a broken
 * position becomes 0 instead of an attribute a renderer rejects.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * 100) / 100);
}

/** A stakeholder colour goes into attributes; anything but #rrggbb falls back to `fallback`. */
export function safeColor(color: string | undefined, fallback: string): string {
  return color !== undefined && isHexColor(color) ? color : fallback;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
