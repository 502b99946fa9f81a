import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * The map name as an inline text field: Enter (or leaving the field) saves, Escape cancels.
 * `onDone` runs exactly once, whichever way the edit ends.
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
  // A ref, not state: Enter ends the edit, and the blur that follows in the same tick must not.
  const finished = useRef(false);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (save && draft.trim() !== name) onSave(draft);
    onDone();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
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
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
      <span className="cg-maprow__hint" aria-hidden="true">
        Enter to save · Esc to cancel
      </span>
    </div>
  );
}
