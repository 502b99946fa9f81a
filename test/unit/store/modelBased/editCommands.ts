import fc from 'fast-check';
import { expect } from 'vitest';
import {
  addConflict,
  addGoal,
  addIncentive,
  addStakeholder,
  linkGoals,
  moveNodes,
  removeGoal,
  unlinkGoals,
  updateGoal,
  type CommandError,
} from '../../../../src/domain/commands';
import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asStakeholderId,
} from '../../../../src/domain/ids';
import { GOAL_KINDS, INCENTIVE_KINDS, type MapDocument } from '../../../../src/domain/model';
import { goalNodeId, recordOfNode, stakeholderNodeId } from '../../../../src/domain/nodeIds';
import type { Command } from '../../../../src/store/documentStore';
import type { Reference } from './reference';
import { renameSurely, type ModelCommand } from './steps';
import { verifyOpenMap, verifyStorage, type Real } from './verify';

/**
 * Domain edits, undo and redo. An edit names the records it touches by position ("the 3rd
 * goal"), resolved against the reference's open document when it runs, so a generated sequence
 * stays meaningful whatever the earlier commands did; an empty list yields an id nobody has, and
 * the edit is refused on both sides. New records get ids from a small pool, so clashes happen.
 */

type DomainCommand = Command<CommandError>;

/** The `pick`-th record, cycling; a missing id when there is none. */
function idAt(records: readonly { readonly id: string }[], pick: number): string {
  return records[pick % Math.max(1, records.length)]?.id ?? 'missing';
}

/** An edit as generated: what it says, and the domain command it makes for a document. */
interface EditSpec {
  readonly label: string;
  readonly build: (doc: MapDocument) => DomainCommand;
}

class Edit implements ModelCommand {
  constructor(private readonly spec: EditSpec) {}

  check(): boolean {
    return true;
  }

  run(model: Reference, real: Real): Promise<void> {
    this.apply(model, real);
    verifyOpenMap(model, real);
    return Promise.resolve();
  }

  /** Runs the edit on both sides; the real one must refuse exactly what the reference refuses. */
  protected apply(model: Reference, real: Real): void {
    const command = this.spec.build(model.current);
    const expected = command(model.current);
    const refusal = real.page.apply(command);
    expect(refusal === null, `${this.spec.label} is accepted`).toBe(expected.ok);
    model.edit(expected);
  }

  toString(): string {
    return this.spec.label;
  }
}

/**
 * The same edit made while autosave is writing: a rename (which surely changes the map) is
 * flushed by pagehide, and the edit lands during that write. Autosave must write it right after.
 */
class EditWhileSaving extends Edit {
  override async run(model: Reference, real: Real): Promise<void> {
    renameSurely(model, real);
    await real.page.hide('pagehide', () => this.apply(model, real));
    model.save();
    verifyOpenMap(model, real);
    await verifyStorage(model, real);
  }

  override toString(): string {
    return `${super.toString()} while saving`;
  }
}

/**
 * Drags a goal or a person through a few places the way the canvas does: the places are only
 * drawn while the pointer moves, and the drop is one edit that pins the node (refused, with an
 * error notice, on a place that is not a number).
 */
class Drag implements ModelCommand {
  constructor(
    private readonly node: number,
    private readonly places: readonly { x: number; y: number }[],
  ) {}

  check(): boolean {
    return true;
  }

  run(model: Reference, real: Real): Promise<void> {
    const { goals, stakeholders } = model.current;
    // The canvas names nodes by kind and id (a goal and a person may share an id).
    const nodes = [
      ...goals.map((g) => goalNodeId(g.id)),
      ...stakeholders.map((s) => stakeholderNodeId(s.id)),
    ];
    const id = nodes[this.node % Math.max(1, nodes.length)] ?? 'goal:missing';
    const dropped = this.places.at(-1);
    const notice = real.page.drag(id, this.places);
    // An id nobody has (an empty map) is dropped by the canvas: nothing changes.
    const pin = dropped && { ...dropped, pinned: true };
    const record = recordOfNode(id);
    const placements = !pin
      ? null
      : record?.kind === 'goal' && goals.some((g) => g.id === record.id)
        ? { goals: new Map([[asGoalId(record.id), pin]]) }
        : record?.kind === 'stakeholder' && stakeholders.some((p) => p.id === record.id)
          ? { stakeholders: new Map([[asStakeholderId(record.id), pin]]) }
          : null;
    if (placements) {
      const moved = moveNodes(model.current, placements);
      model.edit(moved);
      if (!moved.ok) expect(notice).toMatchObject({ kind: 'error', text: moved.error.message });
    }
    verifyOpenMap(model, real);
    return Promise.resolve();
  }

  toString(): string {
    return `drag #${this.node} via ${this.places.map((p) => `(${p.x}, ${p.y})`).join(' ')}`;
  }
}

class Undo implements ModelCommand {
  constructor(private readonly redo: boolean) {}

  check(): boolean {
    return true;
  }

  run(model: Reference, real: Real): Promise<void> {
    if (this.redo) {
      real.page.redo();
      model.redo();
    } else {
      real.page.undo();
      model.undo();
    }
    verifyOpenMap(model, real);
    return Promise.resolve();
  }

  toString(): string {
    return this.redo ? 'redo' : 'undo';
  }
}

const edit = (label: string, build: EditSpec['build']): EditSpec => ({ label, build });

const pick = fc.nat(20);
const fresh = fc.nat(8);
const title = fc.constantFrom('Grow revenue', 'Retain customers', 'NPS', 'Ship faster', ' ', '');

const goalEdits: fc.Arbitrary<EditSpec>[] = [
  fc
    .record({ n: fresh, title, kind: fc.constantFrom(...GOAL_KINDS) })
    .map(({ n, title, kind }) =>
      edit(
        `addGoal g-fz${n} "${title}" ${kind}`,
        () => (doc) => addGoal(doc, { id: asGoalId(`g-fz${n}`), title, kind }),
      ),
    ),
  fc.record({ goal: pick, title }).map(({ goal, title }) =>
    edit(`updateGoal #${goal} title "${title}"`, (doc) => {
      const id = asGoalId(idAt(doc.goals, goal));
      return (d) => updateGoal(d, id, { title });
    }),
  ),
  fc.record({ goal: pick, kind: fc.constantFrom(...GOAL_KINDS) }).map(({ goal, kind }) =>
    edit(`updateGoal #${goal} kind ${kind}`, (doc) => {
      const id = asGoalId(idAt(doc.goals, goal));
      return (d) => updateGoal(d, id, { kind });
    }),
  ),
  pick.map((goal) =>
    edit(`removeGoal #${goal}`, (doc) => {
      const id = asGoalId(idAt(doc.goals, goal));
      return (d) => removeGoal(d, id);
    }),
  ),
  fc.record({ n: fresh, from: pick, to: pick }).map(({ n, from, to }) =>
    edit(`link l-fz${n} #${from} → #${to}`, (doc) => {
      const [a, b] = [asGoalId(idAt(doc.goals, from)), asGoalId(idAt(doc.goals, to))];
      return (d) => linkGoals(d, a, b, asLinkId(`l-fz${n}`));
    }),
  ),
  pick.map((link) =>
    edit(`unlink #${link}`, (doc) => {
      const linkId = asLinkId(idAt(doc.links, link));
      return (d) => unlinkGoals(d, { linkId });
    }),
  ),
];

const peopleEdits: fc.Arbitrary<EditSpec>[] = [
  fc
    .record({ n: fresh, name: fc.constantFrom('Dana', 'Sam', '') })
    .map(({ n, name }) =>
      edit(
        `addStakeholder s-fz${n} "${name}"`,
        () => (doc) => addStakeholder(doc, { id: asStakeholderId(`s-fz${n}`), name }),
      ),
    ),
  fc
    .record({ n: fresh, person: pick, goal: pick, kind: fc.constantFrom(...INCENTIVE_KINDS) })
    .map(({ n, person, goal, kind }) =>
      edit(`addIncentive i-fz${n} #${person} on #${goal} ${kind}`, (doc) => {
        const stakeholderId = asStakeholderId(idAt(doc.stakeholders, person));
        const goalId = asGoalId(idAt(doc.goals, goal));
        const id = asIncentiveId(`i-fz${n}`);
        return (d) => addIncentive(d, { id, stakeholderId, goalId, kind });
      }),
    ),
  fc
    .record({ n: fresh, parties: fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }) })
    .map(({ n, parties }) =>
      edit(`addConflict c-fz${n} #${parties.join(' #')}`, (doc) => {
        const ids = parties.map((p) => asStakeholderId(idAt(doc.stakeholders, p)));
        const id = asConflictId(`c-fz${n}`);
        return (d) => addConflict(d, { id, title: `Conflict ${n}`, parties: ids });
      }),
    ),
];

/** Where a drag goes; now and then not a number, which a drop must refuse. */
const coordinate = fc.oneof(
  { arbitrary: fc.integer({ min: -50, max: 50 }), weight: 9 },
  { arbitrary: fc.constant(Number.NaN), weight: 1 },
);

/** Every edit kind (one in six made while autosave writes), and undo and redo. */
export const editCommands: fc.Arbitrary<ModelCommand>[] = [
  ...[...goalEdits, ...peopleEdits].map((spec) =>
    fc.tuple(spec, fc.nat(5)).map(([s, k]) => (k === 0 ? new EditWhileSaving(s) : new Edit(s))),
  ),
  fc
    .record({
      node: pick,
      places: fc.array(fc.record({ x: coordinate, y: fc.nat(50) }), {
        minLength: 1,
        maxLength: 3,
      }),
    })
    .map(({ node, places }) => new Drag(node, places)),
  fc.constant(new Undo(false)),
  fc.constant(new Undo(true)),
];
