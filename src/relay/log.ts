/**
 * The relay's log: one JSON object per line, so a team can grep or ship it. Nothing a client sends
 * as a credential is ever a field here; callers pass room names, roles, reasons and counts only.
 */
export type LogFields = Readonly<Record<string, string | number | boolean>>;

export type RelayLog = (event: string, fields?: LogFields) => void;

/** A log that writes each event as one JSON line through `write` (stdout for the CLI). */
export function jsonLineLog(write: (line: string) => void): RelayLog {
  return (event, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
  };
}
