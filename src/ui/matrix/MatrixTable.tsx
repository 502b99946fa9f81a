import { memo } from 'react';
import type { AlignmentMatrix } from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';
import type { Stakeholder } from '../../domain/model';
import type { Names } from '../explain';
import { cellLabel, climbText, heatLevel, type ColumnSort } from './matrixView';

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

function PersonName({ person }: { person: Stakeholder | undefined }) {
  return (
    <>
      <span className="cg-swatch" style={{ background: person?.color }} aria-hidden="true" />
      <span className="cg-matrix__name">{person?.name ?? ''}</span>
    </>
  );
}

function Cell({ props, i, j }: { props: MatrixTableProps; i: number; j: number }) {
  const { matrix, names } = props;
  const a = matrix.stakeholders[i];
  const b = matrix.stakeholders[j];
  if (a === undefined || b === undefined) return null;
  if (i === j) {
    return (
      <td className="cg-matrix__self" title={`${names.party(a)} (same person)`}>
        –
      </td>
    );
  }
  const climb = matrix.climbs[i]?.[j] ?? Infinity;
  const goal = matrix.nearest[i]?.[j] ?? null;
  const label = cellLabel({
    a: names.party(a),
    b: names.party(b),
    climb,
    goal: goal === null ? null : names.goal(goal),
    withoutIncentives: [a, b]
      .filter((p) => props.withoutIncentives.has(p))
      .map((p) => names.party(p)),
  });
  const level = heatLevel(climb, props.largest);
  return (
    <td className={`cg-heat-${level ?? 'none'}`}>
      <button type="button" aria-label={label} title={label} onClick={() => props.onOpenPair(a, b)}>
        {climbText(climb)}
      </button>
    </td>
  );
}

/**
 * Every pair of stakeholders as an accessible table: row and column headers name the people, each
 * cell is a button naming the pair, the climb and the goal, and opens the pair on the canvas.
 * Column headers sort the rows by the climb to that person (aria-sort says which and how).
 */
export const MatrixTable = memo(function MatrixTable(props: MatrixTableProps) {
  const { matrix, people, rows, columns, columnSort } = props;
  return (
    <table className="cg-matrix__table" aria-label="Alignment matrix">
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
                  title={`Sort rows by climb to ${props.names.party(id)}`}
                  onClick={() => props.onSortColumn(id)}
                >
                  <PersonName person={people.get(id)} />
                  {sorted && <span aria-hidden="true">{sorted === 'ascending' ? ' ▲' : ' ▼'}</span>}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => {
          const id = matrix.stakeholders[i];
          if (id === undefined) return null;
          return (
            <tr key={id}>
              <th scope="row" className="cg-matrix__row">
                <PersonName person={people.get(id)} />
              </th>
              {columns.map((j) => (
                <Cell key={j} props={props} i={i} j={j} />
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
