import type { FieldRule } from './rules';

/** Where a goal or a person sits on the canvas once placed. */
export interface Position {
  readonly x: number;
  readonly y: number;
  /** A pinned goal keeps this position when auto layout runs again. */
  readonly pinned: boolean;
}

export const isFinitePosition = (position: Position): boolean =>
  Number.isFinite(position.x) && Number.isFinite(position.y);

/** Null: not placed yet, auto layout decides. */
export const POSITION = {
  holds: (position) => position === null || isFinitePosition(position),
  expected: 'finite x and y, or null',
  refusal: 'A position needs finite coordinates.',
} satisfies FieldRule<Position | null>;
