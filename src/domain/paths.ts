const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a location the way people read it in the file: `goals[3].metric.target`. The one way
 * every problem's place is written (importer and invariants alike): a key that reads as a name
 * follows a dot, any other key (an id with a space, a dot or a quote) is quoted in brackets.
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += IDENTIFIER.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
