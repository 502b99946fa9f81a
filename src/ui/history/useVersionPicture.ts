import { useApp } from '../../store/appContext';
import { useEffect, useState } from 'react';
import { layoutOffCanvas } from '../../canvas/layoutWorker';
import { toLayoutInput } from '../../canvas/layoutInput';
import type { MapDocument } from '../../domain/model';
import type { ImportProblem } from '../../io/problems';
import { readSnapshot } from '../../store/historyStore';
import { pictureMarkup } from '../importExport/exporters';
import { describeError } from '../../domain/result';

export type VersionPicture =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly doc: MapDocument; readonly url: string }
  | { readonly state: 'damaged'; readonly problems: readonly ImportProblem[] }
  | { readonly state: 'failed'; readonly reason: string };

/**
 * Reads a snapshot, lays it out in the layout worker as opening it would, and draws it with the
 * SVG exporter into a blob URL for an <img> (allowed by the app's CSP; no markup is inserted into
 * the page). Mount it with `key={id}` so each version starts from 'loading'.
 */
export function useVersionPicture(id: number): VersionPicture {
  const app = useApp();
  const [picture, setPicture] = useState<VersionPicture>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    let url: string | null = null;
    async function draw(): Promise<VersionPicture> {
      const read = await readSnapshot(app, id);
      if (read.status === 'missing') return { state: 'failed', reason: 'This version is gone.' };
      if (read.status === 'damaged') return { state: 'damaged', problems: read.problems };
      // Drawn the way the map is drawn now, so a version compares with it at a glance.
      const { orientation } = app.mapViewStore.getState();
      const input = toLayoutInput(read.doc, orientation);
      const positions = await layoutOffCanvas(input, abort.signal);
      const picture = { doc: read.doc, positions, highlight: null, region: null, orientation };
      const svg = pictureMarkup(picture);
      url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      return { state: 'ready', doc: read.doc, url };
    }
    draw().then(
      (next) => {
        if (!abort.signal.aborted) setPicture(next);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setPicture({
          state: 'failed',
          reason: describeError(error),
        });
      },
    );
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, app]);
  return picture;
}
