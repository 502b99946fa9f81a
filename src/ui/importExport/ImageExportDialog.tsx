import { useApp } from '../../store/appContext';
import type { App } from '../../store/app';
import { useId, useMemo, useState } from 'react';
import { useCanvasViewReader, type CanvasView } from '../../store/canvasViewStore';
import type { MapDocument } from '../../domain/model';
import { svgSize } from '../../io/svg';
import { noteExported } from '../../store/backupStore';
import { exportPng, exportSvg, type PictureInput } from './exporters';
import { exportHighlight } from './exportHighlight';
import { Dialog } from '../Dialog';
import { fitToPrint, PRINT_LONG_SIDE, PRINT_SHORT_SIDE, type FittedSize } from './rasterize';
import { describeError } from '../../domain/result';

export type PictureFormat = 'PNG' | 'SVG';
type Area = 'whole' | 'view';

const SCALES = [1, 2, 3] as const;
const DEFAULT_SCALE = 2;

const formatPixels = (n: number): string => n.toLocaleString('en-US');

function describeSize(size: FittedSize): string {
  return `${formatPixels(size.width)} × ${formatPixels(size.height)} px`;
}

function reducedNotice(size: FittedSize, requested: number): string {
  return `At ${requested}× the picture would be larger than A3 at 300 dpi (${formatPixels(PRINT_LONG_SIDE)} × ${formatPixels(PRINT_SHORT_SIDE)} px), all a printer can use, so it is drawn at ${size.scale.toFixed(2)}× (${describeSize(size)}).`;
}

/** An SVG is drawn at its own size: a vector picture has no pixel cap. */
function pictureSize(format: PictureFormat, width: number, height: number, scale: number) {
  return format === 'PNG'
    ? fitToPrint(width, height, scale)
    : { scale: 1, width, height, reduced: false };
}

function pictureInput(app: App, doc: MapDocument, view: CanvasView, area: Area): PictureInput {
  return {
    doc,
    positions: view.positions,
    highlight: exportHighlight(app, doc),
    region: area === 'view' ? view.visible : null,
    linkRoutes: view.linkRoutes,
    orientation: view.orientation,
  };
}

async function runExport(
  app: App,
  format: PictureFormat,
  input: PictureInput,
  scale: number,
): Promise<void> {
  if (format === 'SVG') {
    exportSvg(input);
    return;
  }
  const size = await exportPng(input, scale);
  // The PNG carries the map's JSON: it is a backup as good as a JSON file.
  await noteExported(app, input.doc.map.id);
  if (size.reduced)
    app.sessionStore.getState().showNotice({ kind: 'info', text: reducedNotice(size, scale) });
}

function Choice<T extends string | number>({
  legend,
  options,
  value,
  onChange,
}: {
  readonly legend: string;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly value: T;
  readonly onChange: (value: T) => void;
}) {
  // One name per group, so arrow keys move between the options as in any radio group.
  const name = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={name}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

interface Settings {
  readonly area: Area;
  readonly scale: number;
}

function PictureSettings({
  format,
  settings,
  onChange,
  size,
}: {
  readonly format: PictureFormat;
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
  readonly size: FittedSize;
}) {
  const { area, scale } = settings;
  return (
    <>
      <Choice<Area>
        legend="Area"
        options={[
          { value: 'whole', label: 'Whole map' },
          { value: 'view', label: 'Current view' },
        ]}
        value={area}
        onChange={(next) => onChange({ ...settings, area: next })}
      />
      {format === 'PNG' && (
        <Choice<number>
          legend="Scale"
          options={SCALES.map((s) => ({ value: s, label: `${s}×` }))}
          value={scale}
          onChange={(next) => onChange({ ...settings, scale: next })}
        />
      )}
      <p>{`Picture: ${describeSize(size)}`}</p>
      {size.reduced && format === 'PNG' && <p role="note">{reducedNotice(size, scale)}</p>}
      {format === 'PNG' && (
        <p className="cg-modal__hint">
          The map is stored inside the PNG: import it to edit the map again.
        </p>
      )}
    </>
  );
}

/** Runs the export once; the dialog closes when it is done, or shows why it failed. */
function useExport(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const start = (run: () => Promise<void>) => {
    setBusy(true);
    run()
      .then(onDone)
      .catch((error: unknown) => {
        setBusy(false);
        setFailure(describeError(error));
      });
  };
  return { busy, failure, start };
}

/**
 * PNG or SVG of the whole map or the current view, drawn from the model with the open
 * common-ground highlight. The PNG's pixel size is shown before exporting, with a note when the
 * chosen scale would exceed A3 at 300 dpi and the picture is drawn smaller.
 */
export function ImageExportDialog({
  format,
  doc,
  onClose,
}: {
  readonly format: PictureFormat;
  readonly doc: MapDocument;
  readonly onClose: () => void;
}) {
  const app = useApp();
  // Read when the dialog opens (or the canvas appears): the picture shows what was on screen.
  const reader = useCanvasViewReader();
  const view = useMemo(() => reader?.() ?? null, [reader]);
  const [settings, setSettings] = useState<Settings>({ area: 'whole', scale: DEFAULT_SCALE });
  const { busy, failure, start } = useExport(onClose);
  const size = useMemo(() => {
    if (!view) return null;
    const region = settings.area === 'view' ? view.visible : null;
    const { width, height } = svgSize(doc, view.positions, region);
    return pictureSize(format, width, height, settings.scale);
  }, [doc, view, settings, format]);
  const onExport = () => {
    if (view)
      start(() =>
        runExport(app, format, pictureInput(app, doc, view, settings.area), settings.scale),
      );
  };

  return (
    <Dialog title={`Export ${format}`} onClose={onClose}>
      {size ? (
        <PictureSettings format={format} settings={settings} onChange={setSettings} size={size} />
      ) : (
        <p role="status">The picture is drawn once the map is laid out on the canvas…</p>
      )}
      {failure && <p role="alert">{`Could not export: ${failure}`}</p>}
      <div className="cg-modal__actions">
        <button
          type="button"
          className="cg-button cg-button--primary"
          disabled={!view || busy}
          onClick={onExport}
        >
          {busy ? 'Exporting…' : `Export ${format}`}
        </button>
        <button type="button" className="cg-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
