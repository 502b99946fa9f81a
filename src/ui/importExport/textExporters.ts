/**
 * Text exports that need no choices, loaded on demand (not on the first screen). Each downloads a
 * file named after the map.
 */
import { readCanvasView } from '../../canvas/exportView';
import type { MapDocument } from '../../domain/model';
import type { App } from '../../store/app';
import { exportGoalsCsv } from '../../io/csv';
import { exportGraphMl, GRAPHML_NS } from '../../io/graphml';
import { exportMapJson } from '../../io/json';
import { exportMermaid } from '../../io/mermaid';
import { downloadText, fileNameFor } from './download';

export type TextFormat = 'JSON' | 'Mermaid' | 'GraphML' | 'CSV';

function exportJsonFile(doc: MapDocument): void {
  downloadText(exportMapJson(doc), fileNameFor(doc.map.name, 'json'), 'application/json');
}

function exportMermaidFile(doc: MapDocument): void {
  downloadText(exportMermaid(doc), fileNameFor(doc.map.name, 'mmd'), 'text/vnd.mermaid');
}

/** With the canvas positions, so yEd opens the map laid out as it is on screen. */
function exportGraphMlFile(doc: MapDocument, app: App): void {
  const xml = document.implementation.createDocument(GRAPHML_NS, 'graphml', null);
  const positions = readCanvasView(app)?.positions;
  const text = exportGraphMl<Element>(
    doc,
    xml,
    new XMLSerializer(),
    positions ? { positions } : {},
  );
  downloadText(text, fileNameFor(doc.map.name, 'graphml'), 'application/graphml+xml');
}

function exportCsvFile(doc: MapDocument): void {
  downloadText(exportGoalsCsv(doc), fileNameFor(doc.map.name, 'csv'), 'text/csv');
}

export const TEXT_EXPORTS: Readonly<Record<TextFormat, (doc: MapDocument, app: App) => void>> = {
  JSON: exportJsonFile,
  Mermaid: exportMermaidFile,
  GraphML: exportGraphMlFile,
  CSV: exportCsvFile,
};
