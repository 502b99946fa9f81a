import { useEffect, useId, useState } from 'react';
import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useStore as useZustand } from 'zustand';
import { fitBounds, visibleBounds, type Viewport } from '../../domain/followView';
import type { FlowBounds } from '../../domain/presence';
import {
  keepListOpen,
  readListOpen,
  type Peer,
  type PresenceHandle,
  type PresenceView,
} from '../../store/rooms/presence';
import { selectWorkshopActive, useWorkshopStore } from '../../store/workshopStore';
import { useCommitOnLeave } from '../fields';
import './presence.css';

/** The canvas's zoom limits (MapCanvas), so a followed view is fitted within them. */
const ZOOM_LIMITS = { minZoom: 0.05, maxZoom: 2.5 };
const ROLE_LABELS = { facilitator: 'facilitator', participant: 'participant', viewer: 'viewer' };

const selectViewport = (s: ReactFlowState): Viewport => ({
  x: s.transform[0],
  y: s.transform[1],
  zoom: s.transform[2],
});

/** A colour as it is read out: its name from the palette, or its code for one from elsewhere. */
const colorName = (presence: PresenceHandle, color: string) =>
  presence.colors.find((c) => c.value === color)?.name ?? `colour ${color}`;

function Swatch({ presence, color }: { presence: PresenceHandle; color: string }) {
  return (
    <span
      className="cg-swatch"
      role="img"
      aria-label={colorName(presence, color)}
      style={{ background: color }}
    />
  );
}

function usePresence<T>(presence: PresenceHandle, select: (s: PresenceView) => T): T {
  return useZustand(presence.store, select);
}

/**
 * Sends where this device's pointer is on the map (flow coordinates, so it lands on the same goal
 * at any zoom); with the laser on, a goal focused from the keyboard is pointed at too.
 */
function usePublishPointer(presence: PresenceHandle): void {
  const domNode = useStore((s) => s.domNode);
  const { screenToFlowPosition, getInternalNode } = useReactFlow();
  useEffect(() => {
    if (!domNode) return;
    const move = (e: PointerEvent) =>
      presence.pointer(screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false }));
    const leave = () => presence.pointer(null);
    const focus = (e: FocusEvent) => {
      if (!presence.store.getState().laser || !(e.target instanceof HTMLElement)) return;
      const id = e.target.closest('.react-flow__node')?.getAttribute('data-id');
      const node = id ? getInternalNode(id) : undefined;
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      presence.pointer({
        x: x + (node.measured.width ?? 0) / 2,
        y: y + (node.measured.height ?? 0) / 2,
      });
    };
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    domNode.addEventListener('focusin', focus);
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
      domNode.removeEventListener('focusin', focus);
    };
  }, [domNode, presence, screenToFlowPosition, getInternalNode]);
}

/** Where a press or a wheel moves the view: the map's background, the minimap, the zoom buttons. */
const MOVES_VIEW = '.react-flow__pane, .react-flow__minimap, .react-flow__controls';

/**
 * Sends the part of the map this screen shows; while following, shows the followed person's part
 * fitted to this screen. A move of this device's own (a drag or wheel on the map, the minimap, the
 * zoom buttons) stops following; the camera's own moves (framing a conflict) do not. In workshop
 * mode the walk frames itself on each screen, so the view is not followed there.
 */
function useViewSync(presence: PresenceHandle, walking: boolean): void {
  const api = useStoreApi();
  const domNode = useStore((s) => s.domNode);
  const { setViewport } = useReactFlow();
  useEffect(() => {
    const publish = (s: ReactFlowState) => {
      if (s.width > 0 && s.height > 0)
        presence.view(visibleBounds(selectViewport(s), { width: s.width, height: s.height }));
    };
    publish(api.getState());
    return api.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height)
        publish(s);
    });
  }, [api, presence]);
  useEffect(() => {
    if (!domNode || walking) return;
    const own = (e: Event) => {
      if (e.target instanceof Element && e.target.closest(MOVES_VIEW))
        presence.ownMove('moved the map');
    };
    const events = ['wheel', 'pointerdown', 'click'] as const;
    for (const name of events) domNode.addEventListener(name, own, { capture: true });
    return () => {
      for (const name of events) domNode.removeEventListener(name, own, { capture: true });
    };
  }, [domNode, presence, walking]);
  const leaderView = usePresence(presence, (s) =>
    s.following === null ? null : (s.peers.find((p) => p.id === s.following)?.view ?? null),
  );
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  useEffect(() => {
    if (!leaderView || walking || width === 0 || height === 0) return;
    void setViewport(fitBounds(leaderView, { width, height }, ZOOM_LIMITS));
  }, [leaderView, walking, width, height, setViewport]);
}

/** A rectangle of the map on the screen. */
function toScreen(b: FlowBounds, v: Viewport) {
  return {
    left: b.x * v.zoom + v.x,
    top: b.y * v.zoom + v.y,
    width: b.width * v.zoom,
    height: b.height * v.zoom,
  };
}

/** The others' pointers and selections, in their colours with their names (not read out). */
function PeerMarks({ peers }: { peers: readonly Peer[] }) {
  const viewport = useStore(selectViewport);
  const nodeLookup = useStore((s) => s.nodeLookup);
  return (
    <div className="cg-presence-marks" aria-hidden="true">
      {peers.flatMap((peer) =>
        peer.selection.flatMap((id) => {
          const node = nodeLookup.get(id);
          if (!node) return [];
          const box = toScreen(
            {
              ...node.internals.positionAbsolute,
              width: node.measured.width ?? 0,
              height: node.measured.height ?? 0,
            },
            viewport,
          );
          return [
            <div
              key={`${String(peer.id)}:${id}`}
              className="cg-presence-selection"
              style={{ ...box, borderColor: peer.color }}
            >
              <span style={{ background: peer.color }}>{peer.name}</span>
            </div>,
          ];
        }),
      )}
      {peers.flatMap((peer) => {
        if (!peer.cursor) return [];
        const left = peer.cursor.x * viewport.zoom + viewport.x;
        const top = peer.cursor.y * viewport.zoom + viewport.y;
        if (peer.laser)
          return [
            // Keyed by position: every move restarts the fade, so a still laser fades in a second.
            <div
              key={`${String(peer.id)}:${String(peer.cursor.x)},${String(peer.cursor.y)}`}
              className="cg-presence-laser"
              data-name={peer.name}
              style={{ left, top }}
            />,
          ];
        return [
          <div
            key={peer.id}
            className="cg-presence-cursor"
            data-name={peer.name}
            style={{ left, top, color: peer.color }}
          >
            <svg width="16" height="20" viewBox="0 0 16 20">
              <path
                d="M1 1 L1 17 L5.5 13 L9 19 L11.5 18 L8 12 L14 12 Z"
                fill="currentColor"
                stroke="#fff"
              />
            </svg>
            <span style={{ background: peer.color }}>{peer.name}</span>
          </div>,
        ];
      })}
    </div>
  );
}

/** "participant, following Dana": a person's role and whom they follow. */
function describePerson(
  person: Pick<Peer, 'role' | 'following'>,
  peers: readonly Peer[],
  selfId: number,
): string {
  const role = ROLE_LABELS[person.role];
  if (person.following === null) return role;
  const whom =
    person.following === selfId ? 'you' : peers.find((p) => p.id === person.following)?.name;
  return whom ? `${role}, following ${whom}` : role;
}

/** This device's name and colour, kept on the device; asked for until one was chosen. */
function OwnProfile({ presence }: { presence: PresenceHandle }) {
  const name = usePresence(presence, (s) => s.name);
  const color = usePresence(presence, (s) => s.color);
  const named = usePresence(presence, (s) => s.named);
  const [typed, setTyped] = useState(name);
  const id = useId();
  const save = (nextColor = color) => presence.setProfile(typed, nextColor);
  // A name typed and not yet saved is kept when the page is reloaded or closed.
  useCommitOnLeave(() => {
    if (typed !== name) save();
  });
  return (
    <div className="cg-presence__self">
      {!named && <p className="cg-presence__ask">Choose the name the others see.</p>}
      <label htmlFor={`${id}-name`}>Your name</label>
      <input
        id={`${id}-name`}
        value={typed}
        maxLength={40}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={() => save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
        }}
      />
      <label htmlFor={`${id}-color`}>Your colour</label>
      <select
        id={`${id}-color`}
        value={color}
        onChange={(e) => save(e.target.value)}
        style={{ borderLeftColor: color }}
      >
        {presence.colors.map(({ value, name }) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Whether the `In this room` list is open; kept on the device, so it stays as left. */
function useListOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(readListOpen);
  const change = (next: boolean) => {
    setOpen(next);
    keepListOpen(next);
  };
  return [open, change];
}

/**
 * The `In this room` list: everyone here, whom they follow, and following by keyboard. It folds
 * down to its heading (on a 1280×720 projector it would cover the people's boxes in the corner);
 * notices and announcements still show and are read out while it is folded.
 */
function InThisRoom({ presence }: { presence: PresenceHandle }) {
  const view = usePresence(presence, (s) => s);
  const bodyId = useId();
  const [open, setOpen] = useListOpen();
  const following = view.peers.find((p) => p.id === view.following);
  return (
    <Panel position="bottom-left" className="nowheel nopan nodrag cg-presence">
      <section aria-label="In this room">
        <h2>
          <button
            type="button"
            className="cg-presence__toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen(!open)}
          >
            In this room ({view.peers.length + 1})
          </button>
        </h2>
        <div id={bodyId} hidden={!open}>
          <ul className="cg-presence__people">
            <li>
              <Swatch presence={presence} color={view.color} />
              <span className="cg-presence__name">{view.name} (you)</span>
              <span className="cg-presence__role">
                {describePerson(view, view.peers, view.selfId)}
              </span>
            </li>
            {view.peers.map((peer) => (
              <li key={peer.id}>
                <Swatch presence={presence} color={peer.color} />
                <span className="cg-presence__name">{peer.name}</span>
                <span className="cg-presence__role">
                  {describePerson(peer, view.peers, view.selfId)}
                </span>
                {view.following === peer.id ? (
                  <button
                    type="button"
                    className="cg-button"
                    onClick={() => presence.stopFollowing()}
                  >
                    Stop following
                  </button>
                ) : (
                  <button
                    type="button"
                    className="cg-button"
                    onClick={() => presence.follow(peer.id)}
                  >
                    Follow {peer.name}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {view.role === 'facilitator' && (
            <div className="cg-presence__lead">
              <button type="button" className="cg-button" onClick={() => presence.bringEveryone()}>
                Bring everyone to me
              </button>
              <button
                type="button"
                className="cg-button"
                aria-pressed={view.laser}
                onClick={() => presence.setLaser(!view.laser)}
              >
                Laser pointer
              </button>
            </div>
          )}
          {following && <p className="cg-presence__following">You follow {following.name}.</p>}
          <OwnProfile presence={presence} />
        </div>
        {view.notice && (
          <p className="cg-presence__notice" role="note">
            {view.notice}
          </p>
        )}
        <p className="cg-visually-hidden" aria-live="polite">
          {view.announcement}
        </p>
      </section>
    </Panel>
  );
}

/**
 * Presence on the canvas of a shared map: the `In this room` list, the others' pointers and
 * selections, and following someone's view. Render inside MapCanvas (it needs React Flow's view).
 */
export function RoomPresence({ presence }: { presence: PresenceHandle }) {
  const walking = useWorkshopStore(selectWorkshopActive);
  const peers = usePresence(presence, (s) => s.peers);
  usePublishPointer(presence);
  useViewSync(presence, walking);
  useEffect(() => () => presence.pointer(null), [presence]);
  return (
    <>
      <PeerMarks peers={peers} />
      <InThisRoom presence={presence} />
    </>
  );
}
