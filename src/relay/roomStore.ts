/**
 * Rooms on disk: per room a small JSON file with the secret hashes, a file with the Yjs
 * state (one update that rebuilds the document) and, while any wait for their reveal, a file with
 * the room's private perspectives (privatePerspectives.ts). Every write goes to a temporary file that is
 * synced and then renamed over the old one, so a crash leaves the old file or the new one, never
 * half of either. Several relays sharing rooms through Redis share this directory too.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const roomMetaSchema = z.strictObject({
  v: z.literal(1),
  editHash: z.string().regex(/^[0-9a-f]{64}$/),
  viewHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Rooms created before owners had a secret of their own have none: the edit secret rules. */
  ownerHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  created: z.string(),
});

export type RoomMeta = z.infer<typeof roomMetaSchema>;

export interface RoomStore {
  /** The room's hashes, or undefined when there is no such room. Throws if the file is damaged. */
  readonly meta: (room: string) => Promise<RoomMeta | undefined>;
  /** Creates the room unless it exists; true when this call created it. */
  readonly create: (room: string, meta: RoomMeta) => Promise<boolean>;
  readonly replaceMeta: (room: string, meta: RoomMeta) => Promise<void>;
  readonly state: (room: string) => Promise<Uint8Array | undefined>;
  readonly saveState: (room: string, state: Uint8Array) => Promise<void>;
  /** The private perspectives waiting for their reveal, as saved; undefined when none are. */
  readonly privateTexts: (room: string) => Promise<Uint8Array | undefined>;
  /** Replaces them; null removes the file (nothing is waiting any more). */
  readonly savePrivateTexts: (room: string, bytes: Uint8Array | null) => Promise<void>;
  readonly remove: (room: string) => Promise<void>;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function isExists(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EEXIST';
}

async function readOrUndefined(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function unlinkIfPresent(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Opens (and creates) the store in `dataDir`. */
export async function openRoomStore(dataDir: string): Promise<RoomStore> {
  const dir = join(dataDir, 'rooms');
  await mkdir(dir, { recursive: true });
  const metaFile = (room: string) => join(dir, `${room}.room.json`);
  const stateFile = (room: string) => join(dir, `${room}.ydoc`);
  const privateFile = (room: string) => join(dir, `${room}.private.json`);

  /** Writes bytes to a fresh temporary file and syncs them to disk; returns its path. */
  async function writeTemp(bytes: Uint8Array): Promise<string> {
    const temp = join(dir, `.tmp-${randomUUID()}`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  /** Makes a rename or link durable: the directory entry itself must reach the disk. */
  async function syncDir(): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function replace(file: string, bytes: Uint8Array): Promise<void> {
    const temp = await writeTemp(bytes);
    await rename(temp, file);
    await syncDir();
  }

  const encodeMeta = (meta: RoomMeta) => Buffer.from(JSON.stringify(meta), 'utf8');

  return {
    meta: async (room) => {
      const bytes = await readOrUndefined(metaFile(room));
      if (bytes === undefined) return undefined;
      return roomMetaSchema.parse(JSON.parse(bytes.toString('utf8')));
    },
    create: async (room, meta) => {
      const temp = await writeTemp(encodeMeta(meta));
      try {
        // link() fails when the name exists, so of two creators racing exactly one wins.
        await link(temp, metaFile(room));
      } catch (error) {
        if (isExists(error)) return false;
        throw error;
      } finally {
        await unlink(temp);
      }
      // A state left by a deletion that stopped half-way must not reappear in the new room.
      await unlinkIfPresent(stateFile(room));
      await unlinkIfPresent(privateFile(room));
      await syncDir();
      return true;
    },
    replaceMeta: (room, meta) => replace(metaFile(room), encodeMeta(meta)),
    state: (room) => readOrUndefined(stateFile(room)),
    saveState: (room, state) => replace(stateFile(room), state),
    privateTexts: (room) => readOrUndefined(privateFile(room)),
    savePrivateTexts: async (room, bytes) => {
      if (bytes !== null) return replace(privateFile(room), bytes);
      await unlinkIfPresent(privateFile(room));
      await syncDir();
    },
    remove: async (room) => {
      // The hashes go first: from then on nobody can join, whatever happens to the state file.
      await unlinkIfPresent(metaFile(room));
      await unlinkIfPresent(stateFile(room));
      await unlinkIfPresent(privateFile(room));
      await syncDir();
    },
  };
}
