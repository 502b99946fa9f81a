import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asReportingLineId,
  asStakeholderId,
  asTradeOffId,
} from '../../domain/ids';
import {
  perspectivesRecord,
  type Conflict,
  type MapDocument,
  type Position,
} from '../../domain/model';
import { CURRENT_VERSION, FORMAT_NAME } from './format';
import type { MapFile } from './schema';

type FileConflict = MapFile['conflicts'][number];
type FilePosition = MapFile['goals'][number]['position'];

/** Brands the ids of a file that passed validateFile; every reference is a string by then. */
export function fileToDocument(file: MapFile): MapDocument {
  return {
    map: { ...file.map, id: asMapId(file.map.id) },
    goals: file.goals.map((g) => ({
      ...g,
      id: asGoalId(g.id),
      owner: g.owner === null ? null : asStakeholderId(g.owner),
    })),
    links: file.links.map((l) => ({
      id: asLinkId(l.id),
      from: asGoalId(l.from),
      to: asGoalId(l.to),
    })),
    stakeholders: file.stakeholders.map((s) => ({
      ...s,
      id: asStakeholderId(s.id),
    })),
    incentives: file.incentives.map((i) => ({
      ...i,
      id: asIncentiveId(i.id),
      stakeholderId: asStakeholderId(i.stakeholderId),
      goalId: asGoalId(i.goalId),
    })),
    conflicts: file.conflicts.map(conflictFromFile),
    tradeOffs: file.tradeOffs.map((t) => ({
      id: asTradeOffId(t.id),
      a: asGoalId(t.a),
      b: asGoalId(t.b),
      note: t.note,
    })),
    reportingLines: file.reportingLines.map((r) => ({
      id: asReportingLineId(r.id),
      from: asStakeholderId(r.from),
      to: asStakeholderId(r.to),
    })),
  };
}

function conflictFromFile(c: FileConflict): Conflict {
  const given = Object.entries(c.perspectives);
  // Every party gets a perspective slot, so the workshop view never has to check for one.
  const missing = c.parties
    .filter((party) => !Object.hasOwn(c.perspectives, party))
    .map((party): [string, string] => [party, '']);
  return {
    ...c,
    id: asConflictId(c.id),
    parties: c.parties.map(asStakeholderId),
    perspectives: perspectivesRecord([...given, ...missing]),
    agreedGoalId: c.agreedGoalId === null ? null : asGoalId(c.agreedGoalId),
  };
}

/**
 * The document as the current (version 2) file object. Fields are copied one by one so nothing that is not
 * part of the contract leaks into files, and keys come out in the documented order.
 */
export function toFileObject(doc: MapDocument): MapFile {
  const { map } = doc;
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    map: {
      id: map.id,
      name: map.name,
      description: map.description,
      createdAt: map.createdAt,
      updatedAt: map.updatedAt,
    },
    goals: doc.goals.map((g) => ({
      id: g.id,
      title: g.title,
      kind: g.kind,
      description: g.description,
      metric: g.metric && {
        unit: g.metric.unit,
        current: g.metric.current,
        target: g.metric.target,
        direction: g.metric.direction,
      },
      position: positionToFile(g.position),
      owner: g.owner,
    })),
    links: doc.links.map((l) => ({ id: l.id, from: l.from, to: l.to })),
    stakeholders: doc.stakeholders.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      team: s.team,
      color: s.color,
      notes: s.notes,
      position: positionToFile(s.position),
    })),
    incentives: doc.incentives.map((i) => ({
      id: i.id,
      stakeholderId: i.stakeholderId,
      goalId: i.goalId,
      kind: i.kind,
      weight: i.weight,
      note: i.note,
    })),
    conflicts: doc.conflicts.map((c) => ({
      id: c.id,
      title: c.title,
      parties: [...c.parties],
      status: c.status,
      // A plain object built with define semantics: a "__proto__" id stays an ordinary key.
      perspectives: Object.fromEntries(Object.entries(c.perspectives)),
      agreedGoalId: c.agreedGoalId,
      notes: c.notes,
    })),
    tradeOffs: doc.tradeOffs.map((t) => ({ id: t.id, a: t.a, b: t.b, note: t.note })),
    reportingLines: doc.reportingLines.map((r) => ({ id: r.id, from: r.from, to: r.to })),
  };
}

function positionToFile(position: Position | null): FilePosition {
  return position && { x: position.x, y: position.y, pinned: position.pinned };
}

/** Pretty-printed with two spaces and a trailing newline, so exported files diff well. */
export function exportMapJson(doc: MapDocument): string {
  return `${JSON.stringify(toFileObject(doc), null, 2)}\n`;
}
