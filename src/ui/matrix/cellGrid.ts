import { useEffect, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { AlignmentMatrix } from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';
import { moveCell, type CellPosition } from './matrixView';

/** Rows drawn in the first frame (a screenful and more); the rest follow a chunk per frame. */
const FIRST_ROWS = 24;
const ROWS_PER_FRAME = 20;

/**
 * How many rows to draw: all of a small matrix at once; a big one a screenful first, so the
 * matrix appears at once, then the rest in the frames after it.
 */
function useRowsDrawn(total: number): number {
  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => {
    if (drawn >= total) return;
    // After the next paint, so what is already drawn shows first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn((d) => d + ROWS_PER_FRAME));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, total]);
  return Math.min(drawn, total);
}

/** The body cell an event happened in; the row header is cell 0, so columns start at 1. */
function positionOf(target: EventTarget): CellPosition | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('td');
  const row = cell?.parentElement;
  if (!cell || !(row instanceof HTMLTableRowElement) || row.parentElement?.tagName !== 'TBODY') {
    return null;
  }
  return { row: row.sectionRowIndex, col: cell.cellIndex - 1 };
}

function cellButton(table: HTMLTableElement, c: CellPosition): HTMLElement | null {
  return table.tBodies[0]?.rows[c.row]?.cells[c.col + 1]?.querySelector('[role="button"]') ?? null;
}

export interface CellGridInput {
  readonly matrix: AlignmentMatrix;
  /** Positions into matrix.stakeholders, in the order shown. */
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly onOpenPair: (a: StakeholderId, b: StakeholderId) => void;
}

/**
 * The cells as one keyboard grid, with every handler delegated to the table: only the active
 * cell is in the tab order (a roving tabindex), arrows move, Enter or Space opens the pair.
 * Also tracks the pointed-at cell (hovered or focused) for the readout.
 */
export function useCellGrid({ matrix, rows, columns, onOpenPair }: CellGridInput) {
  const drawn = useRowsDrawn(rows.length);
  const isSelf = (c: CellPosition) => rows[c.row] === columns[c.col];
  const first: CellPosition = {
    row: 0,
    col: columns.length > 1 && isSelf({ row: 0, col: 0 }) ? 1 : 0,
  };
  const [active, setActive] = useState<CellPosition>(first);
  const [pointed, setPointed] = useState<CellPosition | null>(null);
  const open = (c: CellPosition) => {
    const [a, b] = [rows[c.row], columns[c.col]].map((k) =>
      k === undefined ? undefined : matrix.stakeholders[k],
    );
    if (a !== undefined && b !== undefined && a !== b) onOpenPair(a, b);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const at = positionOf(e.target);
    if (!at) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(at);
      return;
    }
    const next = moveCell(at, e.key, { rows: drawn, cols: columns.length }, isSelf);
    if (!next) return;
    e.preventDefault();
    setActive(next);
    cellButton(e.currentTarget, next)?.focus();
  };
  return {
    drawn,
    active: active.row < drawn && active.col < columns.length ? active : first,
    pointed,
    handlers: {
      onKeyDown,
      onClick: (e: MouseEvent) => {
        const at = positionOf(e.target);
        if (at) open(at);
      },
      onFocus: (e: FocusEvent) => {
        const at = positionOf(e.target);
        if (at) setActive(at);
        setPointed(at);
      },
      onMouseOver: (e: MouseEvent) => setPointed(positionOf(e.target)),
      onMouseLeave: () => setPointed(null),
    },
  };
}
