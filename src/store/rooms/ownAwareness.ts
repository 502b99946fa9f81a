import type { HocuspocusProvider } from '@hocuspocus/provider';

/**
 * Makes the provider send only this device's own awareness changes. Hocuspocus's provider sends
 * every change of its awareness, those it just received from the relay included: with 20 people
 * moving pointers at 20 Hz each device would echo 380 updates a second back (the relay has them
 * already), past the relay's limit of 200 messages a second per connection. Changes the provider
 * applied from the relay carry the provider as their origin.
 */
export function sendOwnAwarenessOnly(provider: HocuspocusProvider): void {
  const { awareness } = provider;
  if (!awareness) return;
  const sendAll = provider.boundAwarenessUpdateHandler;
  awareness.off('update', sendAll);
  provider.boundAwarenessUpdateHandler = (changes, origin) => {
    if (origin !== provider) sendAll(changes, origin);
  };
  awareness.on('update', provider.boundAwarenessUpdateHandler);
}
