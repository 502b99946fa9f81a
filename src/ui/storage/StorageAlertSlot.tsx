import { Suspense } from 'react';
import type { MapDocument } from '../../domain/model';
import { selectStorageAlert, useSessionStore } from '../../store/sessionStore';
import { lazyPart } from '../lazyPart';

// Shown only when storage fails, so off the first screen; fetched once the browser is idle, so
// the alert never waits for the network (which may be what just failed).
const StorageAlert = lazyPart(async () => (await import('./StorageAlert')).StorageAlert, {
  whenIdle: true,
});

/** Where the storage alert appears when there is one. */
export function StorageAlertSlot({ doc }: { doc: MapDocument }) {
  const alert = useSessionStore(selectStorageAlert);
  if (!alert) return null;
  return (
    <Suspense fallback={null}>
      <StorageAlert doc={doc} />
    </Suspense>
  );
}
