import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { lockedProps, useViewOnlyNote } from './viewOnly';
import './fields.css';

/**
 * Commits what a field holds when the page is hidden or goes away (a reload, a closed tab), where
 * no blur comes. The listeners capture, so they run before the map session's own (a capturing
 * listener at the target runs first): the commit is in the map the session then keeps.
 */
export function useCommitOnLeave(commit: () => void): void {
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  });
  useEffect(() => {
    const onLeave = () => latest.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onLeave();
    };
    window.addEventListener('pagehide', onLeave, true);
    document.addEventListener('visibilitychange', onVisibility, true);
    return () => {
      window.removeEventListener('pagehide', onLeave, true);
      document.removeEventListener('visibilitychange', onVisibility, true);
    };
  }, []);
}

/**
 * A labelled text input that edits a draft and commits it on Enter, blur or Escape, so one edit is
 * one undo step rather than one per keystroke. Nothing typed is lost: Escape commits the draft and
 * then leaves the field (a screen may give Escape more meaning, e.g. workshop mode leaves), a field
 * that disappears with a draft in it (the selection changed, the mode ended) commits it too, and
 * so does a page that is reloaded or closed while the field still has focus.
 */
export function CommitField({
  label,
  value,
  onCommit,
  multiline = false,
  inputRef,
  hideLabel = false,
  className = 'cg-field',
}: {
  label: string;
  value: string;
  onCommit: (next: string) => void;
  multiline?: boolean;
  /** The label is read to screen readers only (a field whose place says what it is). */
  hideLabel?: boolean;
  className?: string;
  /** For a screen that moves focus here when this is the field the user needs next. */
  inputRef?: (element: HTMLInputElement | HTMLTextAreaElement | null) => void;
}) {
  const id = useId();
  const viewOnly = useViewOnlyNote();
  const [draft, setDraft] = useState<string | null>(null);
  // Refs, not state: Escape commits and then blurs in the same tick, and that blur (or an unmount)
  // must see the draft as already committed rather than commit it twice.
  const pending = useRef<string | null>(null);
  const latest = useRef({ value, onCommit });
  useEffect(() => {
    latest.current = { value, onCommit };
  });
  useEffect(
    () => () => {
      const text = pending.current;
      pending.current = null;
      if (text !== null && text !== latest.current.value) latest.current.onCommit(text);
    },
    [],
  );
  const shown = draft ?? value;
  const commit = () => {
    const text = pending.current;
    pending.current = null;
    setDraft(null);
    if (text !== null && text !== value) onCommit(text);
  };
  useCommitOnLeave(commit);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      commit();
      e.currentTarget.blur();
    }
  };
  const common = {
    id,
    value: shown,
    onChange: (e: { target: { value: string } }) => {
      pending.current = e.target.value;
      setDraft(e.target.value);
    },
    onBlur: commit,
    onKeyDown,
    ref: inputRef,
    readOnly: viewOnly !== null,
    'aria-describedby': viewOnly ?? undefined,
  };
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? 'cg-visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}

/** A labelled select over a fixed list of options. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (next: T) => void;
}) {
  const id = useId();
  const viewOnly = useViewOnlyNote();
  return (
    <div className="cg-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const next = options.find((o) => o.value === e.target.value);
          if (next && viewOnly === null) onChange(next.value);
        }}
        {...lockedProps(viewOnly)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Reads a typed number; blank means "not known" (null). Returns undefined for non-numbers. */
export function parseOptionalNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** A labelled number input committing on Enter/blur; blank commits null. */
export function NumberField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | null;
  onCommit: (next: number | null | undefined) => void;
}) {
  return (
    <CommitField
      label={label}
      value={value === null ? '' : String(value)}
      onCommit={(text) => onCommit(parseOptionalNumber(text))}
    />
  );
}

/** A button that changes the map: inert, but focusable and described, in a view-only map. */
export function EditButton({
  onClick,
  danger = false,
  children,
}: {
  onClick: () => void;
  danger?: boolean;
  children: ReactNode;
}) {
  const viewOnly = useViewOnlyNote();
  return (
    <button
      type="button"
      className={danger ? 'cg-button cg-button--danger' : 'cg-button'}
      onClick={onClick}
      {...lockedProps(viewOnly)}
    >
      {children}
    </button>
  );
}
