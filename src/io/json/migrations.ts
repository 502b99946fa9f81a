import { err, ok, type Result } from '../../domain/result';
import { CURRENT_VERSION } from './format';
import { V1_TO_V2 } from './migrateV1';

/** Turns file data of version `from` into version `to` (always from + 1). */
export interface Migration {
  readonly from: number;
  readonly to: number;
  /** Receives data already checked for the type tag and hostile keys; returns the next version's shape, `version` included. */
  up(data: unknown): unknown;
}

/**
 * Every step from version 1 to CURRENT_VERSION, in order. A meta-test keeps it contiguous and
 * ending at CURRENT_VERSION, and every past version keeps a frozen fixture under test/fixtures/v<N>/.
 */
export const MIGRATIONS: readonly Migration[] = [V1_TO_V2];

/** Applies the steps from `fromVersion` up to `toVersion`; the list is a parameter so tests can inject one. */
export function migrate(
  data: unknown,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
  toVersion: number = CURRENT_VERSION,
): Result<unknown, string> {
  let version = fromVersion;
  let current = data;
  while (version < toVersion) {
    const step = migrations.find((m) => m.from === version);
    if (step === undefined || step.to !== version + 1) {
      return err(
        `cannot convert a version ${version} file: no migration to version ${version + 1}`,
      );
    }
    current = step.up(current);
    version = step.to;
  }
  return ok(current);
}
