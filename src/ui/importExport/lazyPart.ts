import { lazy, type ComponentType } from 'react';
import { sessionStore } from '../../store/sessionStore';

const RELOAD_NOTICE =
  'This part of the app could not be loaded, probably because a newer version was installed. Reload the page to use it.';

/** What an unavailable part renders: the notice says why. */
const Nothing = (): null => null;

/**
 * A component loaded on first use. If its code cannot be fetched (the app was updated and the old
 * file is gone, or the network dropped), the user is told to reload instead of the whole app
 * going blank, which is what an unhandled lazy failure does.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  onUnavailable: () => void = () => undefined,
) {
  return lazy<ComponentType<P>>(() =>
    load().then(
      (component) => ({ default: component }),
      () => {
        onUnavailable();
        sessionStore.getState().showNotice({ kind: 'error', text: RELOAD_NOTICE });
        return { default: Nothing };
      },
    ),
  );
}
