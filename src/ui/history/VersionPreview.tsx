import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { diffMaps, hasNoChanges } from '../../domain/diff';
import type { MapDocument } from '../../domain/model';
import { formatProblem } from '../../io/problems';
import { describeChanges } from './historyText';
import { useVersionPicture } from './useVersionPicture';

/** What happened between the version and the open map, named record by record. */
function ChangesSince({ version, current }: { version: MapDocument; current: MapDocument }) {
  const lines = useMemo(() => {
    const changes = diffMaps(version, current);
    return hasNoChanges(changes) ? [] : describeChanges(changes);
  }, [version, current]);
  if (lines.length === 0) {
    return <p className="cg-history__same">Same content as the open map.</p>;
  }
  return (
    <section aria-label="Changes since this version">
      <h4 className="cg-history__subhead">Changed since this version</h4>
      <ul className="cg-history__changes">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The version's picture, fitted into the panel or at its own size to read the titles. */
function Picture({ url, name, when }: { url: string; name: string; when: string }) {
  const [actualSize, setActualSize] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // The mission sits at the top centre: start there rather than in an empty corner.
    const box = frame.current;
    if (actualSize && box) box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
  }, [actualSize]);
  return (
    <>
      <div
        ref={frame}
        className={`cg-history__frame${actualSize ? ' cg-history__frame--actual' : ''}`}
      >
        <img
          className="cg-history__picture"
          src={url}
          alt={`The map “${name}” as it was on ${when}`}
        />
      </div>
      <button
        type="button"
        className="cg-button cg-history__zoom"
        aria-pressed={actualSize}
        onClick={() => setActualSize((a) => !a)}
      >
        Actual size
      </button>
    </>
  );
}

/**
 * A read-only picture of one version (drawn by the SVG exporter, never the live canvas) and what
 * differs from the open map. A damaged version says what is wrong instead.
 */
export function VersionPreview({
  id,
  when,
  current,
}: {
  id: number;
  when: string;
  current: MapDocument;
}) {
  const picture = useVersionPicture(id);
  switch (picture.state) {
    case 'loading':
      return <p role="status">Drawing the version of {when}…</p>;
    case 'failed':
      return <p role="alert">{`Could not show this version: ${picture.reason}`}</p>;
    case 'damaged': {
      const first = picture.problems[0];
      return (
        <p role="alert">
          {`This version is damaged and cannot be shown or restored${first ? `: ${formatProblem(first)}` : '.'}`}
        </p>
      );
    }
    case 'ready':
      return (
        <>
          <h3 className="cg-history__title">{`${picture.doc.map.name}, as of ${when}`}</h3>
          <Picture url={picture.url} name={picture.doc.map.name} when={when} />
          <ChangesSince version={picture.doc} current={current} />
        </>
      );
  }
}
