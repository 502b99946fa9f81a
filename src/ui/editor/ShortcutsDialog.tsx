import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts';
import './shortcuts.css';

/** The `?` overlay, open while it is shown: every keyboard shortcut of the editor. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="cg-dialog" aria-labelledby="cg-shortcuts-title" onClose={onClose}>
      <h2 id="cg-shortcuts-title">Keyboard shortcuts</h2>
      <table className="cg-shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="cg-button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
