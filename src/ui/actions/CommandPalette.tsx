import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Dialog } from '../Dialog';
import { isEnabled, type Action } from './action';
import { useActionState } from './actionState';
import { EDITOR_ACTIONS, type EditorContext } from './editorActions';
import { describeKeys } from './keys';
import { rankActions } from './rankActions';
import './palette.css';

/**
 * Ctrl/⌘+K: every action of the editor with its keys, narrowed by typing; ↑/↓ move, Enter runs
 * the highlighted one, Escape closes. A combobox over a listbox: focus stays in the input and the
 * highlighted option is its active descendant.
 */
export function CommandPalette({
  context,
  onClose,
}: {
  context: EditorContext;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const state = useActionState();
  const listId = useId();
  const matches = rankActions(EDITOR_ACTIONS, query);
  const current = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });
  const run = (action: Action<EditorContext> | undefined) => {
    if (!action || !isEnabled(action, state)) return;
    // Closed first, so focus is back where it was before the action moves it (to a new goal's
    // title, the search box) or opens another dialog.
    flushSync(onClose);
    action.run(context);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && matches.length > 0) {
      e.preventDefault();
      setActive((current + step + matches.length) % matches.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(matches[current]);
    }
  };
  const open = matches.length > 0;
  return (
    <Dialog title="Command palette" hideTitle className="cg-modal cg-palette" onClose={onClose}>
      <input
        type="text"
        className="cg-palette__input"
        role="combobox"
        aria-label="Run an action"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        placeholder="Type to find an action…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul className="cg-palette__list" role="listbox" id={listId} aria-label="Actions">
          {matches.map((action, index) => (
            <li
              key={action.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              aria-disabled={isEnabled(action, state) ? undefined : true}
              className="cg-palette__option"
              onClick={() => run(action)}
              onMouseMove={() => setActive(index)}
            >
              <span>{action.label}</span>
              {action.keys && <kbd>{describeKeys(action.keys)}</kbd>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="cg-hint cg-palette__empty">No action matches “{query.trim()}”.</p>
      )}
    </Dialog>
  );
}
