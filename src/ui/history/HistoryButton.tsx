import { Suspense, useState } from 'react';
import { lazyPart } from '../lazyPart';

// The dialog, its preview and the diff load on first use, off the first screen.
const HistoryDialog = lazyPart(async () => (await import('./HistoryDialog')).HistoryDialog);

/** Opens the open map's version history. */
export function HistoryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="cg-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        History
      </button>
      <Suspense fallback={null}>
        {open && <HistoryDialog onClose={() => setOpen(false)} />}
      </Suspense>
    </>
  );
}
