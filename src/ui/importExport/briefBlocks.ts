/**
 * The Markdown subset the conflict brief writes (src/io/brief.ts), read into blocks that the print
 * view renders as React elements. Text only ever becomes text: there is no HTML in this reader,
 * so whatever a title says, the page shows it as typed.
 */

export interface Span {
  readonly text: string;
  readonly strong: boolean;
  readonly em: boolean;
}
export type Inline = readonly Span[];

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly content: Inline }
  | { readonly kind: 'paragraph'; readonly content: Inline }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Inline[] }
  | { readonly kind: 'quote'; readonly paragraphs: readonly Inline[] };

/** Bold (`**`), italics (`_`) and backslash escapes; every other character is text. */
export function parseInline(source: string): Inline {
  const spans: Span[] = [];
  let text = '';
  let strong = false;
  let em = false;
  const flush = () => {
    if (text !== '') spans.push({ text, strong, em });
    text = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '\\' && i + 1 < source.length) {
      text += source.charAt(++i);
    } else if (ch === '*' && source.charAt(i + 1) === '*') {
      flush();
      strong = !strong;
      i++;
    } else if (ch === '_') {
      flush();
      em = !em;
    } else {
      text += ch;
    }
  }
  flush();
  return spans;
}

const HEADING = /^(#{1,3}) (.*)$/;
const BULLET = /^- (.*)$/;
const NUMBERED = /^\d+\. (.*)$/;
const QUOTE = /^>(?: (.*))?$/;

type LineKind = 'blank' | 'heading' | 'bullet' | 'numbered' | 'quote' | 'text';

function kindOf(line: string): LineKind {
  if (line.trim() === '') return 'blank';
  if (HEADING.test(line)) return 'heading';
  if (BULLET.test(line)) return 'bullet';
  if (NUMBERED.test(line)) return 'numbered';
  return QUOTE.test(line) ? 'quote' : 'text';
}

/** The lines from `start` on that are of `kind`, up to the first that is not. */
function runOf(lines: readonly string[], start: number, kind: LineKind): string[] {
  const run: string[] = [];
  for (let i = start; i < lines.length && kindOf(lines[i] ?? '') === kind; i++) {
    run.push(lines[i] ?? '');
  }
  return run;
}

/** A quote's lines; a bare `>` separates its paragraphs. */
function quoteParagraphs(run: readonly string[]): Inline[] {
  const paragraphs: string[][] = [[]];
  for (const line of run) {
    const text = QUOTE.exec(line)?.[1] ?? '';
    if (text === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]?.push(text);
  }
  return paragraphs.filter((p) => p.length > 0).map((p) => parseInline(p.join(' ')));
}

function blockOf(kind: Exclude<LineKind, 'blank'>, run: readonly string[]): Block {
  const first = run[0] ?? '';
  switch (kind) {
    case 'heading': {
      const [, hashes = '#', text = ''] = HEADING.exec(first) ?? [];
      const level = hashes.length === 1 ? 1 : hashes.length === 2 ? 2 : 3;
      return { kind: 'heading', level, content: parseInline(text) };
    }
    case 'bullet':
    case 'numbered': {
      const pattern = kind === 'bullet' ? BULLET : NUMBERED;
      const items = run.map((line) => parseInline(pattern.exec(line)?.[1] ?? ''));
      return { kind: 'list', ordered: kind === 'numbered', items };
    }
    case 'quote':
      return { kind: 'quote', paragraphs: quoteParagraphs(run) };
    case 'text':
      return { kind: 'paragraph', content: parseInline(run.join(' ')) };
  }
}

/** The brief's Markdown as blocks, in order. */
export function parseBrief(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length;) {
    const kind = kindOf(lines[i] ?? '');
    if (kind === 'blank') {
      i++;
      continue;
    }
    // A heading is one line; other blocks run while their kind repeats.
    const run = kind === 'heading' ? [lines[i] ?? ''] : runOf(lines, i, kind);
    blocks.push(blockOf(kind, run));
    i += run.length;
  }
  return blocks;
}
