/**
 * What a room's owner (a connection holding the edit secret) can ask of the relay, sent as a
 * Hocuspocus stateless message (JSON):
 *
 *   {"type":"rotate-secret","role":"view","secret":"<new view secret>"}
 *   {"type":"rotate-secret","role":"edit","secret":"<new edit secret>"}
 *   {"type":"delete-room"}
 *
 * The relay answers the sender with {"type":"done","command":…} or {"type":"refused","reason":…}.
 */
import { z } from 'zod';
import { parseJsonAs, secretSchema } from './token';

const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('rotate-secret'),
    role: z.enum(['edit', 'view']),
    secret: secretSchema,
  }),
  z.strictObject({ type: z.literal('delete-room') }),
]);

export type RoomCommand = z.infer<typeof commandSchema>;

export function parseRoomCommand(text: string): RoomCommand | undefined {
  return parseJsonAs(commandSchema, text);
}
