/**
 * The rules a record's fields keep, each written once and worded for both audiences: the file
 * reader ("goals[3].title: expected a non-empty string, got "   "") and the person editing ("A goal
 * needs a title."). The importer's schema, the invariants and the commands all read them, so a
 * record one of them accepts the others accept too.
 */
export interface FieldRule<T> {
  readonly holds: (value: T) => boolean;
  /** What the field must hold, as an importer says it: "expected <this>, got …". */
  readonly expected: string;
  /** Why an edit that breaks the rule is refused, said to the person editing. */
  readonly refusal: string | ((value: T) => string);
}

/** A record's rules by field; fields without a rule take any value of their type. */
export type RecordRules<R> = { readonly [K in keyof R]?: FieldRule<R[K]> };

/** A field that breaks its rule, at `field` ("title", "metric.current"). */
export interface BrokenRule {
  readonly field: string;
  readonly value: unknown;
  readonly expected: string;
  readonly refusal: string;
}

const NONE: readonly BrokenRule[] = [];

/**
 * Every field of `record` that breaks its rule, in the order the rules are listed. Runs for every
 * record of every import and save, so a record that keeps its rules allocates nothing.
 */
export function brokenRules<R extends object>(
  record: R,
  rules: RecordRules<R>,
  prefix = '',
): readonly BrokenRule[] {
  let broken: BrokenRule[] | null = null;
  for (const key in rules) {
    const rule = rules[key];
    const value = record[key];
    if (rule !== undefined && !rule.holds(value)) {
      broken ??= [];
      broken.push({
        field: `${prefix}${key}`,
        value,
        expected: rule.expected,
        refusal: typeof rule.refusal === 'string' ? rule.refusal : rule.refusal(value),
      });
    }
  }
  return broken ?? NONE;
}

/** Whitespace only counts as nothing: a title of spaces names nothing a person can read. */
export const isBlank = (text: string): boolean => text.trim() === '';

/** Titles and names: stored as typed (trimming would eat a space typed mid-edit), never blank. */
export const nonBlank = (refusal: string): FieldRule<string> => ({
  holds: (text) => !isBlank(text),
  expected: 'a non-empty string',
  refusal,
});

/** Ids are any non-empty string (the file format's contract); references use the same rule. */
export const ID: FieldRule<string> = {
  holds: (id) => id !== '',
  expected: 'a non-empty id',
  refusal: 'An id cannot be empty.',
};

/** How a file is told the values a field may take: `one of "up", "down"`. */
export const oneOfValues = (values: readonly string[]): string =>
  `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

export const oneOf = <T extends string>(
  values: readonly T[],
  refusal: (value: string) => string,
): FieldRule<T> => ({
  // Typed callers cannot pass another value, but a form's <select> or a script can.
  holds: (value) => (values as readonly string[]).includes(value),
  expected: oneOfValues(values),
  refusal,
});

/** A number that nobody has given yet is null; NaN and Infinity are never a figure. */
export const finiteOrNull = (refusal: string): FieldRule<number | null> => ({
  holds: (value) => value === null || Number.isFinite(value),
  expected: 'a number or null',
  refusal,
});
