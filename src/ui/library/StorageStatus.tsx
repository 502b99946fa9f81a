import { useApp } from '../../store/appContext';
import { useEffect, useState } from 'react';
import { describeSize } from '../describeSize';
import type { StorageHealth } from '../../db/storageHealth';
import { useStorageHealth } from '../../store/storageHealth';

function usageText({ usageBytes, quotaBytes }: StorageHealth): string | null {
  if (usageBytes === null) return null;
  const quota = quotaBytes === null ? '' : ` of ${describeSize(quotaBytes)} the browser allows`;
  return `Using ${describeSize(usageBytes)}${quota}.`;
}

function persistenceText(persisted: boolean | null, asked: boolean): string {
  if (persisted === true) {
    return 'Persistent storage is on: the browser keeps your maps until you clear its data.';
  }
  if (persisted === null) {
    return 'This browser does not say whether it keeps your maps; export a backup of any map you cannot lose.';
  }
  return asked
    ? 'The browser did not agree to keep your maps for good (it usually does once the app is installed or used often). Export a backup of any map you cannot lose.'
    : 'Storage is not persistent: the browser may clear your maps by itself if the device runs low on space.';
}

/** Whether the maps on this device are safe from the browser clearing them, and how much they take. */
export function StorageStatus() {
  const app = useApp();
  const health = useStorageHealth((s) => s.health);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    void app.storageHealthStore.getState().check();
  }, [app]);
  if (!health) return null;
  const usage = usageText(health);
  return (
    <section className="cg-library__section cg-storage" aria-labelledby="cg-storage-heading">
      <h2 id="cg-storage-heading">Storage on this device</h2>
      <p>
        {persistenceText(health.persisted, asked)} {usage}
      </p>
      {health.persisted === false && !asked && (
        <button
          type="button"
          className="cg-button"
          onClick={() => {
            setAsked(true);
            void app.storageHealthStore.getState().requestPersistence();
          }}
        >
          Ask the browser to keep my maps
        </button>
      )}
    </section>
  );
}
