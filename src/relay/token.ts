/**
 * The token a client sends when it opens a room (Hocuspocus's `token`), and the secret hashes the
 * relay keeps. A token is JSON:
 *
 *   {"v":1,"role":"edit","secret":"<edit secret>"}                          join to edit
 *   {"v":1,"role":"view","secret":"<view secret>"}                          join to view only
 *   {"v":1,"role":"edit","secret":"<edit secret>","viewSecret":"<view>"}    join, or create the room
 *   {"v":1,"role":"edit","secret":"…","viewSecret":"…","ownerSecret":"<owner>"}  …with an owner
 *
 * The owner secret stays on the device that shared the map (it is in no link): a room created with
 * one takes its rotate-secret and delete-room commands only with it (roomCommand.ts).
 *
 * Secrets are random strings the sharer makes (≥ 128 bits, base64url); they travel in the link's
 * fragment and in this token only. The relay stores a SHA-256 of each (a random secret needs no
 * slow hash: nothing to guess from it) and compares hashes in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const TOKEN_VERSION = 1;

/** 22 base64url characters carry 132 bits; fewer could be guessed online. */
export const MIN_SECRET_LENGTH = 22;
const MAX_SECRET_LENGTH = 128;

/** A room's name is its document name: random, URL-safe, so it is also a safe file name. */
export const ROOM_NAME = /^[A-Za-z0-9_-]{8,64}$/;

export type Role = 'edit' | 'view';

/** A secret as links carry it: URL-safe, long enough not to be guessed. */
export const secretSchema = z
  .string()
  .min(MIN_SECRET_LENGTH)
  .max(MAX_SECRET_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/);

const tokenSchema = z.discriminatedUnion('role', [
  z.strictObject({
    v: z.literal(TOKEN_VERSION),
    role: z.literal('edit'),
    secret: secretSchema,
    viewSecret: secretSchema.optional(),
    ownerSecret: secretSchema.optional(),
  }),
  z.strictObject({ v: z.literal(TOKEN_VERSION), role: z.literal('view'), secret: secretSchema }),
]);

export type RoomToken = z.infer<typeof tokenSchema>;

/** JSON text read as `schema`, or undefined when it is not JSON or not that shape. */
export function parseJsonAs<T>(schema: z.ZodType<T>, text: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The token, or undefined when it is not one (the caller refuses with `bad-token`). */
export function parseToken(text: string): RoomToken | undefined {
  return parseJsonAs(tokenSchema, text);
}

export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Whether `value` hashes to `hash`, in time that does not depend on where they differ. */
export function secretMatches(value: string, hash: string): boolean {
  const given = Buffer.from(hashSecret(value), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
