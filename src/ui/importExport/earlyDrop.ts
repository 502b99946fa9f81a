import { useEffect } from 'react';

/**
 * Files dropped on the window before the import controls have arrived (they load after the first
 * screen). With no listener at all the browser opens a dropped file in place of the app; until
 * the controls take drops over, this keeps the file dropped last, and they open it on arrival.
 */

let kept: File | null = null;
let takenOver = false;

export const carriesFiles = (event: DragEvent): boolean =>
  event.dataTransfer?.types.includes('Files') ?? false;

/** Holds files dropped on the window until `takeOverDrops` is called. */
export function useEarlyDrops(): void {
  useEffect(() => {
    if (takenOver) return undefined;
    const over = (event: DragEvent) => {
      if (!takenOver && carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (takenOver || !carriesFiles(event)) return;
      event.preventDefault();
      kept = event.dataTransfer?.files[0] ?? kept;
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

/** For the import controls once they are up: every later drop is theirs; the file held, if any. */
export function takeOverDrops(): File | null {
  takenOver = true;
  const file = kept;
  kept = null;
  return file;
}
