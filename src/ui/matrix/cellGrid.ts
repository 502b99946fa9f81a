import { useEffect, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { AlignmentMatrix } from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';
import { moveCell, type CellPosition } from './matrixView';

/**
 * The first frame draws a screenful (24 rows of 48 columns fill a 1920×1080 window); the frames
 * after it complete the columns, then add rows in chunks.
 */
const FIRST_ROWS = 24;
const FIRST_COLUMNS = 48;
const ROWS_PER_FRAME = 20;

/** How much of the grid is drawn so far. */
export interface Drawn {
  readonly rows: number;
  readonly cols: number;
}

/**
 * All of a small matrix at once; a big one a screenful first, so it appears at once, then the
 * rest in the frames after it.
 */
function useDrawn(totalRows: number, totalCols: number): Drawn {
  const [drawn, setDrawn] = useState<Drawn>({ rows: FIRST_ROWS, cols: FIRST_COLUMNS });
  const done = drawn.rows >= totalRows && drawn.cols >= totalCols;
  useEffect(() => {
    if (done) return;
    // After the next paint, so what is already drawn shows first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        setDrawn((d) =>
          d.cols < totalCols ? { ...d, cols: totalCols } : { ...d, rows: d.rows + ROWS_PER_FRAME },
        );
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [done, drawn, totalCols]);
  return { rows: Math.min(drawn.rows, totalRows), cols: Math.min(drawn.cols, totalCols) };
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
  const drawn = useDrawn(rows.length, columns.length);
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
    const next = moveCell(at, e.key, drawn, isSelf);
    if (!next) return;
    e.preventDefault();
    setActive(next);
    cellButton(e.currentTarget, next)?.focus();
  };
  return {
    drawn,
    active: active.row < drawn.rows && active.col < drawn.cols ? active : first,
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
