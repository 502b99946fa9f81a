/**
 * Runs async tasks one at a time, in the order they were handed in; each caller gets its own
 * task's outcome. A failed task does not stop the ones queued after it.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}
