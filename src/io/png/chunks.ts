/**
 * Reading and writing PNG chunks (PNG spec §5): an 8-byte signature, then chunks of
 * length (4 bytes, big-endian) · type (4 ASCII letters) · data · CRC-32 of type and data.
 */
import { err, ok, type Result } from '../../domain/result';
import { crc32 } from './crc32';

export const PNG_SIGNATURE: readonly number[] = [137, 80, 78, 71, 13, 10, 26, 10];

/** The spec caps a chunk's length at 2^31 - 1 bytes. */
const MAX_CHUNK_LENGTH = 0x7fffffff;

export interface Chunk {
  readonly type: string;
  /** Offset of the chunk's length field: where it starts in the file. */
  readonly start: number;
  readonly dataStart: number;
  readonly length: number;
  /** Offset just after its CRC: where the next chunk starts. */
  readonly end: number;
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 24;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

const isLetter = (b: number | undefined) =>
  b !== undefined && ((b >= 65 && b <= 90) || (b >= 97 && b <= 122));

/**
 * The chunk starting at `at`, or the offset where the file stops making sense: cut short, a
 * length past the end, or a type that is not four letters.
 */
export function readChunk(bytes: Uint8Array, at: number): Result<Chunk, number> {
  if (at + 12 > bytes.length) return err(at);
  const length = readUint32(bytes, at);
  const dataStart = at + 8;
  if (length > MAX_CHUNK_LENGTH || dataStart + length + 4 > bytes.length) return err(at);
  const typeBytes = bytes.subarray(at + 4, at + 8);
  if (!typeBytes.every(isLetter)) return err(at + 4);
  const type = String.fromCharCode(...typeBytes);
  return ok({ type, start: at, dataStart, length, end: dataStart + length + 4 });
}

export function hasValidCrc(bytes: Uint8Array, chunk: Chunk): boolean {
  const stored = readUint32(bytes, chunk.dataStart + chunk.length);
  return crc32(bytes, chunk.start + 4, chunk.dataStart + chunk.length) === stored;
}

/** A whole chunk (length, type, data, CRC) ready to splice into a file. */
export function buildChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  writeUint32(chunk, 0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  writeUint32(chunk, 8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

const LATIN1_NUL = 0;
/** Keywords are 1–79 Latin-1 characters (spec §11.3.4.2). */
const MAX_KEYWORD_LENGTH = 79;

/**
 * An uncompressed international text chunk (iTXt, spec §11.3.4.5): keyword, NUL, compression
 * flag 0, method 0, an empty language tag and translated keyword (each NUL-ended), UTF-8 text.
 */
export function buildITxtData(keyword: string, text: string): Uint8Array {
  const key = new TextEncoder().encode(keyword);
  const body = new TextEncoder().encode(text);
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  data.set([LATIN1_NUL, 0, 0, LATIN1_NUL, LATIN1_NUL], key.length);
  data.set(body, key.length + 5);
  return data;
}

export interface ITxt {
  readonly keyword: string;
  readonly compressed: boolean;
  /** Offset in the file where the UTF-8 text starts. */
  readonly textStart: number;
}

/** The header of an iTXt chunk, or null when its NUL-separated fields run past the chunk. */
export function readITxtHeader(bytes: Uint8Array, chunk: Chunk): ITxt | null {
  const data = bytes.subarray(chunk.dataStart, chunk.dataStart + chunk.length);
  const keywordEnd = data.indexOf(LATIN1_NUL);
  if (keywordEnd < 1 || keywordEnd > MAX_KEYWORD_LENGTH || keywordEnd + 3 > data.length) {
    return null;
  }
  const keyword = String.fromCharCode(...data.subarray(0, keywordEnd));
  const compressed = data[keywordEnd + 1] !== 0;
  const languageEnd = data.indexOf(LATIN1_NUL, keywordEnd + 3);
  if (languageEnd < 0) return null;
  const translatedEnd = data.indexOf(LATIN1_NUL, languageEnd + 1);
  if (translatedEnd < 0) return null;
  return { keyword, compressed, textStart: chunk.dataStart + translatedEnd + 1 };
}
