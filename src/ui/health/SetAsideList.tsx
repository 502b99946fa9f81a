import { useId, useState } from 'react';
import type { Resolution, SetAsideItem } from '../../domain/repair';
import { useApp } from '../../store/appContext';
import { selectReadOnly, useDocumentStore } from '../../store/documentStore';
import { oneClickResolutions, useRoomStore } from '../../store/roomStore';

/** Per list: each item is one record; a merge rarely sets aside more than a few. */
const ITEMS_SHOWN = 50;

const itemKey = (item: SetAsideItem, index: number): string =>
  `${item.list}-${item.id}-${item.cause}-${index}`;

type Reattach = Extract<Resolution, { action: 'reattach' }>;

/**
 * "Attach it to another goal" / "Choose an owner": opens a choice of the map's goals or people
 * (built only when asked for: a large map has thousands), then attaches the record to the one
 * chosen.
 */
function ReattachChoice({ item, resolution }: { item: SetAsideItem; resolution: Reattach }) {
  const app = useApp();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const doc = useDocumentStore((s) => s.doc);
  if (!open || !doc) {
    return (
      <button type="button" className="cg-button" onClick={() => setOpen(true)}>
        {resolution.label}
      </button>
    );
  }
  const options =
    resolution.to === 'goal'
      ? doc.goals.map((g) => ({ id: g.id, name: g.title }))
      : doc.stakeholders.map((p) => ({ id: p.id, name: p.name }));
  return (
    <div className="cg-row" role="group" aria-label={resolution.label}>
      <label htmlFor={id}>{resolution.to === 'goal' ? 'Goal' : 'Person'}</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="cg-button"
        disabled={chosen === ''}
        onClick={() => app.roomFollower.resolve(item, resolution, chosen)}
      >
        Attach
      </button>
      <button type="button" className="cg-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}

/**
 * What the room's repair left out of the map, so nothing is lost unseen: each item says why in
 * plain words and offers its one-click resolutions (an undoable edit of this device). View-only
 * devices see the list without the buttons.
 */
export function SetAsideList({ items }: { items: readonly SetAsideItem[] }) {
  const app = useApp();
  const readOnly = useDocumentStore(selectReadOnly);
  if (items.length === 0) return null;
  return (
    <section aria-label="Room" className="cg-health__group">
      <h3>Room</h3>
      <ul>
        {items.slice(0, ITEMS_SHOWN).map((item, i) => (
          <li key={itemKey(item, i)} className="cg-health__item">
            <p>Set aside in the room: {item.message}</p>
            {!readOnly && (
              <div className="cg-row">
                {oneClickResolutions(item).map((resolution) =>
                  resolution.action === 'reattach' ? (
                    <ReattachChoice key={resolution.label} item={item} resolution={resolution} />
                  ) : (
                    <button
                      key={resolution.label}
                      type="button"
                      className="cg-button"
                      onClick={() => app.roomFollower.resolve(item, resolution)}
                    >
                      {resolution.label}
                    </button>
                  ),
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {items.length > ITEMS_SHOWN && (
        <p className="cg-hint">…and {items.length - ITEMS_SHOWN} more set aside.</p>
      )}
    </section>
  );
}

/** The room's set-aside items, for Map health. */
export const useSetAside = (): readonly SetAsideItem[] => useRoomStore((s) => s.setAside);
