import { memo, useMemo } from 'react';
import type { AlignmentMatrix } from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';
import type { Stakeholder } from '../../domain/model';
import type { Names } from '../explain';
import { useCellGrid } from './cellGrid';
import {
  cellLabel,
  climbText,
  heatLevel,
  pairKey,
  RADAR_MARK,
  type CellPosition,
  type ColumnSort,
} from './matrixView';

export interface MatrixTableProps {
  readonly matrix: AlignmentMatrix;
  readonly people: ReadonlyMap<StakeholderId, Stakeholder>;
  readonly names: Names;
  /** Stakeholders who hold no incentive: their cells say so instead of only "no common goal". */
  readonly withoutIncentives: ReadonlySet<string>;
  /** The conflict radar's reason for each pair on it, by pairKey. */
  readonly radarReasons: ReadonlyMap<string, string>;
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

/** What every row needs and nothing that changes when focus moves, so rows can be memoised. */
interface RowContext {
  readonly matrix: AlignmentMatrix;
  readonly names: Names;
  readonly withoutIncentives: ReadonlySet<string>;
  readonly radarReasons: ReadonlyMap<string, string>;
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
  const radarReason = ctx.radarReasons.get(pairKey(a, b)) ?? null;
  const label = cellLabel({
    a: names.party(a),
    b: names.party(b),
    climb,
    goal: goal === null ? null : names.goal(goal),
    withoutIncentives: [a, b]
      .filter((p) => ctx.withoutIncentives.has(p))
      .map((p) => names.party(p)),
    radarReason,
  });
  const text = climbText(climb) + (radarReason === null ? '' : ` ${RADAR_MARK}`);
  return { label, text, level: heatLevel(climb, ctx.largest), onRadar: radarReason !== null };
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
  cols,
  activeCol,
}: {
  ctx: RowContext;
  /** The row's stakeholder, as a position in matrix.stakeholders. */
  index: number;
  /** How many of the columns are drawn yet. */
  cols: number;
  activeCol: number | null;
}) {
  const a = ctx.matrix.stakeholders[index];
  if (a === undefined) return null;
  return (
    <tr>
      <th scope="row" className="cg-matrix__row">
        <PersonName person={ctx.people.get(a)} />
      </th>
      {ctx.columns.slice(0, cols).map((j, col) => {
        const b = ctx.matrix.stakeholders[j];
        if (b === undefined) return null;
        if (j === index) {
          return (
            <td key={b} className="cg-matrix__self">
              –
            </td>
          );
        }
        const { label, text, level, onRadar } = cellText(ctx, index, j, a, b);
        return (
          <td key={b} className={`cg-heat-${level ?? 'none'}${onRadar ? ' cg-matrix__radar' : ''}`}>
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

/** Column headers: each person's name is a button that sorts the rows by the climb to them. */
function ColumnHeaders({
  matrix,
  columns,
  columnSort,
  names,
  people,
  onSortColumn,
}: MatrixTableProps) {
  return (
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
                onClick={() => onSortColumn(id)}
              >
                <PersonName person={people.get(id)} />
                {sorted && <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : ' ▼'}</span>}
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * Every pair of stakeholders as an accessible table: row and column headers name the people, each
 * cell is a button naming the pair, the climb and the goal, and opens the pair on the canvas.
 * Column headers sort the rows by the climb to that person (aria-sort says which and how).
 */
export function MatrixTable(props: MatrixTableProps) {
  const { matrix, people, names, withoutIncentives, radarReasons, largest, rows, columns } = props;
  const ctx = useMemo<RowContext>(
    () => ({ matrix, names, withoutIncentives, radarReasons, largest, columns, people }),
    [matrix, names, withoutIncentives, radarReasons, largest, columns, people],
  );
  const grid = useCellGrid(props);
  const readout = grid.pointed ? readoutOf(ctx, rows, grid.pointed) : null;
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
          {...grid.handlers}
        >
          <colgroup>
            <col style={{ width: size.rowHeader }} />
            {columns.map((j) => (
              <col key={j} style={{ width: size.cell }} />
            ))}
          </colgroup>
          <ColumnHeaders {...props} />
          <tbody>
            {rows.slice(0, grid.drawn.rows).map((index, position) => (
              <Row
                key={matrix.stakeholders[index] ?? position}
                ctx={ctx}
                index={index}
                cols={grid.drawn.cols}
                activeCol={grid.active.row === position ? grid.active.col : null}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
