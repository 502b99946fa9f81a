import {
  asConflictId,
  asGoalId,
  asIncentiveId,
  asLinkId,
  asMapId,
  asStakeholderId,
} from '../../domain/ids';
import { perspectivesRecord, type Conflict, type MapDocument } from '../../domain/model';
import { CURRENT_VERSION, FORMAT_NAME } from './format';
import type { MapFileV1 } from './schema';

type ConflictV1 = MapFileV1['conflicts'][number];

/** Brands the ids of a file that passed validateFile; every reference is a string by then. */
export function fileToDocument(file: MapFileV1): MapDocument {
  return {
    map: { ...file.map, id: asMapId(file.map.id) },
    goals: file.goals.map((g) => ({ ...g, id: asGoalId(g.id), owner: null })),
    links: file.links.map((l) => ({
      id: asLinkId(l.id),
      from: asGoalId(l.from),
      to: asGoalId(l.to),
    })),
    stakeholders: file.stakeholders.map((s) => ({
      ...s,
      id: asStakeholderId(s.id),
      position: null,
    })),
    incentives: file.incentives.map((i) => ({
      ...i,
      id: asIncentiveId(i.id),
      stakeholderId: asStakeholderId(i.stakeholderId),
      goalId: asGoalId(i.goalId),
    })),
    conflicts: file.conflicts.map(conflictFromFile),
    tradeOffs: [],
    reportingLines: [],
  };
}

function conflictFromFile(c: ConflictV1): Conflict {
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
 * The document as the version 1 file object. Fields are copied one by one so nothing that is not
 * part of the contract leaks into files, and keys come out in the documented order.
 */
export function toFileObject(doc: MapDocument): MapFileV1 {
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
      position: g.position && { x: g.position.x, y: g.position.y, pinned: g.position.pinned },
    })),
    links: doc.links.map((l) => ({ id: l.id, from: l.from, to: l.to })),
    stakeholders: doc.stakeholders.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      team: s.team,
      color: s.color,
      notes: s.notes,
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
  };
}

/** Pretty-printed with two spaces and a trailing newline, so exported files diff well. */
export function exportMapJson(doc: MapDocument): string {
  return `${JSON.stringify(toFileObject(doc), null, 2)}\n`;
}
