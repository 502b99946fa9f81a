import { createStore, type StoreApi } from 'zustand';
import type { Awareness } from 'y-protocols/awareness';
import {
  cleanName,
  isHexColor,
  parsePresence,
  PRESENCE_COLORS,
  PRESENCE_FIELD,
  type FlowBounds,
  type FlowPoint,
  type Presence,
  type PresenceRole,
  type WalkShown,
} from '../../domain/presence';
import { keepDeviceSetting, readDeviceSetting } from '../../db/deviceStorage';
import type { App } from '../app';
import { participantRoleOf, type OpenRoom } from '../roomStore';
import { canvasIdOf } from '../selection';
import { throttle } from './throttle';

/**
 * Presence in the open map's room, on the room's awareness (never in the document, its undo,
 * IndexedDB or a file): who is here, their pointers, selections and views, following someone, the
 * facilitator's walk mirrored on followers' screens, the laser pointer. Loaded only with a room.
 */

/** About 20 updates a second for pointers and views. */
export const PRESENCE_INTERVAL_MS = 50;
/** Where this device keeps the name and colour it shows in rooms. */
const PROFILE_KEY = 'cg-presence-profile';

export interface Peer extends Presence {
  /** The peer's awareness id (one per open map on a device). */
  readonly id: number;
}

export interface PresenceView {
  readonly selfId: number;
  readonly name: string;
  readonly color: string;
  readonly role: PresenceRole;
  /** False until a name was chosen on this device: the list then asks for one. */
  readonly named: boolean;
  /** Everyone else in the room, in the order they came. */
  readonly peers: readonly Peer[];
  readonly following: number | null;
  readonly laser: boolean;
  /** The last thing said in the live region (someone came or left, following stopped). */
  readonly announcement: string;
  /** Shown while not following after having followed: why, and how to resume. */
  readonly notice: string | null;
}

export interface PresenceHandle {
  readonly store: StoreApi<PresenceView>;
  /** The colours a person may choose, with their names. */
  readonly colors: typeof PRESENCE_COLORS;
  pointer(at: FlowPoint | null): void;
  view(bounds: FlowBounds): void;
  follow(id: number): void;
  /** This device moved on its own (panned, zoomed, walked): following stops, with a notice. */
  ownMove(what: string): void;
  stopFollowing(): void;
  bringEveryone(): void;
  setLaser(on: boolean): void;
  setProfile(name: string, color: string): void;
}

interface Profile {
  readonly name: string;
  readonly color: string;
}

function readProfile(): Profile | null {
  try {
    const raw: unknown = JSON.parse(readDeviceSetting(PROFILE_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const name = cleanName('name' in raw ? raw.name : '');
    const color = 'color' in raw ? raw.color : '';
    return name !== '' && isHexColor(color) ? { name, color } : null;
  } catch {
    return null;
  }
}

/** Where storage is refused, the name still shows for this visit. */
const keepProfile = (profile: Profile) => keepDeviceSetting(PROFILE_KEY, JSON.stringify(profile));

const LIST_OPEN_KEY = 'common-ground.presence-list-open';

/** Whether `In this room` was left open (it is, unless folded; and where storage is refused). */
export const readListOpen = (): boolean => readDeviceSetting(LIST_OPEN_KEY) !== 'false';

export const keepListOpen = (open: boolean): boolean =>
  keepDeviceSetting(LIST_OPEN_KEY, String(open));

const ROLE_NAMES: Record<PresenceRole, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  viewer: 'Viewer',
};

/** The peers in awareness order, each checked (parsePresence); this device left out. */
export function peersOf(states: ReadonlyMap<number, unknown>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [id, state] of states) {
    if (id === selfId) continue;
    const presence = parsePresence(state);
    if (presence) peers.push({ ...presence, id });
  }
  return peers;
}

const sameWalk = (a: WalkShown | null, b: WalkShown | null) =>
  JSON.stringify(a) === JSON.stringify(b);

export function startPresence(
  app: App,
  room: OpenRoom,
  awareness: Awareness,
): {
  handle: PresenceHandle;
  stop(): void;
} {
  const role = participantRoleOf(room);
  const kept = readProfile();
  const selfId = awareness.clientID;
  const store = createStore<PresenceView>()(() => ({
    selfId,
    name: kept?.name ?? `${ROLE_NAMES[role]} ${String(selfId % 1000)}`,
    color: kept?.color ?? PRESENCE_COLORS[selfId % PRESENCE_COLORS.length]?.value ?? '#1864ab',
    role,
    named: kept !== null,
    peers: [],
    following: null,
    laser: false,
    announcement: '',
    notice: null,
  }));
  const get = () => store.getState();
  const say = (announcement: string) => store.setState({ announcement });
  const nameOf = (id: number) => get().peers.find((p) => p.id === id)?.name ?? 'them';

  let local: Presence = {
    name: get().name,
    color: get().color,
    role,
    cursor: null,
    selection: [],
    view: null,
    following: null,
    laser: false,
    walk: null,
    summon: 0,
  };
  const publish = (change: Partial<Presence>) => {
    local = { ...local, ...change };
    awareness.setLocalStateField(PRESENCE_FIELD, local);
  };
  const sendPointer = throttle(
    (cursor: FlowPoint | null) => publish({ cursor }),
    PRESENCE_INTERVAL_MS,
  );
  const sendView = throttle((view: FlowBounds) => publish({ view }), PRESENCE_INTERVAL_MS);

  // The follower's walk is set from the followed one's; anything else moving it is this device's own.
  let mirroring = false;
  const mirrorWalk = (walk: WalkShown | null) => {
    const { workshopStore, sessionStore, documentStore } = app;
    mirroring = true;
    try {
      if (!walk) {
        if (workshopStore.getState().active) workshopStore.getState().stop();
        return;
      }
      const session = sessionStore.getState();
      const doc = documentStore.getState().doc;
      const conflict = doc?.conflicts.find((c) => c.id === walk.conflictId);
      // Only people on this map: the ids are the peer's, checked against the document here.
      const parties = walk.parties.flatMap(
        (id) => doc?.stakeholders.find((s) => s.id === id)?.id ?? [],
      );
      if (conflict && session.openConflictId !== conflict.id) session.openConflict(conflict);
      else if (!conflict && session.parties.join() !== parties.join()) session.setParties(parties);
      const shown = workshopStore.getState();
      if (!shown.active || shown.step !== walk.step)
        workshopStore.setState({ active: true, step: walk.step });
    } finally {
      mirroring = false;
    }
  };

  let mirroredWalk: WalkShown | null = null;
  const followed = () => get().peers.find((p) => p.id === get().following) ?? null;
  const applyFollowed = () => {
    const leader = followed();
    if (!leader || sameWalk(leader.walk, mirroredWalk)) return;
    mirroredWalk = leader.walk;
    mirrorWalk(leader.walk);
  };

  const setFollowing = (following: number | null, notice: string | null) => {
    mirroredWalk = null;
    store.setState({ following, notice });
    publish({ following });
    if (following !== null) applyFollowed();
  };

  const seenSummons = new Map<number, number>();
  const onChange = () => {
    const before = get().peers;
    const peers = peersOf(awareness.getStates(), selfId);
    store.setState({ peers });
    const came = peers.filter((p) => !before.some((b) => b.id === p.id));
    const left = before.filter((b) => !peers.some((p) => p.id === b.id));
    const news = [
      ...came.map((p) => `${p.name} joined the room.`),
      ...left.map((p) => `${p.name} left the room.`),
    ];
    const { following } = get();
    if (following !== null && left.some((p) => p.id === following)) {
      const name = left.find((p) => p.id === following)?.name ?? 'The person you followed';
      setFollowing(null, `${name} left the room, so you no longer follow anyone.`);
    }
    for (const peer of peers) {
      const seen = seenSummons.get(peer.id);
      seenSummons.set(peer.id, peer.summon);
      // A summon seen on arrival is an old one: only a new press brings this device along.
      if (seen === undefined || peer.summon <= seen || role === 'facilitator') continue;
      setFollowing(peer.id, null);
      news.push(`${peer.name} brought everyone to their view: you follow ${peer.name}.`);
    }
    if (news.length > 0) say(news.join(' '));
    applyFollowed();
  };
  awareness.on('change', onChange);

  const unsubscribeSelection = app.sessionStore.subscribe((s, prev) => {
    if (s.selection !== prev.selection) publish({ selection: s.selection.map(canvasIdOf) });
  });
  const walkOf = (): WalkShown | null => {
    const { active, step } = app.workshopStore.getState();
    if (!active) return null;
    const { openConflictId, parties } = app.sessionStore.getState();
    return { conflictId: openConflictId, parties, step };
  };
  const publishWalk = () => {
    if (role === 'facilitator') publish({ walk: walkOf() });
  };
  const unsubscribeWalk = app.workshopStore.subscribe(() => {
    publishWalk();
    if (mirroring || get().following === null || !followed()?.walk) return;
    handle.ownMove('walked on your own');
  });
  const unsubscribeParties = app.sessionStore.subscribe((s, prev) => {
    if (s.parties !== prev.parties || s.openConflictId !== prev.openConflictId) publishWalk();
  });

  const handle: PresenceHandle = {
    store,
    colors: PRESENCE_COLORS,
    pointer: sendPointer,
    view: sendView,
    follow(id) {
      if (id === selfId) return;
      setFollowing(id, null);
      say(`You follow ${nameOf(id)}.`);
    },
    ownMove(what) {
      const { following } = get();
      if (following === null) return;
      const name = nameOf(following);
      const notice = `You ${what}, so you stopped following ${name}. Choose “Follow ${name}” in “In this room” to follow again.`;
      setFollowing(null, notice);
      say(notice);
    },
    stopFollowing() {
      const { following } = get();
      if (following === null) return;
      const name = nameOf(following);
      setFollowing(null, `You stopped following ${name}. Choose “Follow ${name}” to follow again.`);
      say(`You stopped following ${name}.`);
    },
    bringEveryone() {
      if (role !== 'facilitator') return;
      publish({ summon: local.summon + 1 });
      say('Everyone in the room now follows you; each can stop following.');
    },
    setLaser(on) {
      if (role !== 'facilitator') return;
      store.setState({ laser: on });
      publish({ laser: on });
      say(on ? 'Laser pointer on.' : 'Laser pointer off.');
    },
    setProfile(name, color) {
      const clean = cleanName(name);
      if (clean === '' || !isHexColor(color)) return;
      keepProfile({ name: clean, color });
      store.setState({ name: clean, color, named: true });
      publish({ name: clean, color });
    },
  };
  publish({ selection: app.sessionStore.getState().selection.map(canvasIdOf) });
  publishWalk();
  onChange();
  return {
    handle,
    stop() {
      sendPointer.cancel();
      sendView.cancel();
      awareness.off('change', onChange);
      unsubscribeSelection();
      unsubscribeWalk();
      unsubscribeParties();
      awareness.setLocalState(null);
    },
  };
}
