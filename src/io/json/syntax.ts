import { problem, problemAt, type ImportProblem } from '../problems';
import { describeRepeats, type RepeatedKey } from './repeatedKeys';
import { MAX_DEPTH, MAX_TEXT_LENGTH, MAX_TEXT_MB } from './format';

/** Where the text stops being JSON, and what was expected there. */
interface Fault {
  readonly at: number;
  readonly reason: string;
}

const MB = 1024 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ESCAPABLE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const LITERALS = ['true', 'false', 'null'] as const;
const NUMBER_START = /[-0-9]/;
/** Sticky: they match from lastIndex, and always match (possibly nothing). */
// eslint-disable-next-line no-control-regex -- JSON strings must not hold raw control characters.
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const WHITESPACE_RUN = /[ \t\n\r]*/y;

/** What the text checks found: `refused` non-empty means the text is not read any further. */
export interface TextCheck {
  readonly refused: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
}

/**
 * Guards that run on the raw text before JSON.parse: size, emptiness, syntax, nesting depth and
 * keys given twice in one object (JSON.parse keeps the last without a word). The scan is a loop
 * with an explicit stack (no recursion), so 10^5 nested brackets cost nothing, and it gives the
 * same line/column messages in every browser, which JSON.parse does not.
 */
export function checkJsonText(text: string): TextCheck {
  const refuse = (p: ImportProblem): TextCheck => ({ refused: [p], warnings: [] });
  if (text.length > MAX_TEXT_LENGTH) {
    return refuse(
      problem('', `file is ${(text.length / MB).toFixed(1)} MB; the limit is ${MAX_TEXT_MB} MB`),
    );
  }
  if (text.trim() === '') return refuse(problem('', 'file is empty'));
  const scanner = new JsonScanner(text);
  const fault = scanner.scan();
  if (fault === TOO_DEEP) return refuse(problem('', `nesting is deeper than ${MAX_DEPTH} levels`));
  if (fault !== null) {
    const { line, column } = lineAndColumn(text, fault.at);
    return refuse(problemAt('', `not valid JSON: ${fault.reason}`, line, column));
  }
  return describeRepeats(text, scanner.repeats);
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

const TOO_DEEP: Fault = { at: -1, reason: 'too deep' };

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

function skipDigits(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f)
    return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return JSON.stringify(ch);
}

type Expecting = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'next';

/** An open object or list, with what is being read in it, so a repeat can be named by path. */
interface Frame {
  readonly kind: '{' | '[';
  /** Objects: the offset where each key was first given. */
  readonly keys: Map<string, number> | null;
  /** The key (object) or index (list) of the value being read. */
  at: string | number;
}

class JsonScanner {
  private at = 0;
  /** Open containers, innermost last. */
  private readonly open: Frame[] = [];
  private expecting: Expecting = 'value';
  readonly repeats: RepeatedKey[] = [];

  constructor(private readonly text: string) {}

  scan(): Fault | null {
    for (;;) {
      this.skipWhitespace();
      if (this.expecting === 'next' && this.open.length === 0) {
        return this.at < this.text.length
          ? this.fault(`unexpected ${this.found()} after the end of the data`)
          : null;
      }
      if (this.at >= this.text.length)
        return { at: this.text.length, reason: 'unexpected end of input' };
      const fault =
        this.expecting === 'next'
          ? this.afterValue()
          : this.expecting === 'key' || this.expecting === 'keyOrClose'
            ? this.key()
            : this.value();
      if (fault !== null) return fault;
    }
  }

  private value(): Fault | null {
    const ch = this.text.charAt(this.at);
    if (ch === ']' && this.expecting === 'valueOrClose') return this.close();
    if (ch === '{' || ch === '[') {
      if (this.open.length >= MAX_DEPTH) return TOO_DEEP;
      this.open.push(
        ch === '{' ? { kind: ch, keys: new Map(), at: '' } : { kind: '[', keys: null, at: 0 },
      );
      this.at++;
      this.expecting = ch === '{' ? 'keyOrClose' : 'valueOrClose';
      return null;
    }
    this.expecting = 'next';
    if (ch === '"') return this.string();
    if (NUMBER_START.test(ch)) return this.number();
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.at));
    if (literal === undefined) {
      const rest = this.text.slice(this.at, this.at + 5);
      // "tru" at the very end is a cut-off file, not a typo.
      const cutOff = this.at + rest.length === this.text.length;
      return cutOff && LITERALS.some((word) => word.length > rest.length && word.startsWith(rest))
        ? { at: this.text.length, reason: 'unexpected end of input' }
        : this.fault(`expected a value but found ${this.found()}`);
    }
    this.at += literal.length;
    return null;
  }

  private key(): Fault | null {
    if (this.text.charAt(this.at) === '}' && this.expecting === 'keyOrClose') return this.close();
    if (this.text.charCodeAt(this.at) !== QUOTE) {
      return this.fault(`expected a property name in double quotes but found ${this.found()}`);
    }
    const start = this.at;
    const fault = this.string();
    if (fault !== null) return fault;
    this.noteKey(start);
    this.skipWhitespace();
    if (this.at >= this.text.length) return { at: this.at, reason: 'unexpected end of input' };
    if (this.text.charAt(this.at) !== ':') {
      return this.fault(`expected ":" after a property name but found ${this.found()}`);
    }
    this.at++;
    this.expecting = 'value';
    return null;
  }

  /** Records the key that starts at `start` in the innermost object, and whether it repeats. */
  private noteKey(start: number): void {
    const frame = this.open[this.open.length - 1];
    if (frame?.keys == null) return;
    const raw = this.text.slice(start + 1, this.at - 1);
    const key = raw.includes('\\') ? String(JSON.parse(this.text.slice(start, this.at))) : raw;
    frame.at = key;
    const first = frame.keys.get(key);
    if (first === undefined) {
      frame.keys.set(key, start);
      return;
    }
    const path = this.open.map((f) => f.at);
    this.repeats.push({ key, path, first, at: start });
  }

  private afterValue(): Fault | null {
    const ch = this.text.charAt(this.at);
    const frame = this.open[this.open.length - 1];
    const inObject = frame?.kind === '{';
    if (ch === ',') {
      if (frame !== undefined && typeof frame.at === 'number') frame.at++;
      this.at++;
      this.expecting = inObject ? 'key' : 'value';
      return null;
    }
    if (ch === (inObject ? '}' : ']')) return this.close();
    return this.fault(`expected "," or "${inObject ? '}' : ']'}" but found ${this.found()}`);
  }

  private close(): null {
    this.open.pop();
    this.at++;
    this.expecting = 'next';
    return null;
  }

  private string(): Fault | null {
    const { text } = this;
    let i = this.at + 1;
    for (;;) {
      // Ordinary characters are skipped by the regex engine, far faster than a loop in JS.
      PLAIN_STRING_RUN.lastIndex = i;
      PLAIN_STRING_RUN.test(text);
      i = PLAIN_STRING_RUN.lastIndex;
      if (i >= text.length) return { at: text.length, reason: 'unexpected end of input' };
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        this.at = i + 1;
        return null;
      }
      if (code !== BACKSLASH) {
        return { at: i, reason: `${describeChar(text.charAt(i))} inside a string` };
      }
      const escaped = text.charAt(i + 1);
      const valid = escaped === 'u' ? HEX.test(text.slice(i + 2, i + 6)) : ESCAPABLE.has(escaped);
      if (!valid) {
        // A backslash or a partial \u escape at the very end is a cut-off file.
        if (i + 5 >= text.length && /^(?:u[0-9a-fA-F]{0,3})?$/.test(text.slice(i + 1))) {
          return { at: text.length, reason: 'unexpected end of input' };
        }
        return { at: i, reason: 'invalid escape sequence in a string' };
      }
      i += escaped === 'u' ? 6 : 2;
    }
  }

  /** Walks the JSON number grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  private number(): Fault | null {
    const { text } = this;
    let i = this.at;
    if (text.charAt(i) === '-') i++;
    const intEnd = text.charAt(i) === '0' ? i + 1 : skipDigits(text, i);
    if (intEnd === i) return this.badNumber(i);
    i = intEnd;
    if (text.charAt(i) === '.') {
      const fractionEnd = skipDigits(text, i + 1);
      if (fractionEnd === i + 1) return this.badNumber(i + 1);
      i = fractionEnd;
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      const sign = text.charAt(i + 1) === '+' || text.charAt(i + 1) === '-' ? 1 : 0;
      const exponentEnd = skipDigits(text, i + 1 + sign);
      if (exponentEnd === i + 1 + sign) return this.badNumber(i + 1 + sign);
      i = exponentEnd;
    }
    this.at = i;
    return null;
  }

  private badNumber(at: number): Fault {
    return at >= this.text.length
      ? { at, reason: 'unexpected end of input' }
      : { at, reason: `invalid number (unexpected ${describeChar(this.text.charAt(at))})` };
  }

  private skipWhitespace(): void {
    WHITESPACE_RUN.lastIndex = this.at;
    WHITESPACE_RUN.test(this.text);
    this.at = WHITESPACE_RUN.lastIndex;
  }

  private found(): string {
    return describeChar(this.text.charAt(this.at));
  }

  private fault(reason: string): Fault {
    return { at: this.at, reason };
  }
}
