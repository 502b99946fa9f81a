/**
 * User text inside generated Markdown. Titles and notes are written by people (or pasted from
 * anywhere), so they are escaped until no renderer reads them as links, images, HTML, emphasis,
 * headings, lists or autolinks: what the user typed is what the reader sees.
 */

/**
 * Characters with inline meaning in CommonMark or GitHub Markdown: emphasis, code, links and
 * images, raw HTML and entities, tables, strikethrough, math, issue and mention links.
 */
const INLINE_SYNTAX = /[\\`*_[\]<>|~&$#@]/g;

/** Markers that mean something only where a line starts: lists, headings, quotes, rules. */
const LINE_START_SYNTAX = /^(\s*)([-+=>]|\d+(?=[.)]))/;

/** One line of text, safe anywhere inline; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\r\n?|\n/g, ' ').trim());
}

function escapeLine(line: string): string {
  return (
    line
      .replace(INLINE_SYNTAX, (c) => `\\${c}`)
      // Bare URLs and www. names become links in GitHub Markdown; break the pattern, not the text.
      .replace(/:\/\//g, ':\\/\\/')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .replace(LINE_START_SYNTAX, (_, space: string, marker: string) =>
        /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
      )
  );
}

/** Multi-line text as a block quote, each line escaped; a blank line stays a paragraph break. */
export function quoteBlock(text: string): string {
  return text
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n');
}
