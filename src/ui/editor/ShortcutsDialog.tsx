import { EDITOR_ACTIONS } from '../actions/editorActions';
import { describeKeys } from '../actions/keys';
import { Dialog } from '../Dialog';
import './shortcuts.css';

/** Ways of moving around the map that are not actions: React Flow and the goals take them. */
const MOVING_AROUND: readonly { keys: string; what: string }[] = [
  {
    keys: 'Tab, then ↑ ↓ ← →',
    what: 'Move between goals: up to a parent, down to a child, across to siblings',
  },
  { keys: 'Enter or Space on a goal', what: 'Select it and show its details' },
  {
    keys: '↑ ↓ ← → on a selected person',
    what: 'Move them 5 px (Shift: 20 px); each press is saved as one undo step',
  },
  { keys: 'Shift + click, Shift + drag', what: 'Select several' },
];

/** The `?` dialog: every action that has keys, as the action table gives them. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const rows = [
    ...EDITOR_ACTIONS.flatMap((a) =>
      a.keys ? [{ keys: describeKeys(a.keys), what: a.description ?? a.label }] : [],
    ),
    ...MOVING_AROUND,
  ];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="cg-shortcuts">
        <tbody>
          {rows.map((row) => (
            <tr key={row.keys}>
              <th scope="row">
                <kbd>{row.keys}</kbd>
              </th>
              <td>{row.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="cg-button" onClick={onClose}>
        Close
      </button>
    </Dialog>
  );
}
