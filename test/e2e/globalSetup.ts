import type { TestProject } from 'vitest/node';
import { preview } from 'vite';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build (npm run test:e2e builds first) for every browser test file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath();
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((resolve, reject) => {
      server.httpServer.close((e) => (e ? reject(e) : resolve()));
    });
  };
}
