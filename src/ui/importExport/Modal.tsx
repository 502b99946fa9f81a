import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialogs.css';

export interface ModalProps {
  readonly title: string;
  /** 'alertdialog' for messages that need an answer (import errors), 'dialog' otherwise. */
  readonly role?: 'dialog' | 'alertdialog';
  /** Escape and the close button call it; the parent decides whether the modal goes away. */
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
}

/**
 * A native modal <dialog>: the browser traps focus, makes the page behind it inert and closes on
 * Escape, which no hand-rolled overlay gets fully right.
 */
export function Modal({ title, role = 'dialog', onClose, children, wide = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`cg-modal${wide ? ' cg-modal--wide' : ''}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={headingId}
      onCancel={(event) => {
        // React, not the browser, decides when the dialog unmounts.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={headingId} className="cg-modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
