/**
 * Text fitting without a font engine: an export must look the same in node (tests, bench) and in
 * every browser, so widths are estimated from the character count instead of measured.
 */

/** Average advance of a character in the sans-serif stack, in em. */
const CHAR_EM = 0.55;
const ELLIPSIS = '…';

/** Characters as a reader sees them, so an emoji or an accented letter is never cut in half. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Latin text without combining marks: one UTF-16 unit per character, no segmenter needed. */
const SIMPLE_TEXT = /^[\u0020-\u007e\u00a0-\u02ff]*$/;

export function graphemes(text: string): string[] {
  // The segmenter costs about a microsecond per character; most titles never need it.
  if (SIMPLE_TEXT.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** How many characters fit in `width` px at `fontSize` px (at least one). */
export function charsThatFit(width: number, fontSize: number, em = CHAR_EM): number {
  return Math.max(1, Math.floor(width / (fontSize * em)));
}

/** Estimated width of `text` in px. */
export function estimateWidth(text: string, fontSize: number, em = CHAR_EM): number {
  return graphemes(text).length * fontSize * em;
}

/** One line, cut with an ellipsis when it would overflow `maxChars`. */
export function truncate(text: string, maxChars: number): string {
  const chars = graphemes(oneLine(text));
  if (chars.length <= maxChars) return chars.join('');
  return `${chars
    .slice(0, Math.max(0, maxChars - 1))
    .join('')
    .trimEnd()}${ELLIPSIS}`;
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxChars`; words longer than a line are cut,
 * and whatever does not fit ends the last line with an ellipsis (the full title stays in <title>).
 */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of oneLine(text).split(' ')) {
    const chars = graphemes(word);
    if (line.length > 0 && line.length + 1 + chars.length <= maxChars) {
      line.push(' ', ...chars);
      continue;
    }
    if (line.length > 0) lines.push(line.join(''));
    line = chars;
    while (line.length > maxChars) {
      lines.push(line.slice(0, maxChars).join(''));
      line = line.slice(maxChars);
    }
  }
  if (line.length > 0) lines.push(line.join(''));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  const lastChars = graphemes(kept[last] ?? '');
  kept[last] = `${lastChars
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}${ELLIPSIS}`;
  return kept;
}

/** Newlines and runs of spaces in a title become single spaces, as the canvas shows them. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
