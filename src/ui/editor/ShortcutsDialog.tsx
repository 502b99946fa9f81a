import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts';

/** The `?` overlay: every keyboard shortcut of the editor. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
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
