import { describe, expect, it } from 'vitest';
import { participantRoleOf, type OpenRoom } from '../../../../src/store/roomStore';

const room: OpenRoom = {
  mapId: 'm',
  roomId: 'r',
  relay: 'ws://127.0.0.1:1',
  role: 'edit',
  key: 'k',
};

describe('participantRoleOf', () => {
  it('makes the device that shared the map (it keeps the view secret) the facilitator', () => {
    expect(participantRoleOf({ ...room, viewKey: 'v' })).toBe('facilitator');
  });
  it('makes another device with the edit link a participant', () => {
    expect(participantRoleOf(room)).toBe('participant');
  });
  it('makes a device with the view-only link a viewer', () => {
    expect(participantRoleOf({ ...room, role: 'view' })).toBe('viewer');
  });
});
