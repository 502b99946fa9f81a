import type { MapDocument } from '../../../src/domain/model';

/**
 * File format version 1 exactly as the release before version 2 wrote it, frozen here: the
 * contract old files and stored maps were written in.
 */
export function writeV1(doc: MapDocument) {
  return {
    format: 'common-ground',
    version: 1,
    map: { ...doc.map },
    goals: doc.goals.map(({ id, title, kind, description, metric, position }) => ({
      id,
      title,
      kind,
      description,
      metric,
      position,
    })),
    links: doc.links.map(({ id, from, to }) => ({ id, from, to })),
    stakeholders: doc.stakeholders.map(({ id, name, role, team, color, notes }) => ({
      id,
      name,
      role,
      team,
      color,
      notes,
    })),
    incentives: doc.incentives.map((i) => ({ ...i })),
    conflicts: doc.conflicts.map((c) => ({
      ...c,
      parties: [...c.parties],
      perspectives: Object.fromEntries(Object.entries(c.perspectives)),
    })),
  };
}

/** What a version 1 file can hold of `doc`: the four version 2 additions left empty. */
export function v1Content(doc: MapDocument): MapDocument {
  return {
    ...doc,
    goals: doc.goals.map((g) => ({ ...g, owner: null })),
    stakeholders: doc.stakeholders.map((s) => ({ ...s, position: null })),
    tradeOffs: [],
    reportingLines: [],
  };
}
