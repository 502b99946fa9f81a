/** Commands and imports return a value or a typed error; they never throw for user input. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});

/** What a caught error says, for a sentence shown to the user (anything may be thrown). */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
