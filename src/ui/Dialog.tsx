import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

export interface DialogProps {
  readonly title: string;
  /** 'alertdialog' for messages that need an answer (import errors), 'dialog' otherwise. */
  readonly role?: 'dialog' | 'alertdialog';
  /** Escape and the close buttons call it; the parent decides whether the dialog goes away. */
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** The dialog's own look; the plain modal's otherwise. */
  readonly className?: string;
  readonly wide?: boolean;
  /** The title is read to screen readers but not shown (the palette's input says it all). */
  readonly hideTitle?: boolean;
  /** Lays out a header around the title (a hint beside it, a close button). */
  readonly header?: (title: ReactNode) => ReactNode;
}

/**
 * Every dialog of the app: a native modal <dialog>, so the browser traps focus and makes the page
 * behind it inert, which no hand-rolled overlay gets fully right. Escape closes it wherever focus
 * is, and focus goes back to what opened it. React, not the browser, decides when it goes away: a
 * cancel only asks `onClose`, and it never listens to the native `close` event, which React's
 * StrictMode (the dev server) fires when it mounts effects twice and would close it at once.
 */
export function Dialog({
  title,
  role = 'dialog',
  onClose,
  children,
  className,
  wide = false,
  hideTitle = false,
  header = (heading) => heading,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  // Layout effects: focus is back on the opener before anything run after closing moves it on.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    // If focus fell back to the page (what had it disappeared), the browser's own cancel never
    // fires and the editor's shortcuts would take the key.
    const onKeyDown = (e: KeyboardEvent) => {
      const inside = e.target instanceof Node && ref.current?.contains(e.target) === true;
      if (e.key !== 'Escape' || inside) return;
      e.preventDefault();
      e.stopPropagation();
      close.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
  const heading = (
    <h2 id={headingId} className={hideTitle ? 'cg-visually-hidden' : 'cg-modal__title'}>
      {title}
    </h2>
  );
  return (
    <dialog
      ref={ref}
      className={className ?? `cg-modal${wide ? ' cg-modal--wide' : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {header(heading)}
      {children}
    </dialog>
  );
}
