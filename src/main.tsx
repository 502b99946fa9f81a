import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot, startServiceWorker } from './app/boot';
import { describeError } from './domain/result';
import { AppContext } from './store/appContext';
import './ui/styles.css';

const root = createRoot(document.getElementById('root') ?? document.body);

boot()
  .then((app) => {
    root.render(
      <StrictMode>
        <AppContext.Provider value={app}>
          <App />
        </AppContext.Provider>
      </StrictMode>,
    );
    startServiceWorker(app);
  })
  .catch((error: unknown) => {
    // Without storage nothing can be kept safely: say so plainly instead of showing a blank page.
    root.render(
      <div role="alert" className="cg-canvas__loading">
        Common Ground could not open its local storage: {describeError(error)}
      </div>,
    );
  });
