import * as z from 'zod/mini';
import {
  CONFLICT_DEFAULTS,
  CONFLICT_RULES,
  CONFLICT_STATUSES,
  DIRECTIONS,
  GOAL_DEFAULTS,
  GOAL_KINDS,
  GOAL_RULES,
  ID,
  INCENTIVE_DEFAULTS,
  INCENTIVE_KINDS,
  INCENTIVE_RULES,
  MAP_RULES,
  oneOfValues,
  perspectivesRecord,
  STAKEHOLDER_DEFAULTS,
  STAKEHOLDER_RULES,
  type FieldRule,
} from '../../domain/records';
import { err, ok, type Result } from '../../domain/result';
import { problem, type ImportProblem } from '../problems';
import { CURRENT_VERSION, FORMAT_NAME } from './format';
import { describeValue, formatPath } from '../../domain/paths';

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

/** A record's rule (domain/records) as a check, worded as the rule says. */
const keeps = <T>(rule: FieldRule<T>) => z.refine<T>(rule.holds, expecting(rule.expected));
/** A text field with a rule: a value of another type is told the rule's wording too. */
const ruledText = (rule: FieldRule<string>) =>
  z.string(expecting(rule.expected)).check(keeps(rule));

const text = z.string(expecting('a string'));
/** Free text a file leaves out is empty, as in a new record. */
const optionalText = z._default(text, '');
const id = ruledText(ID);
const finite = z.number(expecting('a number'));
const numberOrNull = z.nullable(z.number(expecting('a number or null')));
const list = <T extends z.ZodMiniType>(item: T) => z.array(item, expecting('a list'));
const object = <T extends z.core.$ZodLooseShape>(shape: T, expected = 'an object') =>
  z.object(shape, expecting(expected));
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, expecting(oneOfValues(values)));

const TIMESTAMP = 'an ISO 8601 date-time like "2026-01-01T00:00:00Z"';

const mapInfo = object({
  id,
  name: ruledText(MAP_RULES.name),
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
  title: ruledText(GOAL_RULES.title),
  kind: choice(GOAL_KINDS),
  description: optionalText,
  metric: z._default(z.nullable(metric), GOAL_DEFAULTS.metric),
  position: z._default(z.nullable(position), GOAL_DEFAULTS.position),
  owner: z._default(z.nullable(id), GOAL_DEFAULTS.owner),
});

const link = object({ id, from: id, to: id });

const stakeholder = object({
  id,
  name: ruledText(STAKEHOLDER_RULES.name),
  role: optionalText,
  team: optionalText,
  color: ruledText(STAKEHOLDER_RULES.color),
  notes: optionalText,
  position: z._default(z.nullable(position), STAKEHOLDER_DEFAULTS.position),
});

const incentive = object({
  id,
  stakeholderId: id,
  goalId: id,
  kind: choice(INCENTIVE_KINDS),
  weight: z._default(
    z
      .nullable(z.number(expecting(INCENTIVE_RULES.weight.expected)))
      .check(keeps(INCENTIVE_RULES.weight)),
    INCENTIVE_DEFAULTS.weight,
  ),
  note: optionalText,
});

const isRecord = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Texts keyed by stakeholder id. Not z.record: it drops a "__proto__" key without a word, and
 * that is an id like any other. The result has a null prototype, so every key is its own.
 */
const perspectives = z.pipe(
  z.custom<object>(isRecord, expecting('an object of texts keyed by stakeholder id')),
  z.transform((input: object, ctx) => {
    const entries: [string, string][] = [];
    for (const key of Object.keys(input)) {
      const value: unknown = Reflect.get(input, key);
      if (typeof value === 'string') entries.push([key, value]);
      else
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: mismatch('a text', value),
          path: [key],
        });
    }
    return perspectivesRecord(entries);
  }),
);

const conflict = object({
  id,
  title: ruledText(CONFLICT_RULES.title),
  parties: z
    .array(id, expecting(CONFLICT_RULES.parties.expected))
    .check(keeps(CONFLICT_RULES.parties)),
  status: z._default(choice(CONFLICT_STATUSES), CONFLICT_DEFAULTS.status),
  perspectives: z._default(perspectives, () => perspectivesRecord([])),
  agreedGoalId: z._default(z.nullable(id), CONFLICT_DEFAULTS.agreedGoalId),
  notes: optionalText,
});

/** Version 2: two goals that pull against each other (symmetric; never climbed). */
const tradeOff = object({ id, a: id, b: id, note: optionalText });

/** Version 2: `from` reports to `to`. */
const reportingLine = object({ id, from: id, to: id });

const anyItems = list(z.unknown());

/** The file without its lists' items: the type tag, the version, the map's own fields. */
const mapFileShell = object({
  format: z.literal(FORMAT_NAME, expecting(JSON.stringify(FORMAT_NAME))),
  version: z.literal(CURRENT_VERSION, expecting(String(CURRENT_VERSION))),
  map: mapInfo,
  goals: anyItems,
  links: anyItems,
  stakeholders: anyItems,
  incentives: anyItems,
  conflicts: anyItems,
  // Added in version 2; a file that leaves them out has none.
  tradeOffs: z._default(anyItems, () => []),
  reportingLines: z._default(anyItems, () => []),
});

/**
 * The current file format (version 2) as plain JSON data: the public contract (the
 * README), defaults filled. Older versions reach this shape through migrations.ts.
 */
export type MapFile = Omit<
  z.output<typeof mapFileShell>,
  'goals' | 'links' | 'stakeholders' | 'incentives' | 'conflicts' | 'tradeOffs' | 'reportingLines'
> & {
  readonly goals: z.output<typeof goal>[];
  readonly links: z.output<typeof link>[];
  readonly stakeholders: z.output<typeof stakeholder>[];
  readonly incentives: z.output<typeof incentive>[];
  readonly conflicts: z.output<typeof conflict>[];
  readonly tradeOffs: z.output<typeof tradeOff>[];
  readonly reportingLines: z.output<typeof reportingLine>[];
};

const LAST_RESORT = {
  error: (issue: { readonly input?: unknown }) => mismatch('a valid value', issue.input),
};

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

function report(
  problems: ImportProblem[],
  issues: readonly Issue[],
  prefix: readonly PropertyKey[],
): void {
  for (const issue of issues)
    problems.push(problem(formatPath([...prefix, ...issue.path]), issue.message));
}

/**
 * Structural validation: every problem in the file, each with its location. Items are checked one
 * at a time: the validator gathers a list's issues by spreading them into one call, which
 * overflows the stack at about 120,000 (a list of 150,000 zeros).
 */
export function validateFile(data: unknown): Result<MapFile, ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const shell = mapFileShell.safeParse(data, LAST_RESORT);
  const shellIssues = shell.success ? [] : shell.error.issues;
  // In reading order: the header and the map first, then each list's own problems.
  const issuesAt = (key: string) => shellIssues.filter((issue) => issue.path[0] === key);
  for (const key of ['format', 'version', 'map']) report(problems, issuesAt(key), []);
  const checkList = <T extends z.ZodMiniType>(key: string, schema: T): z.output<T>[] => {
    report(problems, issuesAt(key), []);
    return checkItems(data, key, schema, problems);
  };
  const lists = {
    goals: checkList('goals', goal),
    links: checkList('links', link),
    stakeholders: checkList('stakeholders', stakeholder),
    incentives: checkList('incentives', incentive),
    conflicts: checkList('conflicts', conflict),
    tradeOffs: checkList('tradeOffs', tradeOff),
    reportingLines: checkList('reportingLines', reportingLine),
  };
  // Not an object at all: the one issue has no path.
  report(
    problems,
    shellIssues.filter((issue) => issue.path.length === 0),
    [],
  );
  if (!shell.success || problems.length > 0) return err(problems);
  return ok({ ...shell.data, ...lists });
}

/** The valid items of one list; the problems of the others go to `problems`. */
function checkItems<T extends z.ZodMiniType>(
  data: unknown,
  key: string,
  schema: T,
  problems: ImportProblem[],
): z.output<T>[] {
  const given: unknown = isRecord(data) ? Reflect.get(data, key) : undefined;
  const out: z.output<T>[] = [];
  if (!Array.isArray(given)) return out;
  given.forEach((item: unknown, i) => {
    const parsed = validateRecord(schema, item, [key, i]);
    if (parsed.ok) out.push(parsed.value);
    else problems.push(...parsed.error);
  });
  return out;
}

/** The schema of each record, by the list it sits in; `map` is the map's own fields. */
export const RECORD_SCHEMAS = {
  map: mapInfo,
  goals: goal,
  links: link,
  stakeholders: stakeholder,
  incentives: incentive,
  conflicts: conflict,
  tradeOffs: tradeOff,
  reportingLines: reportingLine,
};

/**
 * One record checked on its own, as validateFile checks it inside a file (same rules, same
 * wording, defaults filled), for data that arrives a record at a time: a room's records. `at` is
 * where the record sits, so problems read `goals["g 1"].title`.
 */
export function validateRecord<T extends z.ZodMiniType>(
  schema: T,
  data: unknown,
  at: readonly PropertyKey[],
): Result<z.output<T>, ImportProblem[]> {
  const parsed = schema.safeParse(data, LAST_RESORT);
  if (parsed.success) return ok(parsed.data);
  const problems: ImportProblem[] = [];
  report(problems, parsed.error.issues, at);
  return err(problems);
}
