import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEdgeBuilder, createNodeBuilder } from '../../../src/canvas/adapters';
import { commitDrag } from '../../../src/canvas/canvasEvents';
import { collapseView } from '../../../src/canvas/collapse';
import { toHighlightLookup } from '../../../src/canvas/highlight';
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import { openDatabase, type CommonGroundDb } from '../../../src/db/schema';
import {
  createEmptyMap,
  newGoal,
  newIncentive,
  newStakeholder,
} from '../../../src/domain/factories';
import { asGoalId, asLinkId, asStakeholderId } from '../../../src/domain/ids';
import type { MapDocument } from '../../../src/domain/model';
import { goalNodeId, stakeholderNodeId } from '../../../src/domain/nodeIds';
import { nodeBoxes } from '../../../src/io/svg/geometry';
import { computeLayout } from '../../../src/layout/layout';
import { nodeView } from './nodeView';
import { createApp, type App } from '../../../src/store/app';

/** Ids are unique within a list only: the goal and the person here are both "x". */
const mission = newGoal({ id: asGoalId('x'), title: 'Grow the business', kind: 'mission' });
const kpi = newGoal({ id: asGoalId('k'), title: 'Net revenue', kind: 'kpi' });
const person = newStakeholder({ id: asStakeholderId('x'), name: 'Ana' });
const doc: MapDocument = {
  ...createEmptyMap('Shared ids', '2026-01-01T00:00:00.000Z'),
  goals: [mission, kpi],
  links: [{ id: asLinkId('l'), from: kpi.id, to: mission.id }],
  stakeholders: [person],
  incentives: [newIncentive({ stakeholderId: person.id, goalId: kpi.id, kind: 'measured' })],
};

const none = toHighlightLookup(null);
const positions = computeLayout(toLayoutInput(doc));
const nodesOf = (d: MapDocument, selected: readonly string[] = []) =>
  createNodeBuilder()(d, nodeView(d, { selected, positions }));

describe('a goal and a person with the same id', () => {
  it('are laid out as two nodes, each at its own place', () => {
    const goalAt = positions[goalNodeId('x')];
    const personAt = positions[stakeholderNodeId('x')];
    expect(goalAt).toBeDefined();
    expect(personAt).toBeDefined();
    expect(personAt).not.toEqual(goalAt);
  });

  it('are drawn as two nodes, the goal and the person, at their laid-out places', () => {
    const nodes = nodesOf(doc);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    const goal = nodes.find((n) => n.id === goalNodeId('x'));
    const them = nodes.find((n) => n.id === stakeholderNodeId('x'));
    expect(goal?.type).toBe('goal');
    expect(them?.type).toBe('stakeholder');
    expect(goal?.position).toEqual(positions[goalNodeId('x')]);
    expect(them?.position).toEqual(positions[stakeholderNodeId('x')]);
  });

  it('are selected apart: selecting the person draws only the person selected', () => {
    const nodes = nodesOf(doc, [stakeholderNodeId('x')]);
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([stakeholderNodeId('x')]);
  });

  it('are exported as two boxes at their own places', () => {
    const boxes = nodeBoxes(doc, positions);
    expect(boxes.goals.get(asGoalId('x'))).toMatchObject(positions[goalNodeId('x')] ?? {});
    expect(boxes.stakeholders.get(asStakeholderId('x'))).toMatchObject(
      positions[stakeholderNodeId('x')] ?? {},
    );
    expect(boxes.goals.get(asGoalId('x'))?.y).not.toBe(
      boxes.stakeholders.get(asStakeholderId('x'))?.y,
    );
  });

  it('are folded apart: a goal folded away leaves the person with its id drawn', () => {
    // "k" is a KPI below the mission and a person who holds the mission itself.
    const holder = newStakeholder({ id: asStakeholderId('k'), name: 'Kim' });
    const withKim: MapDocument = {
      ...doc,
      stakeholders: [...doc.stakeholders, holder],
      incentives: [
        ...doc.incentives,
        newIncentive({ stakeholderId: holder.id, goalId: mission.id, kind: 'rewarded' }),
      ],
    };
    const folded = collapseView(withKim, [mission.id]);
    expect([...folded.hiddenGoals]).toEqual(['k']);
    expect([...folded.hiddenPeople]).toEqual(['x']);
  });

  it('draw their edges from the right ends', () => {
    const edges = createEdgeBuilder()(doc, none, new Set());
    expect(edges.map((e) => [e.source, e.target])).toEqual([
      [goalNodeId('k'), goalNodeId('x')],
      [stakeholderNodeId('x'), goalNodeId('k')],
    ]);
  });

  describe('dragged', () => {
    let db: CommonGroundDb;
    let app: App;
    beforeEach(() => {
      db = openDatabase('shared-ids', new IDBFactory(), IDBKeyRange);
      app = createApp({ db });
      app.documentStore.getState().openDocument(doc);
    });
    afterEach(() => db.close());

    it('pins only the person when the person is dropped, and leaves the goal where it was', () => {
      commitDrag(app, doc, new Map([[stakeholderNodeId('x'), { x: 400.4, y: 700.6 }]]));
      const after = app.documentStore.getState().doc;
      expect(after?.stakeholders[0]?.position).toEqual({ x: 400, y: 701, pinned: true });
      expect(after?.goals[0]?.position).toEqual(mission.position);
    });

    it('pins only the goal when the goal is dropped', () => {
      commitDrag(app, doc, new Map([[goalNodeId('x'), { x: 10, y: 20 }]]));
      const after = app.documentStore.getState().doc;
      expect(after?.goals[0]?.position).toEqual({ x: 10, y: 20, pinned: true });
      expect(after?.stakeholders[0]?.position).toEqual(person.position);
    });
  });
});
