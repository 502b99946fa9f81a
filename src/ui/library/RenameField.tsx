import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useCommitOnLeave } from '../fields';

/**
 * The map name as an inline text field. Nothing typed is dropped: Enter, Escape, leaving the
 * field, the field going away (the library closed) or the tab being hidden all save the name as typed, the way every
 * `CommitField` keeps its draft. `onDone` runs exactly once, whichever way the edit ends.
 */
export function RenameField({
  name,
  onSave,
  onDone,
}: {
  name: string;
  onSave: (next: string) => void;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(name);
  // Refs, not state: Enter ends the edit and the blur that follows in the same tick (or an
  // unmount) must not end it again, and the unmount must see the last keystroke.
  const finished = useRef(false);
  const latest = useRef({ draft, name, onSave });
  useEffect(() => {
    latest.current = { draft, name, onSave };
  });
  const save = () => {
    if (finished.current) return false;
    finished.current = true;
    const { draft: typed, name: before, onSave: store } = latest.current;
    if (typed.trim() !== before) store(typed);
    return true;
  };
  // Only a changed name is saved on unmount: React's development double mount must not end the
  // edit before it starts.
  useEffect(
    () => () => {
      if (latest.current.draft.trim() !== latest.current.name) save();
    },
    [],
  );
  const finish = () => {
    if (save()) onDone();
  };
  // A hidden tab keeps the name typed so far, and the edit goes on. A reload in the middle of a
  // rename keeps it too: the library keeps the name on this device before it writes it.
  useCommitOnLeave(() => {
    const { draft: typed, name: before, onSave: store } = latest.current;
    if (!finished.current && typed.trim() !== '' && typed.trim() !== before) store(typed);
  });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      finish();
    }
  };
  return (
    <div className="cg-maprow__rename">
      <input
        type="text"
        aria-label="Map name"
        value={draft}
        // The user just asked to rename: typing should go straight into the name.
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          latest.current = { ...latest.current, draft: e.target.value };
          setDraft(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={finish}
      />
      <span className="cg-maprow__hint" aria-hidden="true">
        Enter or Esc saves the name
      </span>
    </div>
  );
}
