import type { MapDocument } from '../domain/model';
import { err, ok, type Result } from '../domain/result';
import { parseGoalCsv, type ParsedGoalCsv } from './csv';
import { importMapJson, type ImportedMap } from './json';
import { importMapPng } from './png';
import { problem, type ImportProblem } from './problems';

/** What a file turned out to be, judged by its content rather than its name. */
export type FileKind = 'json' | 'png' | 'csv';

/** A file the user picked or dropped, read and validated; nothing is stored yet. */
export type ReadFile =
  | {
      readonly kind: 'map';
      readonly format: 'json' | 'png';
      readonly doc: MapDocument;
      /** Things the importer repaired or ignored, shown beside the choice of where to open it. */
      readonly warnings: readonly ImportProblem[];
    }
  /** Goal rows and per-row problems, previewed before anything is created. */
  | { readonly kind: 'csv'; readonly csv: ParsedGoalCsv };

export type MapFile = Extract<ReadFile, { readonly kind: 'map' }>;

/** Files are refused above this size before they are read into memory at all. */
export const MAX_FILE_MB = 64;
const MB = 1024 * 1024;
export const MAX_FILE_BYTES = MAX_FILE_MB * MB;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Binary files people rename or pick by mistake, named so the message says what they hold. */
const KNOWN_BINARIES: readonly { readonly magic: readonly number[]; readonly what: string }[] = [
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel or Word file?)' },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file; unpack it first' },
];

const UTF16 = 'UTF-16 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)';
const UTF16_BOMS: readonly (readonly number[])[] = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

const NOT_OURS =
  'expected a Common Ground JSON file, a PNG exported from Common Ground, or a CSV of goals';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** Whether the file is too big to read; checked on its size, before reading it. */
export function checkFileSize(size: number, limit = MAX_FILE_BYTES): ImportProblem | null {
  if (size <= limit) return null;
  return problem('', `file is ${(size / MB).toFixed(1)} MB; the limit is ${limit / MB} MB`);
}

/** NUL never occurs in text files; a few kilobytes are enough to tell. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * UTF-16 without a byte order mark: ASCII text (all of JSON's structure) has a NUL in every
 * other byte, all on the same side.
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  if (head.length < 2) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  head.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2 === 0) evenNuls++;
    else oddNuls++;
  });
  const pairs = head.length / 2;
  return (evenNuls === 0 && oddNuls > pairs / 2) || (oddNuls === 0 && evenNuls > pairs / 2);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * JSON must be UTF-8. A CSV saved by Excel on Windows is often Windows-1252, which is not valid
 * UTF-8: it is read that way instead of refused, so accented titles survive.
 */
function decodeText(bytes: Uint8Array, kind: 'json' | 'csv'): Result<string, ImportProblem[]> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    if (kind === 'csv') return ok(new TextDecoder('windows-1252').decode(bytes));
    return err([problem('', 'not valid UTF-8 text; JSON files must be saved as UTF-8')]);
  }
}

/** JSON when it opens like JSON or is named so; CSV when named so or its first line has cells. */
function textKind(bytes: Uint8Array, name: string): FileKind | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const first = head.trimStart().charAt(0);
  const extension = extensionOf(name);
  if (first === '{' || first === '[' || extension === 'json') return 'json';
  if (extension === 'csv') return 'csv';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  return /[,;]/.test(firstLine) ? 'csv' : null;
}

/** Decides what a file is by its bytes; the name only breaks ties between text formats. */
export function detectFileKind(name: string, bytes: Uint8Array): Result<FileKind, ImportProblem[]> {
  if (bytes.length === 0) return err([problem('', 'file is empty')]);
  if (startsWith(bytes, PNG_SIGNATURE)) return ok('png');
  const known = KNOWN_BINARIES.find((b) => startsWith(bytes, b.magic));
  if (known) return err([problem('', `this is ${known.what}; ${NOT_OURS}`)]);
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom)) || looksUtf16(bytes)) {
    return err([problem('', `this is ${UTF16}`)]);
  }
  if (looksBinary(bytes)) return err([problem('', `this is a binary file; ${NOT_OURS}`)]);
  const kind = textKind(bytes, name);
  return kind ? ok(kind) : err([problem('', `not a map file; ${NOT_OURS}`)]);
}

function readMapJson(bytes: Uint8Array): Result<ImportedMap, readonly ImportProblem[]> {
  const text = decodeText(bytes, 'json');
  return text.ok ? importMapJson(text.value) : text;
}

function asReadMap(
  format: 'json' | 'png',
  imported: Result<ImportedMap, readonly ImportProblem[]>,
): Result<ReadFile, ImportProblem[]> {
  return imported.ok ? ok({ kind: 'map', format, ...imported.value }) : err([...imported.error]);
}

/** A CSV with no usable row is refused outright; otherwise its problems go to the preview. */
function readGoalCsv(name: string, bytes: Uint8Array): Result<ReadFile, ImportProblem[]> {
  const text = decodeText(bytes, 'csv');
  if (!text.ok) return text;
  const csv = parseGoalCsv(text.value, name);
  if (csv.rows.length === 0) return err([...csv.problems]);
  return ok({ kind: 'csv', csv });
}

/** Reads and validates a file's content; never throws and never touches storage. */
export function readImportFile(name: string, bytes: Uint8Array): Result<ReadFile, ImportProblem[]> {
  const kind = detectFileKind(name, bytes);
  if (!kind.ok) return kind;
  switch (kind.value) {
    case 'json':
      return asReadMap('json', readMapJson(bytes));
    case 'png':
      return asReadMap('png', importMapPng(bytes));
    case 'csv':
      return readGoalCsv(name, bytes);
  }
}
