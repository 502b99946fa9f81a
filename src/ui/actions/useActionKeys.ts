import { useEffect, useRef } from 'react';
import { useApp } from '../../store/appContext';
import { isEnabled, type Action } from './action';
import { readActionState } from './actionState';
import { isTypingTarget, matchesKey } from './keys';

/**
 * The keyboard handler of a screen: the first action whose keys match runs, if it is enabled.
 * Keys typed into a field stay there (unless the action says otherwise), and keys pressed inside
 * a dialog belong to the dialog.
 */
export function useActionKeys<C>(actions: readonly Action<C>[], context: C): void {
  const app = useApp();
  const latest = useRef(context);
  useEffect(() => {
    latest.current = context;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey) return;
      if (e.target instanceof Element && e.target.closest('dialog') !== null) return;
      const typing = isTypingTarget(e.target);
      const action = actions.find(
        (a) => (!typing || a.whileTyping === true) && a.keys?.some((k) => matchesKey(k, e)),
      );
      if (!action || !isEnabled(action, readActionState(app))) return;
      e.preventDefault();
      action.run(latest.current);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, app]);
}
