/**
 * A PNG export carries the map's JSON in an iTXt chunk, so dropping the picture back into the
 * app reopens the map. Only bytes in and out here; drawing the picture is the browser's job.
 */
import { err, ok, type Result } from '../../domain/result';
import { importMapJson, type ImportedMap } from '../json';
import { problem, type ImportProblem } from '../problems';
import {
  buildChunk,
  buildITxtData,
  hasPngSignature,
  hasValidCrc,
  readChunk,
  readITxtHeader,
  type Chunk,
} from './chunks';

/** The iTXt keyword our map travels under. */
export const MAP_KEYWORD = 'common-ground';

export const NOT_A_PNG = 'not a PNG file';
export const NO_MAP_INSIDE =
  'PNG has no Common Ground map inside (was it exported from Common Ground?)';
export const damagedAt = (offset: number): string =>
  `PNG is truncated or damaged at byte ${offset}`;

/**
 * `png` with `json` in an uncompressed iTXt chunk just before IEND; a map chunk already there is
 * replaced. Throws on bytes that are not a well-formed PNG: callers pass a canvas's own output,
 * so that would be a bug, not a user's file.
 */
export function embedMapInPng(png: Uint8Array, json: string): Uint8Array {
  const chunks = listChunks(png);
  if (!chunks.ok) throw new Error(chunks.error[0]?.message ?? NOT_A_PNG);
  const iend = chunks.value.find((c) => c.type === 'IEND');
  if (iend === undefined) throw new Error(damagedAt(png.length));
  const kept = chunks.value.filter((c) => c.type !== 'IEND' && !isMapChunk(png, c));
  const mapChunk = buildChunk('iTXt', buildITxtData(MAP_KEYWORD, json));
  const size =
    8 + kept.reduce((n, c) => n + c.end - c.start, 0) + mapChunk.length + iend.end - iend.start;
  const out = new Uint8Array(size);
  out.set(png.subarray(0, 8), 0);
  let at = 8;
  for (const chunk of kept) {
    out.set(png.subarray(chunk.start, chunk.end), at);
    at += chunk.end - chunk.start;
  }
  out.set(mapChunk, at);
  out.set(png.subarray(iend.start, iend.end), at + mapChunk.length);
  return out;
}

/** The map JSON a PNG carries. Never throws, whatever the bytes. */
export function extractMapFromPng(bytes: Uint8Array): Result<string, ImportProblem[]> {
  const chunks = listChunks(bytes);
  if (!chunks.ok) return chunks;
  const mapChunk = chunks.value.find((c) => isMapChunk(bytes, c));
  return mapChunk === undefined ? err([problem('', NO_MAP_INSIDE)]) : readMapText(bytes, mapChunk);
}

/** A PNG file → map document: the embedded JSON goes through the JSON importer's checks. */
export function importMapPng(bytes: Uint8Array): Result<ImportedMap, readonly ImportProblem[]> {
  const json = extractMapFromPng(bytes);
  return json.ok ? importMapJson(json.value) : json;
}

/** Every chunk up to and including IEND, or the problem that stopped the walk. */
function listChunks(bytes: Uint8Array): Result<Chunk[], ImportProblem[]> {
  if (!hasPngSignature(bytes)) return err([problem('', NOT_A_PNG)]);
  const chunks: Chunk[] = [];
  for (let at = 8; ;) {
    const chunk = readChunk(bytes, at);
    if (!chunk.ok) return err([problem('', damagedAt(chunk.error))]);
    chunks.push(chunk.value);
    if (chunk.value.type === 'IEND') return ok(chunks);
    at = chunk.value.end;
  }
}

function isMapChunk(bytes: Uint8Array, chunk: Chunk): boolean {
  return chunk.type === 'iTXt' && readITxtHeader(bytes, chunk)?.keyword === MAP_KEYWORD;
}

function readMapText(bytes: Uint8Array, chunk: Chunk): Result<string, ImportProblem[]> {
  const header = readITxtHeader(bytes, chunk);
  if (header === null || !hasValidCrc(bytes, chunk)) {
    return err([problem('', damagedAt(chunk.start))]);
  }
  if (header.compressed) {
    return err([
      problem('', 'the map inside this PNG is compressed, which Common Ground does not read'),
    ]);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(header.textStart, chunk.dataStart + chunk.length),
    );
    return ok(text);
  } catch {
    return err([problem('', damagedAt(header.textStart))]);
  }
}
