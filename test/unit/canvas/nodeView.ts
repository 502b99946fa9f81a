import type { NodeView } from '../../../src/canvas/adapters';
import { collapseView } from '../../../src/canvas/collapse';
import { toHighlightLookup } from '../../../src/canvas/highlight';
import type { LayoutPositions } from '../../../src/domain/layoutTypes';
import type { MapDocument } from '../../../src/domain/model';
import type { Orientation } from '../../../src/domain/orientation';

/** How the canvas draws `doc` with nothing highlighted, folded or dragged. */
export function nodeView(
  doc: MapDocument,
  {
    selected = [],
    orientation = 'topDown',
    positions = {},
  }: {
    selected?: readonly string[];
    orientation?: Orientation;
    positions?: LayoutPositions;
  } = {},
): NodeView {
  return {
    orientation,
    positions,
    dragging: new Map(),
    highlight: toHighlightLookup(null),
    selectedIds: new Set(selected),
    collapse: collapseView(doc, []),
    collapsedIds: new Set(),
  };
}
