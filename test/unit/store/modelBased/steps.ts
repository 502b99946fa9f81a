import type fc from 'fast-check';
import { expect } from 'vitest';
import { renameMap } from '../../../../src/domain/commands';
import { AppPage } from './appPage';
import type { Reference } from './reference';
import { verifyOpenMap, verifyReopened, verifyStorage, type Real } from './verify';

/** Steps several commands share. */

export type ModelCommand = fc.AsyncCommand<Reference, Real>;

/** A command that may write: it runs, then the reference is told, then everything is compared. */
export abstract class Flow implements ModelCommand {
  check(): boolean {
    return true;
  }

  async run(model: Reference, real: Real): Promise<void> {
    await this.act(model, real);
    verifyOpenMap(model, real);
    await verifyStorage(model, real);
  }

  protected abstract act(model: Reference, real: Real): Promise<void>;
  abstract toString(): string;
}

/** An edit that surely changes the open map (so a save is surely pending): a rename. */
export function renameSurely(model: Reference, real: Real): void {
  const name = model.current.map.name === 'Draft A' ? 'Draft B' : 'Draft A';
  model.edit(renameMap(model.current, name));
  expect(
    real.page.apply((doc) => renameMap(doc, name)),
    name,
  ).toBeNull();
}

/**
 * The page dies as it is and a new one boots on the same disk: only what was written survives,
 * the last-opened map reopens with fresh history, exactly as stored.
 */
export async function crashAndReopen(model: Reference, real: Real): Promise<void> {
  real.page.crash();
  real.page = await AppPage.open(real.disk);
  model.open(model.openId);
  await verifyReopened(real);
}
