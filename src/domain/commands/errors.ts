import type { GoalId } from '../ids';
import type { MapDocument } from '../model';
import type { Result } from '../result';

/** The record types a command can look up or refuse to duplicate. */
export type RecordKind =
  'goal' | 'link' | 'stakeholder' | 'incentive' | 'conflict' | 'trade-off' | 'reporting line';

/**
 * Why a command refused. Every variant carries a `message` written for the person editing the
 * map (goals named by title), plus the data a UI needs to point at the problem.
 */
export type CommandError =
  | {
      readonly code: 'not-found';
      readonly record: RecordKind;
      readonly id: string;
      readonly message: string;
    }
  | {
      readonly code: 'duplicate';
      readonly record: RecordKind;
      /** The record that already exists (same id, or the same link or incentive). */
      readonly existingId: string;
      readonly message: string;
    }
  | {
      readonly code: 'cycle';
      /** The cycle the edit would close: first goal repeated at the end. */
      readonly goals: readonly GoalId[];
      readonly message: string;
    }
  | { readonly code: 'invalid'; readonly field: string; readonly message: string };

export type CommandResult = Result<MapDocument, CommandError>;

/** A failed CommandResult; validators return one or null. */
export interface Refusal {
  readonly ok: false;
  readonly error: CommandError;
}

const refuse = (error: CommandError): Refusal => ({ ok: false, error });

export const notFound = (
  record: RecordKind,
  id: string,
  message = `There is no ${record} "${id}".`,
): Refusal => refuse({ code: 'not-found', record, id, message });

export const duplicate = (record: RecordKind, existingId: string, message: string): Refusal =>
  refuse({ code: 'duplicate', record, existingId, message });

export const duplicateId = (record: RecordKind, id: string): Refusal =>
  duplicate(record, id, `There is already a ${record} with id "${id}".`);

export const invalid = (field: string, message: string): Refusal =>
  refuse({ code: 'invalid', field, message });

export const cycle = (goals: readonly GoalId[], message: string): Refusal =>
  refuse({ code: 'cycle', goals, message });
