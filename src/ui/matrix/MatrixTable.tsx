import { memo, useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AlignmentMatrix } from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';
import type { Stakeholder } from '../../domain/model';
import type { Names } from '../explain';
import {
  cellLabel,
  climbText,
  heatLevel,
  moveCell,
  type CellPosition,
  type ColumnSort,
} from './matrixView';

export interface MatrixTableProps {
  readonly matrix: AlignmentMatrix;
  readonly people: ReadonlyMap<StakeholderId, Stakeholder>;
  readonly names: Names;
  /** Stakeholders who hold no incentive: their cells say so instead of only "no common goal". */
  readonly withoutIncentives: ReadonlySet<string>;
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly largest: number;
  readonly columnSort: ColumnSort | null;
  readonly onSortColumn: (column: StakeholderId) => void;
  readonly onOpenPair: (a: StakeholderId, b: StakeholderId) => void;
}

/** Cell sizes in CSS pixels: the fixed table layout takes every column width from here. */
const ROOMY = { rowHeader: 200, cell: 96 } as const;
const COMPACT = { rowHeader: 180, cell: 30 } as const;
const SPACING = 3;
/** Up to 12 people fit with full-size cells; more get compact cells so 100 stay usable. */
const ROOMY_UP_TO = 12;
/** Rows drawn in the first frame (a screenful and more); the rest follow a chunk per frame. */
const FIRST_ROWS = 24;
const ROWS_PER_FRAME = 20;

/**
 * How many rows to draw: all of a small matrix at once; a big one a screenful first, so the
 * matrix appears at once, then the rest in following frames.
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

/** What every row needs and nothing that changes when focus moves, so rows can be memoised. */
interface RowContext {
  readonly matrix: AlignmentMatrix;
  readonly names: Names;
  readonly withoutIncentives: ReadonlySet<string>;
  readonly largest: number;
  readonly columns: readonly number[];
  readonly people: ReadonlyMap<StakeholderId, Stakeholder>;
}

function PersonName({ person }: { person: Stakeholder | undefined }) {
  return (
    <>
      <span className="cg-swatch" style={{ background: person?.color }} aria-hidden="true" />
      <span className="cg-matrix__name">{person?.name ?? ''}</span>
    </>
  );
}

function cellText(ctx: RowContext, i: number, j: number, a: StakeholderId, b: StakeholderId) {
  const { matrix, names } = ctx;
  const climb = matrix.climbs[i]?.[j] ?? Infinity;
  const goal = matrix.nearest[i]?.[j] ?? null;
  const label = cellLabel({
    a: names.party(a),
    b: names.party(b),
    climb,
    goal: goal === null ? null : names.goal(goal),
    withoutIncentives: [a, b]
      .filter((p) => ctx.withoutIncentives.has(p))
      .map((p) => names.party(p)),
  });
  return { label, text: climbText(climb), level: heatLevel(climb, ctx.largest) };
}

/**
 * One row. Each cell holds an inline element with role="button" rather than a <button>: ten
 * thousand form controls (or block boxes) take seconds to lay out, inline text does not; the whole
 * cell takes the click. Cells carry no data attributes or titles: a cell's place is its row and
 * cell index, and its name is shown in the readout above the table. Only the active cell is in
 * the tab order (a roving tabindex); arrow keys move between cells (handled on the table).
 */
const Row = memo(function Row({
  ctx,
  index,
  activeCol,
}: {
  ctx: RowContext;
  /** The row's stakeholder, as a position in matrix.stakeholders. */
  index: number;
  activeCol: number | null;
}) {
  const a = ctx.matrix.stakeholders[index];
  if (a === undefined) return null;
  return (
    <tr>
      <th scope="row" className="cg-matrix__row">
        <PersonName person={ctx.people.get(a)} />
      </th>
      {ctx.columns.map((j, col) => {
        const b = ctx.matrix.stakeholders[j];
        if (b === undefined) return null;
        if (j === index) {
          return (
            <td key={b} className="cg-matrix__self">
              –
            </td>
          );
        }
        const { label, text, level } = cellText(ctx, index, j, a, b);
        return (
          <td key={b} className={`cg-heat-${level ?? 'none'}`}>
            <span role="button" tabIndex={activeCol === col ? 0 : -1} aria-label={label}>
              {text}
            </span>
          </td>
        );
      })}
    </tr>
  );
});

/** The name of the cell at `at` (rows in displayed order), for the readout. */
function readoutOf(ctx: RowContext, rows: readonly number[], at: CellPosition): string | null {
  const [i, j] = [rows[at.row], ctx.columns[at.col]];
  if (i === undefined || j === undefined || i === j) return null;
  const [a, b] = [ctx.matrix.stakeholders[i], ctx.matrix.stakeholders[j]];
  return a === undefined || b === undefined ? null : cellText(ctx, i, j, a, b).label;
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

/** Keyboard, click and focus handling for the cells, delegated to the table. */
function useCellGrid(props: MatrixTableProps, drawn: number) {
  const { rows, columns, matrix, onOpenPair } = props;
  const isSelf = (c: CellPosition) => rows[c.row] === columns[c.col];
  const first: CellPosition = {
    row: 0,
    col: columns.length > 1 && isSelf({ row: 0, col: 0 }) ? 1 : 0,
  };
  const [active, setActive] = useState<CellPosition>(first);
  const current = active.row < drawn && active.col < columns.length ? active : first;
  const open = (c: CellPosition) => {
    const [a, b] = [rows[c.row], columns[c.col]].map((k) =>
      k === undefined ? undefined : matrix.stakeholders[k],
    );
    if (a !== undefined && b !== undefined && a !== b) onOpenPair(a, b);
  };
  const focus = (table: HTMLTableElement, c: CellPosition) => {
    setActive(c);
    cellButton(table, c)?.focus();
  };
  return {
    active: current,
    onClick: (e: MouseEvent) => {
      const at = positionOf(e.target);
      if (at) open(at);
    },
    onFocus: (e: { target: EventTarget }) => {
      const at = positionOf(e.target);
      if (at) setActive(at);
    },
    onKeyDown: (e: KeyboardEvent<HTMLTableElement>) => {
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
      focus(e.currentTarget, next);
    },
  };
}

/**
 * Every pair of stakeholders as an accessible table: row and column headers name the people, each
 * cell is a button naming the pair, the climb and the goal, and opens the pair on the canvas.
 * Column headers sort the rows by the climb to that person (aria-sort says which and how).
 */
export function MatrixTable(props: MatrixTableProps) {
  const { matrix, people, names, withoutIncentives, largest, rows, columns, columnSort } = props;
  const ctx = useMemo<RowContext>(
    () => ({ matrix, names, withoutIncentives, largest, columns, people }),
    [matrix, names, withoutIncentives, largest, columns, people],
  );
  const drawn = useRowsDrawn(rows.length);
  const grid = useCellGrid(props, drawn);
  const [pointed, setPointed] = useState<CellPosition | null>(null);
  const readout = pointed ? readoutOf(ctx, rows, pointed) : null;
  const compact = matrix.stakeholders.length > ROOMY_UP_TO;
  const size = compact ? COMPACT : ROOMY;
  return (
    <div className="cg-matrix__main">
      <p className="cg-matrix__readout" aria-hidden="true">
        {readout ?? 'Point at a cell to read it; click it, or press Enter, to open that pair.'}
      </p>
      <div className="cg-matrix__scroll">
        <table
          className={`cg-matrix__table${compact ? ' is-compact' : ''}`}
          style={{ width: size.rowHeader + columns.length * (size.cell + SPACING) + SPACING }}
          aria-label="Alignment matrix"
          aria-rowcount={rows.length + 1}
          onClick={grid.onClick}
          onKeyDown={grid.onKeyDown}
          onFocus={(e) => {
            grid.onFocus(e);
            setPointed(positionOf(e.target));
          }}
          onMouseOver={(e) => setPointed(positionOf(e.target))}
          onMouseLeave={() => setPointed(null)}
        >
          <colgroup>
            <col style={{ width: size.rowHeader }} />
            {columns.map((j) => (
              <col key={j} style={{ width: size.cell }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className="cg-matrix__corner" />
              {columns.map((j) => {
                const id = matrix.stakeholders[j];
                if (id === undefined) return null;
                const sorted = columnSort?.column === id ? columnSort.direction : undefined;
                return (
                  <th key={id} scope="col" aria-sort={sorted ?? 'none'} className="cg-matrix__col">
                    <button
                      type="button"
                      title={`Sort rows by climb to ${names.party(id)}`}
                      onClick={() => props.onSortColumn(id)}
                    >
                      <PersonName person={people.get(id)} />
                      {sorted && (
                        <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : ' ▼'}</span>
                      )}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, drawn).map((index, position) => (
              <Row
                key={matrix.stakeholders[index] ?? position}
                ctx={ctx}
                index={index}
                activeCol={grid.active.row === position ? grid.active.col : null}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
