import { asStakeholderId, newId, type StakeholderId } from '../ids';
import { POSITION, type Position } from './position';
import { ID, nonBlank, type FieldRule, type RecordRules } from './rules';

export interface Stakeholder {
  readonly id: StakeholderId;
  readonly name: string;
  readonly role: string;
  readonly team: string;
  /** CSS hex colour (#rrggbb); paths and incentive edges are drawn in it. */
  readonly color: string;
  readonly notes: string;
  /**
   * Where the person sits on the canvas once placed or dragged (file format v2; before that it
   * lasted only for the session). Null until then: auto layout places them.
   */
  readonly position: Position | null;
}

/** Stakeholder colours are plain CSS hex so they work in canvas, SVG and PNG export alike. */
export const isHexColor = (color: string): boolean => /^#[0-9a-f]{6}$/i.test(color);

export const COLOUR: FieldRule<string> = {
  holds: isHexColor,
  expected: 'a colour like "#d9480f"',
  refusal: (color) => `"${color}" is not a colour like #1864ab.`,
};

export const STAKEHOLDER_RULES = {
  id: ID,
  name: nonBlank('A stakeholder needs a name.'),
  color: COLOUR,
  position: POSITION,
} satisfies RecordRules<Stakeholder>;

export const STAKEHOLDER_DEFAULTS = { position: null } as const;

/**
 * Stakeholder colours: each has at least 4.5:1 contrast against white (so white labels on it and
 * paths drawn on a light canvas stay readable) and they are far apart in hue and lightness, so two
 * parties in one picture are never confused.
 */
export const STAKEHOLDER_COLORS = [
  '#1864ab',
  '#c2410c',
  '#2b7a3b',
  '#9c36b5',
  '#0b7285',
  '#c2255c',
  '#3b3fc4',
  '#7a5c00',
] as const;

export interface NewStakeholderInput {
  readonly id?: StakeholderId;
  readonly name: string;
  readonly role?: string;
  readonly team?: string;
  readonly color?: string;
  readonly notes?: string;
  readonly position?: Position | null;
}

/**
 * The palette colour used least among `stakeholders` (earliest in the palette on a tie), so a new
 * stakeholder stands apart from the ones already on the map.
 */
export function nextStakeholderColor(stakeholders: readonly Stakeholder[]): string {
  const uses = new Map<string, number>(STAKEHOLDER_COLORS.map((c) => [c, 0]));
  for (const s of stakeholders) {
    const color = s.color.toLowerCase();
    const n = uses.get(color);
    if (n !== undefined) uses.set(color, n + 1);
  }
  let best: string = STAKEHOLDER_COLORS[0];
  let bestUses = Infinity;
  for (const [color, n] of uses) {
    if (n < bestUses) {
      best = color;
      bestUses = n;
    }
  }
  return best;
}

/** Without a colour, picks the one least used among `existing` stakeholders. */
export function newStakeholder(
  input: NewStakeholderInput,
  existing: readonly Stakeholder[] = [],
): Stakeholder {
  return {
    id: input.id ?? asStakeholderId(newId('s')),
    name: input.name,
    role: input.role ?? '',
    team: input.team ?? '',
    color: input.color ?? nextStakeholderColor(existing),
    notes: input.notes ?? '',
    position: input.position ?? STAKEHOLDER_DEFAULTS.position,
  };
}
