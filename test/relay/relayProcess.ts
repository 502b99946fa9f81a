/**
 * `npm run relay` as a child process (what a team runs), for the restart test and the rooms
 * bench: resolves once it logs that it listens, with its port and process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RelayProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
}

function listeningPort(line: string): number | undefined {
  const entry: unknown = JSON.parse(line);
  if (
    typeof entry === 'object' &&
    entry !== null &&
    'event' in entry &&
    entry.event === 'listening' &&
    'port' in entry &&
    typeof entry.port === 'number'
  )
    return entry.port;
  return undefined;
}

/** Starts `src/relay/main.ts` (or another script taking --port, e.g. the bench's baseline). */
export async function spawnRelay(
  dataDir: string,
  port: number,
  script = 'src/relay/main.ts',
): Promise<RelayProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, '--port', String(port), '--data', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const listening = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    lines.on('line', (line) => {
      const found = listeningPort(line);
      if (found !== undefined) resolve(found);
    });
  });
  return { child, port: listening, url: `ws://127.0.0.1:${listening}` };
}

/** Kills the process (SIGKILL unless told otherwise) and waits until it is gone. */
export async function stopRelay(relay: RelayProcess, signal: NodeJS.Signals = 'SIGKILL') {
  if (relay.child.exitCode !== null) return;
  const exited = new Promise((resolve) => relay.child.once('exit', resolve));
  relay.child.kill(signal);
  await exited;
}
