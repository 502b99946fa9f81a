/**
 * `npm run relay -- --port 4455 --data <dir> [--host 127.0.0.1]`: runs a relay for workshop rooms
 * until stopped (Ctrl+C or SIGTERM writes every open room first). `REDIS_URL` (redis://host:port)
 * shares rooms with the other relays on that Redis. Logs one JSON object per line on stdout.
 */
import { jsonLineLog } from './log';
import { startRelay } from './relay';

const USAGE = 'usage: npm run relay -- --port <port> --data <directory> [--host <address>]';

interface RelayArgs {
  readonly port: number;
  readonly dataDir: string;
  readonly host: string;
}

/** The arguments, or the message that ends the run with a usage error. */
function parseRelayArgs(args: readonly string[]): RelayArgs | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const value = args[i + 1];
    if (!['--port', '--data', '--host'].includes(flag)) return `unknown option ${flag}`;
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    values.set(flag, value);
  }
  const port = Number(values.get('--port') ?? '4455');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return '--port must be 0–65535';
  const dataDir = values.get('--data');
  if (dataDir === undefined) return '--data <directory> is required: rooms are kept there';
  return { port, dataDir, host: values.get('--host') ?? '127.0.0.1' };
}

async function main(): Promise<void> {
  const args = parseRelayArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    process.exit(2);
  }
  const log = jsonLineLog((line) => process.stdout.write(`${line}\n`));
  // Hocuspocus reports some errors through console.error; keep them one JSON line each too.
  console.error = (...parts: unknown[]) => {
    log('relay-error', { message: parts.map(String).join(' ').slice(0, 500) });
  };
  const redisUrl = process.env.REDIS_URL;
  const relay = await startRelay({
    ...args,
    ...(redisUrl === undefined || redisUrl === '' ? {} : { redisUrl }),
    log,
  });
  const stop = () => {
    void relay.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
