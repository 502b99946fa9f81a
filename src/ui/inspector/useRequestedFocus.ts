import { useEffect, useState } from 'react';
import type { GoalId, StakeholderId } from '../../domain/ids';
import { useApp } from '../../store/appContext';
import { useSessionStore } from '../../store/sessionStore';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A ref for a record's name field that takes the session's focus request for that record: once
 * the field is on screen (its code may have loaded just now), it is scrolled into view, focused
 * and its text selected, so typing names the record.
 */
export function useRequestedFocus(record: GoalId | StakeholderId): (field: Field | null) => void {
  const app = useApp();
  const requested = useSessionStore((s) => s.focusRequest === record);
  const [field, setField] = useState<Field | null>(null);
  useEffect(() => {
    // A field just replaced by another record's (same inspector, new key) is still seen here
    // for one render, detached: the request waits for the new one.
    if (!requested || !field?.isConnected) return;
    app.sessionStore.getState().clearFocusRequest();
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
    field.select();
  }, [app, requested, field]);
  return setField;
}
