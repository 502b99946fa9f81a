/**
 * `npm run analyze -- <map.json>`: prints, as JSON, the nearest common goal of every conflict in a
 * map file and the alignment matrix of all its stakeholders. Exit codes: 0 done, 1 the file is
 * not a valid map (each problem on stderr), 2 a usage error or the file cannot be read.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, err, ok, type Result } from '../domain/result';
import { MAX_FILE_MB, readImportFile } from '../io/importFile';
import type { ImportedMap } from '../io/json';
import { MAX_TEXT_MB } from '../io/json/format';
import { formatProblemLine, MAX_PROBLEMS, problem, type ImportProblem } from '../io/problems';
import { analyzeMap, MAX_MATRIX_STAKEHOLDERS } from './analysis';
import { formatAnalysis } from './analysisText';
import { readFileBytes, type FileBytes } from './readFileBytes';

/** Where the CLI reads and writes, so tests can drive it without a terminal. */
export interface CliIo {
  readonly readBytes: (file: string) => Promise<FileBytes>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const USAGE = 'usage: npm run analyze -- <map.json>   (--help for more)';

export const HELP = `usage: npm run analyze -- <map.json>

Prints, as one JSON document on stdout, the nearest common goal of every conflict in a Common
Ground map (a JSON file, or a PNG exported by the app) and the alignment matrix of its people.

Limits: a file over ${MAX_FILE_MB} MB is refused before it is read, a map's JSON text over
${MAX_TEXT_MB} MB before it is parsed (an exported map of about 80,000 goals with their links).
The matrix is written for up to ${MAX_MATRIX_STAKEHOLDERS.toLocaleString('en-US')} stakeholders; beyond that it is left out
with a note ("matrixOmitted"). At most ${MAX_PROBLEMS} problems are listed, then how many more.

Exit codes:
  0  done
  1  the file is not a valid map, or is over the size limit; each problem on stderr
     as <file>: <where>: <what>
  2  no file given, more than one, an unknown option, or the file cannot be read
     (missing, a directory, a named pipe or device)`;

/** The one map file named on the command line, or the exit code that ends the run at once. */
function parseArgs(args: readonly string[], io: CliIo): string | number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  const option = args.find((a) => a.startsWith('-') && a !== '-');
  if (option !== undefined) {
    io.err(`unknown option ${option}\n${USAGE}`);
    return 2;
  }
  const [file, ...more] = args;
  if (file === undefined || file === '') {
    io.err(USAGE);
    return 2;
  }
  if (more.length > 0) {
    io.err(`one map file at a time; also given: ${more.join(' ')}\n${USAGE}`);
    return 2;
  }
  return file;
}

/** Runs the command and returns its exit code. */
export async function runAnalyze(args: readonly string[], io: CliIo): Promise<number> {
  const file = parseArgs(args, io);
  if (typeof file === 'number') return file;
  const read = await io.readBytes(file);
  if (read.status === 'unreadable') {
    io.err(`${file}: cannot read the file (${read.reason})`);
    return 2;
  }
  const doc = read.status === 'read' ? readMap(file, read.bytes) : err([read.problem]);
  if (!doc.ok) {
    for (const problem of doc.error) io.err(`${file}: ${formatProblemLine(problem)}`);
    return 1;
  }
  for (const warning of doc.value.warnings)
    io.err(`${file}: warning: ${formatProblemLine(warning)}`);
  io.out(formatAnalysis(analyzeMap(doc.value.doc)));
  return 0;
}

/** The app's own reader: the same verdict on the same bytes, PNG and UTF-8 checks included. */
function readMap(file: string, bytes: Uint8Array): Result<ImportedMap, readonly ImportProblem[]> {
  const read = readImportFile(file, bytes);
  if (!read.ok) return read;
  if (read.value.kind === 'csv') {
    return err([
      problem(
        '',
        'this is a CSV of goals, not a map; import it in the app and export the map as JSON',
      ),
    ]);
  }
  return ok({ doc: read.value.doc, warnings: read.value.warnings });
}

const invokedDirectly = resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.exitCode = await runAnalyze(process.argv.slice(2), {
      readBytes: (file) => readFileBytes(file),
      out: (text) => console.log(text),
      err: (text) => console.error(text),
    });
  } catch (error) {
    // A last resort, never expected: one line instead of a stack trace.
    console.error(`cannot analyse the file (${describeError(error)})`);
    process.exitCode = 2;
  }
}
