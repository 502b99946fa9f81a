/**
 * What a room's owner can ask of the relay, sent as a Hocuspocus stateless message (JSON) over a
 * connection holding the edit secret:
 *
 *   {"type":"rotate-secret","role":"view","secret":"<new view secret>","owner":"<owner secret>"}
 *   {"type":"rotate-secret","role":"edit","secret":"<new edit secret>","owner":"<owner secret>"}
 *   {"type":"delete-room","owner":"<owner secret>"}
 *
 * `owner` is the owner secret the room was created with; a room created without one (before
 * owners had their own secret) takes the commands from any edit connection. The relay answers the
 * sender with {"type":"done","command":…} or {"type":"refused","reason":"view-only"|"not-owner"}.
 */
import { z } from 'zod';
import { parseJsonAs, secretSchema } from './token';

const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('rotate-secret'),
    role: z.enum(['edit', 'view']),
    secret: secretSchema,
    owner: secretSchema.optional(),
  }),
  z.strictObject({ type: z.literal('delete-room'), owner: secretSchema.optional() }),
]);

export type RoomCommand = z.infer<typeof commandSchema>;

export function parseRoomCommand(text: string): RoomCommand | undefined {
  return parseJsonAs(commandSchema, text);
}
