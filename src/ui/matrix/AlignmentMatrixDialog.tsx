import { useCallback, useMemo, useState } from 'react';
import {
  buildAlignmentMatrix,
  findConflictRadar,
  goalIndexOf,
  type AlignmentMatrix,
} from '../../domain/engine';
import type { StakeholderId } from '../../domain/ids';
import type { MapDocument } from '../../domain/model';
import { describeRadarReason } from '../../domain/radarReason';
import type { App } from '../../store/app';
import { useApp } from '../../store/appContext';
import { namesOf, type Names } from '../explain';
import { Dialog } from '../Dialog';
import { MatrixTable } from './MatrixTable';
import {
  furthestPairs,
  HEAT_LEVELS,
  largestClimb,
  orderPeople,
  pairKey,
  RADAR_MARK,
  sortRowsByColumn,
  type ColumnSort,
  type PeopleOrder,
} from './matrixView';
import './matrix.css';
import './heat.css';

const ORDERS: readonly { value: PeopleOrder; label: string }[] = [
  { value: 'map', label: 'Map order' },
  { value: 'name', label: 'Name' },
  { value: 'furthest', label: 'Furthest apart first' },
];

const FURTHEST_SHOWN = 5;

function openPair(app: App, a: StakeholderId, b: StakeholderId): void {
  const session = app.sessionStore.getState();
  session.setParties([a, b]);
  session.setOpenPanel('common-ground');
}

function Legend() {
  return (
    <ul className="cg-matrix__legend" aria-label="Colour key">
      <li>
        <span className="cg-heat-0">0</span> already share a goal
      </li>
      <li>
        {Array.from({ length: HEAT_LEVELS }, (_, k) => (
          <span key={k} className={`cg-heat-${k + 1}`} aria-hidden="true" />
        ))}{' '}
        short to long climb
      </li>
      <li>
        <span className="cg-heat-none">∞</span> no common goal
      </li>
      <li>
        <span className="cg-matrix__radar">{RADAR_MARK}</span> on the conflict radar: their
        incentives sit on two sides of a trade-off (point at the cell to read why)
      </li>
    </ul>
  );
}

function FurthestPairs({ matrix, names }: { matrix: AlignmentMatrix; names: Names }) {
  const app = useApp();
  const pairs = useMemo(() => furthestPairs(matrix, FURTHEST_SHOWN), [matrix]);
  return (
    <section className="cg-matrix__furthest" aria-label="Furthest apart">
      <h3>Furthest apart</h3>
      {pairs.length === 0 ? (
        <p className="cg-hint">Every pair already shares a goal.</p>
      ) : (
        <ol>
          {pairs.map(({ a, b, climb }) => {
            const [ida, idb] = [matrix.stakeholders[a], matrix.stakeholders[b]];
            const goal = matrix.nearest[a]?.[b] ?? null;
            if (ida === undefined || idb === undefined) return null;
            return (
              <li key={`${a}-${b}`}>
                <button type="button" onClick={() => openPair(app, ida, idb)}>
                  <span>
                    {names.party(ida)} and {names.party(idb)}
                  </span>
                  <small>
                    {goal === null ? 'no common goal' : `climb ${climb} to ${names.goal(goal)}`}
                  </small>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** One index and one matrix per document revision, and the lookups every cell needs. */
function useMatrixData(doc: MapDocument) {
  const index = goalIndexOf(doc);
  const matrix = useMemo(() => buildAlignmentMatrix(index), [index]);
  const radarReasons = useMemo(
    () =>
      new Map(
        findConflictRadar(doc, index).map((pair) => [
          pairKey(...pair.parties),
          describeRadarReason(doc, pair),
        ]),
      ),
    [doc, index],
  );
  const names = useMemo(() => namesOf(doc), [doc]);
  const people = useMemo(() => new Map(doc.stakeholders.map((s) => [s.id, s])), [doc]);
  const withoutIncentives = useMemo(() => {
    const held = new Set<string>(doc.incentives.map((i) => i.stakeholderId));
    return new Set<string>(doc.stakeholders.filter((s) => !held.has(s.id)).map((s) => s.id));
  }, [doc]);
  const largest = useMemo(() => largestClimb(matrix), [matrix]);
  return { matrix, names, people, withoutIncentives, radarReasons, largest };
}

/** The order people are listed in, and an optional sort of the rows by one column. */
function useMatrixOrder(matrix: AlignmentMatrix, names: Names) {
  const [order, setOrder] = useState<PeopleOrder>('map');
  const [columnSort, setColumnSort] = useState<ColumnSort | null>(null);
  const columns = useMemo(
    () => orderPeople(matrix, (id) => names.party(id), order),
    [matrix, names, order],
  );
  const rows = useMemo(
    () => (columnSort ? sortRowsByColumn(matrix, columns, columnSort) : columns),
    [matrix, columns, columnSort],
  );
  const onSortColumn = useCallback((column: StakeholderId) => {
    setColumnSort((s) => ({
      column,
      direction: s?.column === column && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  }, []);
  const chooseOrder = (next: PeopleOrder) => {
    setOrder(next);
    setColumnSort(null);
  };
  return { order: columnSort ? null : order, columns, rows, columnSort, onSortColumn, chooseOrder };
}

function OrderButtons({
  pressed,
  onChoose,
}: {
  pressed: PeopleOrder | null;
  onChoose: (order: PeopleOrder) => void;
}) {
  return (
    <div role="group" aria-label="Order people by" className="cg-matrix__orders">
      <span>Order:</span>
      {ORDERS.map((o) => (
        <button
          key={o.value}
          type="button"
          className="cg-button"
          aria-pressed={pressed === o.value}
          onClick={() => onChoose(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

function MatrixBody({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const data = useMatrixData(doc);
  const view = useMatrixOrder(data.matrix, data.names);
  if (doc.stakeholders.length < 2) {
    return (
      <p className="cg-matrix__empty">
        Add at least two stakeholders to compare every pair of them.
      </p>
    );
  }
  return (
    <>
      <div className="cg-matrix__controls">
        <OrderButtons pressed={view.order} onChoose={view.chooseOrder} />
        <Legend />
      </div>
      <div className="cg-matrix__body">
        <MatrixTable
          {...data}
          rows={view.rows}
          columns={view.columns}
          columnSort={view.columnSort}
          onSortColumn={view.onSortColumn}
          onOpenPair={(a, b) => openPair(app, a, b)}
        />
        <FurthestPairs matrix={data.matrix} names={data.names} />
      </div>
    </>
  );
}

/** The alignment matrix as a modal over the canvas; closing it closes its panel. */
export function AlignmentMatrixDialog({ doc }: { doc: MapDocument }) {
  const app = useApp();
  const close = () => app.sessionStore.getState().setOpenPanel(null);
  return (
    <Dialog
      title="Alignment matrix"
      className="cg-matrix"
      onClose={close}
      header={(title) => (
        <header className="cg-matrix__head">
          <div>
            {title}
            <p className="cg-hint">
              Each cell is the total climb from a pair’s incentives to their nearest common goal.
              Click a cell to see that pair on the map.
            </p>
          </div>
          <button type="button" className="cg-button" onClick={close}>
            Close
          </button>
        </header>
      )}
    >
      <MatrixBody doc={doc} />
    </Dialog>
  );
}
