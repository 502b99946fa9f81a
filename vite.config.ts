import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy. Only the build gets it: the dev server injects inline
 * scripts for hot reload. Style attributes stay allowed because React Flow positions every node
 * with one; scripts, workers, images and connections are our own origin only (images may also be
 * the blob:/data: URLs that PNG export draws through). The one exception is a room's relay: its
 * address is the user's choice (typed in Share, or carried by a link), so WebSocket connections
 * (ws:, wss:) may go anywhere, and nothing else may.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'common-ground-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Matches the toolbar, so an installed app's title bar continues it. */
const THEME_COLOUR = '#ffffff';

/**
 * The service worker (build only: `npm start` has none) precaches every built file, the lazily
 * loaded screens and the layout worker included, so that after the first visit the app opens and
 * works with the network off. It waits until the user chooses `Reload to update`
 * (src/app/serviceWorker.ts registers it from our own module: no inline script under the CSP), so
 * a new version never reloads the page under someone's edits. It claims the page on first install,
 * so screens opened later in that very first session already come from the cache.
 */
function offline() {
  return VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    manifest: {
      name: 'Common Ground',
      short_name: 'Common Ground',
      description: 'Find the nearest common goal between stakeholders.',
      theme_color: THEME_COLOUR,
      background_color: '#f6f7f9',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      icons: [
        { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
        {
          src: 'maskable-icon-512x512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    // The glob below finds the icons; the plugin adds the manifest itself.
    includeManifestIcons: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png}'],
      // The README's screenshot is published beside the app but never shown by it.
      globIgnores: ['screenshot.png'],
      navigateFallback: 'index.html',
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    reportCompressedSize: true,
    // The first screen is one chunk on purpose (below); its budget is gzip, which
    // `npm run bench bundle` checks, not the minified size this warning is about.
    chunkSizeWarningLimit: 700,
    // No polyfill for <link rel="modulepreload"> (0.3 KB of the first screen): Chromium, Firefox
    // 115+ and Safari 17+ know it, and an older browser still loads a lazily loaded part's files,
    // only when the part is imported rather than ahead of it.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen imports statically in one file: gzip compresses one file
        // better than a dozen small ones that lazily loaded parts happen to share.
        // The importer stored maps are read through (src/db/storedMapReader.ts) is fetched at boot
        // while the database opens: with what it needs (zod, the file format's rules) in one
        // file too, rather than in the small chunks the import dialogs happen to share. The same
        // holds for the database's code (src/app/boot.ts loads it).
        codeSplitting: {
          groups: [
            { name: 'first-screen', tags: ['$initial'] },
            { name: 'stored-map-reader', test: /[\\/]src[\\/]io[\\/]json[\\/]importer\.ts$/ },
            // Dexie and the schema: boot loads them apart, after a first visit's first map.
            {
              name: 'database',
              test: /[\\/]src[\\/]db[\\/]schema\.ts$|[\\/]node_modules[\\/]dexie[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/relay/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // Property tests take seconds on a busy 2-core machine; the limit guards against a hang only.
    testTimeout: 30_000,
  },
});
