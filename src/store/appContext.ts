import { createContext, useContext } from 'react';
import type { App } from './app';

/** The running app, provided once at the root (src/main.tsx). */
export const AppContext = createContext<App | null>(null);

/** The app this component runs in, for imperative calls: `useApp().sessionStore.getState()…`. */
export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('No app: render inside <AppContext.Provider value={createApp(…)}>.');
  return app;
}
