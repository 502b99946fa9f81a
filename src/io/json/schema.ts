import * as z from 'zod/mini';
import { CONFLICT_STATUSES, DIRECTIONS, GOAL_KINDS, INCENTIVE_KINDS } from '../../domain/model';
import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { CURRENT_VERSION, FORMAT_NAME } from './format';
import { describeValue, formatPath } from './paths';

// No schema compilation through `new Function`: the app's Content-Security-Policy forbids eval,
// and zod's probe for it would itself be reported as a violation.
z.config({ jitless: true });

/** Our own wording for every rejected value, so no zod vocabulary reaches the user. */
function mismatch(expected: string, input: unknown): string {
  if (input === undefined) return 'missing';
  // JSON.parse turns 1e309 into Infinity; the file held a number too big to represent.
  if (input === Infinity || input === -Infinity) return 'number out of range';
  return `expected ${expected}, got ${describeValue(input)}`;
}

const expecting = (expected: string) => ({
  error: (issue: { readonly input?: unknown }) => mismatch(expected, issue.input),
});

const oneOf = (values: readonly string[]): string =>
  `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

const text = z.string(expecting('a string'));
const optionalText = z._default(text, '');
const nonEmpty = (expected = 'a non-empty string') =>
  z.string(expecting(expected)).check(z.minLength(1, expecting(expected)));
const id = nonEmpty('a non-empty id');
const finite = z.number(expecting('a number'));
const numberOrNull = z.nullable(z.number(expecting('a number or null')));
const list = <T extends z.ZodMiniType>(item: T) => z.array(item, expecting('a list'));
const object = <T extends z.core.$ZodLooseShape>(shape: T, expected = 'an object') =>
  z.object(shape, expecting(expected));
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, expecting(oneOf(values)));

const COLOUR = 'a colour like "#d9480f"';
const TIMESTAMP = 'an ISO 8601 date-time like "2026-01-01T00:00:00Z"';
const WEIGHT = 'a number from 0 to 1, or null';
const PARTIES = 'a list of at least 2 stakeholder ids';

const mapInfo = object({
  id,
  name: nonEmpty(),
  description: optionalText,
  createdAt: z.iso.datetime({ offset: true, ...expecting(TIMESTAMP) }),
  updatedAt: z.iso.datetime({ offset: true, ...expecting(TIMESTAMP) }),
});

const metric = object(
  { unit: text, current: numberOrNull, target: numberOrNull, direction: choice(DIRECTIONS) },
  'an object or null',
);

const position = object(
  { x: finite, y: finite, pinned: z.boolean(expecting('true or false')) },
  'an object or null',
);

const goal = object({
  id,
  title: nonEmpty(),
  kind: choice(GOAL_KINDS),
  description: optionalText,
  metric: z._default(z.nullable(metric), null),
  position: z._default(z.nullable(position), null),
  owner: z._default(z.nullable(id), null),
});

const link = object({ id, from: id, to: id });

const stakeholder = object({
  id,
  name: nonEmpty(),
  role: optionalText,
  team: optionalText,
  color: z.string(expecting(COLOUR)).check(z.regex(/^#[0-9a-fA-F]{6}$/, expecting(COLOUR))),
  notes: optionalText,
  position: z._default(z.nullable(position), null),
});

const incentive = object({
  id,
  stakeholderId: id,
  goalId: id,
  kind: choice(INCENTIVE_KINDS),
  weight: z._default(
    z.nullable(
      z.number(expecting(WEIGHT)).check(z.gte(0, expecting(WEIGHT)), z.lte(1, expecting(WEIGHT))),
    ),
    null,
  ),
  note: optionalText,
});

const conflict = object({
  id,
  title: nonEmpty(),
  parties: z.array(id, expecting(PARTIES)).check(z.minLength(2, expecting(PARTIES))),
  status: z._default(choice(CONFLICT_STATUSES), 'open'),
  perspectives: z._default(
    z.record(z.string(), text, expecting('an object of texts keyed by stakeholder id')),
    () => ({}),
  ),
  agreedGoalId: z._default(z.nullable(id), null),
  notes: optionalText,
});

/** Version 2: two goals that pull against each other (symmetric; never climbed). */
const tradeOff = object({ id, a: id, b: id, note: optionalText });

/** Version 2: `from` reports to `to`. */
const reportingLine = object({ id, from: id, to: id });

const mapFile = object({
  format: z.literal(FORMAT_NAME, expecting(JSON.stringify(FORMAT_NAME))),
  version: z.literal(CURRENT_VERSION, expecting(String(CURRENT_VERSION))),
  map: mapInfo,
  goals: list(goal),
  links: list(link),
  stakeholders: list(stakeholder),
  incentives: list(incentive),
  conflicts: list(conflict),
  tradeOffs: z._default(list(tradeOff), () => []),
  reportingLines: z._default(list(reportingLine), () => []),
});

/**
 * The current file format (version 2) as plain JSON data: the public contract (PRODUCT.md and the
 * README), defaults filled. Older versions reach this shape through migrations.ts.
 */
export type MapFile = z.output<typeof mapFile>;

/** Structural validation: every problem in the file, each with its location. */
export function validateFile(data: unknown): Result<MapFile, ImportProblem[]> {
  const parsed = mapFile.safeParse(data, {
    error: (issue) => mismatch('a valid value', issue.input),
  });
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => problem(formatPath(issue.path), issue.message)));
}
