import { describe, expect, it } from 'vitest';
import { createEmptyMap } from '../../../src/domain/factories';
import { asGoalId, asMapId, asStakeholderId } from '../../../src/domain/ids';
import { ok } from '../../../src/domain/result';
import { createDocumentStore } from '../../../src/store/documentStore';
import { createSessionStore, selectParties } from '../../../src/store/sessionStore';

const dana = asStakeholderId('s1');
const eli = asStakeholderId('s2');

describe('session store', () => {
  it('toggles parties in the order they were picked and de-duplicates set parties', () => {
    const session = createSessionStore();
    session.getState().toggleParty(eli);
    session.getState().toggleParty(dana);
    expect(selectParties(session.getState())).toEqual([eli, dana]);
    session.getState().toggleParty(eli);
    expect(selectParties(session.getState())).toEqual([dana]);
    session.getState().setParties([dana, eli, dana]);
    expect(selectParties(session.getState())).toEqual([dana, eli]);
  });

  it('resetForNewMap forgets selection and parties but keeps the open panel and save status', () => {
    const session = createSessionStore();
    const s = () => session.getState();
    s().select([
      { kind: 'goal', id: asGoalId('g1') },
      { kind: 'stakeholder', id: dana },
    ]);
    s().setParties([dana, eli]);
    s().setOpenPanel('common-ground');
    s().setSaveStatus({ state: 'saving' });
    s().resetForNewMap();
    expect(s().selection).toEqual([]);
    expect(s().parties).toEqual([]);
    expect(s().openPanel).toBe('common-ground');
    expect(s().saveStatus).toEqual({ state: 'saving' });
  });

  it('keeps a draft per form until it is emptied or another map opens', () => {
    const session = createSessionStore();
    const s = () => session.getState();
    s().setDraft('trade-off/g1/note', 'Discounts win deals and cost margin');
    s().setDraft('trade-off/__proto__/note', 'Any id is a plain key');
    s().select([{ kind: 'goal', id: asGoalId('g2') }]);
    expect(s().drafts.get('trade-off/g1/note')).toBe('Discounts win deals and cost margin');
    expect(s().drafts.get('trade-off/__proto__/note')).toBe('Any id is a plain key');
    s().setDraft('trade-off/g1/note', '');
    expect(s().drafts.has('trade-off/g1/note')).toBe(false);
    s().resetForNewMap();
    expect(s().drafts.size).toBe(0);
  });

  it('shows and dismisses a notice', () => {
    const session = createSessionStore();
    session.getState().showNotice({ kind: 'error', text: 'Storage is full' });
    expect(session.getState().notice).toEqual({ kind: 'error', text: 'Storage is full' });
    session.getState().dismissNotice();
    expect(session.getState().notice).toBeNull();
  });

  it('session changes never create undo steps in the document store', () => {
    const documents = createDocumentStore();
    const session = createSessionStore();
    documents
      .getState()
      .openDocument(createEmptyMap('Acme', '2026-01-01T00:00:00.000Z', asMapId('m1')));
    documents.getState().apply((doc) => ok({ ...doc, map: { ...doc.map, name: 'Acme 2026' } }));
    const history = () => documents.temporal.getState();
    const before = history().pastStates.length;

    session.getState().select([{ kind: 'goal', id: asGoalId('g1') }]);
    session.getState().setParties([dana, eli]);
    session.getState().setOpenPanel('health');
    session.getState().setSaveStatus({ state: 'saved', at: 1 });
    session.getState().showNotice({ kind: 'info', text: 'Saved' });

    expect(history().pastStates).toHaveLength(before);
    documents.getState().undo();
    expect(documents.getState().doc?.map.name).toBe('Acme');
    expect(session.getState().parties).toEqual([dana, eli]);
  });
});
