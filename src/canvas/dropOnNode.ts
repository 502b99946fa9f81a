import { useCallback } from 'react';
import {
  useReactFlow,
  useStore,
  useStoreApi,
  type OnConnectEnd,
  type ReactFlowState,
} from '@xyflow/react';
import type { MapDocument } from '../domain/model';
import { applyEdit } from '../store/applyEdit';
import { useApp } from '../store/appContext';
import {
  connectionCommand,
  dropConnection,
  isOnNode,
  missedDropText,
  nodeAtPoint,
  paneToFlow,
} from './connect';

/**
 * Whether a drag in progress would link to this node if dropped now: the node whose handle
 * React Flow has snapped to, or else the node under the pointer (its whole box is a target).
 * One node's own check, so a drag re-renders only the nodes it enters or leaves.
 */
export function useIsDropTarget(id: string): boolean {
  return useStore(
    useCallback(
      (s: ReactFlowState) => {
        const c = s.connection;
        if (!c.inProgress || c.fromNode.id === id) return false;
        if (c.isValid === true) return c.toNode?.id === id;
        const node = s.nodeLookup.get(id);
        return node !== undefined && isOnNode(node, paneToFlow(c.pointer, s.transform));
      },
      [id],
    ),
  );
}

/**
 * A drag that ends on a goal's or person's box, not on its small handle, links to that node
 * through the same command as a handle drop (so a cycle is refused with the same message); a
 * drop on nothing says how to link instead of doing nothing silently.
 */
export function useDropOnNode(doc: MapDocument): OnConnectEnd {
  const app = useApp();
  const store = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback<OnConnectEnd>(
    (event, state) => {
      if (state.isValid === true || state.fromHandle === null) return;
      const at = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (at === undefined) return;
      const point = screenToFlowPosition({ x: at.clientX, y: at.clientY });
      const from = state.fromHandle;
      const onId = nodeAtPoint(store.getState().nodeLookup.values(), point, from.nodeId);
      if (onId !== null) applyEdit(app, connectionCommand(dropConnection(from, onId)));
      else
        app.sessionStore
          .getState()
          .showNotice({ kind: 'info', text: missedDropText(doc, from.nodeId) });
    },
    [app, doc, store, screenToFlowPosition],
  );
}
