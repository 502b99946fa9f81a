import {
  createContext,
  Suspense,
  use,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_ALL } from '../../canvas/fitOptions';
import { useApp } from '../../store/appContext';
import { lazyPart } from '../lazyPart';
import { isEnabled } from './action';
import { useActionState } from './actionState';
import {
  EDITOR_ACTIONS,
  editorAction,
  type EditorActionId,
  type EditorContext,
  type EditorDialog,
} from './editorActions';
import { useActionKeys } from './useActionKeys';
import type { ToolFocus } from '../editor/useToolbarFocus';

// The dialogs load on first use (the shortcuts and the palette as soon as the browser is idle).
const HistoryDialog = lazyPart(
  async () => (await import('../history/HistoryDialog')).HistoryDialog,
);
const ShortcutsDialog = lazyPart(
  async () => (await import('../editor/ShortcutsDialog')).ShortcutsDialog,
  { whenIdle: true },
);
// The room's dialog loads when Share is pressed: nothing of it is on the first screen.
const ShareDialog = lazyPart(async () => (await import('../rooms/ShareDialog')).ShareDialog);
const CommandPalette = lazyPart(async () => (await import('./CommandPalette')).CommandPalette, {
  whenIdle: true,
});

interface EditorActionsValue {
  readonly context: EditorContext;
  /** The search box, which `/` focuses. */
  readonly searchRef: RefObject<HTMLInputElement | null>;
}

const EditorActionsContext = createContext<EditorActionsValue | null>(null);

function useEditorActions(): EditorActionsValue {
  const value = use(EditorActionsContext);
  if (!value) throw new Error('An editor action is used outside <EditorActions>.');
  return value;
}

/** The search box's ref, for the toolbar that shows it. */
export const useSearchRef = (): RefObject<HTMLInputElement | null> => useEditorActions().searchRef;

/**
 * Makes the editor's actions runnable everywhere inside it: buttons, keys, and the dialogs they
 * open (history, the `?` shortcuts, the command palette).
 */
export function EditorActions({ children }: { children: ReactNode }) {
  const app = useApp();
  const { fitView } = useReactFlow();
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const context = useMemo<EditorContext>(
    () => ({
      app,
      fitView: () => void fitView(FIT_ALL),
      focusSearch: () => searchRef.current?.focus(),
      openDialog: setDialog,
    }),
    [app, fitView],
  );
  const value = useMemo<EditorActionsValue>(() => ({ context, searchRef }), [context]);
  useActionKeys(EDITOR_ACTIONS, context);
  const close = () => setDialog(null);
  return (
    <EditorActionsContext value={value}>
      {children}
      <Suspense fallback={null}>
        {dialog === 'history' && <HistoryDialog onClose={close} />}
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
        {dialog === 'palette' && <CommandPalette context={context} onClose={close} />}
        {dialog === 'share' && <ShareDialog onClose={close} />}
      </Suspense>
    </EditorActionsContext>
  );
}

/** A toolbar button drawn from the action table; `focus` makes it one of a toolbar's tools. */
export function ActionButton({
  id,
  primary = false,
  focus,
}: {
  id: EditorActionId;
  primary?: boolean;
  focus?: ToolFocus;
}) {
  const { context } = useEditorActions();
  const state = useActionState();
  const action = editorAction(id);
  return (
    <button
      type="button"
      className={primary ? 'cg-button cg-button--primary' : 'cg-button'}
      disabled={!isEnabled(action, state)}
      aria-pressed={action.pressed?.(state)}
      aria-haspopup={action.opensDialog === true ? 'dialog' : undefined}
      aria-label={action.short === undefined ? undefined : action.label}
      onClick={() => action.run(context)}
      {...focus}
    >
      {action.short ?? action.label}
    </button>
  );
}
