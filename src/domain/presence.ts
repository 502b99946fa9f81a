/**
 * Presence in a shared map: what each device tells the others about itself (its name and colour,
 * where its pointer and view are, what it selected, whom it follows, the facilitator's walk).
 * It travels as the room's awareness state, outside the document: never saved, never undone.
 * Whatever arrives from a peer is checked here field by field and anything malformed is dropped.
 */

/** A point or a rectangle in flow coordinates (the map's own, the same on every zoom). */
export interface FlowPoint {
  readonly x: number;
  readonly y: number;
}
export interface FlowBounds extends FlowPoint {
  readonly width: number;
  readonly height: number;
}

export type PresenceRole = 'facilitator' | 'participant' | 'viewer';

/** The facilitator's workshop walk, as followers mirror it. */
export interface WalkShown {
  readonly conflictId: string | null;
  readonly parties: readonly string[];
  readonly step: number;
}

export interface Presence {
  readonly name: string;
  readonly color: string;
  readonly role: PresenceRole;
  readonly cursor: FlowPoint | null;
  readonly selection: readonly string[];
  /** The part of the map this device shows. */
  readonly view: FlowBounds | null;
  /** The awareness id of the device this one follows. */
  readonly following: number | null;
  /** The facilitator's laser pointer is on: its cursor is drawn as a fading dot. */
  readonly laser: boolean;
  /** Set while the device is in workshop mode. */
  readonly walk: WalkShown | null;
  /** Raised by the facilitator's `Bring everyone to me`: a new number asks everyone to follow. */
  readonly summon: number;
}

/** The awareness field presence travels under. */
export const PRESENCE_FIELD = 'presence';

export const NAME_MAX = 40;
const SELECTION_MAX = 200;
const PARTIES_MAX = 20;
const ID_MAX = 100;
/** Coordinates beyond this are no map's: refused rather than drawn off in the distance. */
const COORD_MAX = 1e7;
const ROLES: readonly PresenceRole[] = ['facilitator', 'participant', 'viewer'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCoord = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= COORD_MAX;
const isSize = (v: unknown): v is number => isCoord(v) && v > 0;
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= ID_MAX;
const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A colour as `#rrggbb`: anything else could carry CSS of its own into a style attribute. */
export const isHexColor = (v: unknown): v is string =>
  typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v);

/** A name as shown: control characters gone, spaces collapsed, at most NAME_MAX characters. */
export function cleanName(v: unknown): string {
  if (typeof v !== 'string') return '';
  const plain = v.replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ');
  return Array.from(plain.trim()).slice(0, NAME_MAX).join('');
}

function parsePoint(v: unknown): FlowPoint | null {
  if (!isRecord(v) || !isCoord(v.x) || !isCoord(v.y)) return null;
  return { x: v.x, y: v.y };
}

function parseBounds(v: unknown): FlowBounds | null {
  const at = parsePoint(v);
  if (!at || !isRecord(v) || !isSize(v.width) || !isSize(v.height)) return null;
  return { ...at, width: v.width, height: v.height };
}

function parseIds(v: unknown, max: number): string[] {
  return Array.isArray(v) ? v.filter(isId).slice(0, max) : [];
}

function parseWalk(v: unknown): WalkShown | null {
  if (!isRecord(v) || !isCount(v.step) || v.step > 1000) return null;
  return {
    conflictId: isId(v.conflictId) ? v.conflictId : null,
    parties: parseIds(v.parties, PARTIES_MAX),
    step: v.step,
  };
}

/**
 * A peer's presence from its awareness state, or null when it has none worth showing (no valid
 * name, colour or role). Fields that are malformed fall back to "nothing".
 */
export function parsePresence(state: unknown): Presence | null {
  if (!isRecord(state)) return null;
  const p = state[PRESENCE_FIELD];
  if (!isRecord(p)) return null;
  const name = cleanName(p.name);
  const role = ROLES.find((r) => r === p.role);
  if (name === '' || !isHexColor(p.color) || !role) return null;
  return {
    name,
    color: p.color.toLowerCase(),
    role,
    cursor: parsePoint(p.cursor),
    selection: parseIds(p.selection, SELECTION_MAX),
    view: parseBounds(p.view),
    following: isCount(p.following) ? p.following : null,
    laser: p.laser === true && role === 'facilitator',
    walk: role === 'facilitator' ? parseWalk(p.walk) : null,
    summon: role === 'facilitator' && isCount(p.summon) ? p.summon : 0,
  };
}

/** The colours offered for a person in a room, with their names as read out (white text reads on each). */
export const PRESENCE_COLORS: readonly { readonly value: string; readonly name: string }[] = [
  { value: '#c92a2a', name: 'Red' },
  { value: '#a61e4d', name: 'Raspberry' },
  { value: '#862e9c', name: 'Grape' },
  { value: '#5f3dc4', name: 'Violet' },
  { value: '#1864ab', name: 'Blue' },
  { value: '#0b7285', name: 'Teal' },
  { value: '#2b8a3e', name: 'Green' },
  { value: '#a04a00', name: 'Orange' },
];
