import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath, collectPageErrors } from './browser';

/**
 * A Chromium we start ourselves on a persistent profile, so that it can be killed the way a crash
 * or the OOM killer ends it: SIGKILL to the whole process group, no clean shutdown, no chance to
 * flush anything. playwright-core's own launchers always close the browser cleanly.
 */
export interface KillableBrowser {
  readonly browser: Browser;
  /** The one tab, with its errors collected (see collectPageErrors). */
  readonly page: Page;
  readonly errors: string[];
  /**
   * What Chromium printed about its storage (IndexedDB, LevelDB, quota): empty on a good run, the
   * first thing to read when a map goes missing after a kill.
   */
  readonly storageLog: string[];
  /** SIGKILLs every process of the browser and resolves once they are all gone. */
  kill(): Promise<void>;
}

/** How long Chromium may take to print its DevTools address on a busy machine. */
const START_TIMEOUT_MS = 20_000;
/** How long the processes of a killed browser may take to disappear. */
const EXIT_TIMEOUT_MS = 10_000;

function devToolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(
        new Error(`Chromium printed no DevTools address in ${START_TIMEOUT_MS} ms:\n${output}`),
      );
    }, START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited at start (${code ?? signal}):\n${output}`));
    });
  });
}

/** The state letter and process group of a process, from /proc/<pid>/stat; null once gone. */
function procStat(pid: string): { state: string; pgid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp ...": comm may hold spaces, so read after its closing paren.
    const [state = '', , pgrp = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, pgid: Number(pgrp) };
  } catch {
    return null;
  }
}

/**
 * True while a process of the group still runs. A zombie does not count: it holds no file or
 * lock any more, and the container's init reaps zombies only about once a second.
 */
function groupAlive(pgid: number): boolean {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((pid) => {
      const stat = procStat(pid);
      return stat !== null && stat.pgid === pgid && stat.state !== 'Z';
    });
}

function sigkillGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: the whole group is already gone.
  }
}

async function killGroup(child: ChildProcess, pgid: number): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  sigkillGroup(pgid);
  await exited;
  // Renderer and utility processes die with the group; wait until none keeps the profile open.
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) throw new Error(`Chromium's processes outlived SIGKILL (${pgid})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const STORAGE_LINE = /indexed.?db|leveldb|quota|storage|corrupt|blob|evict/i;

function collectStorageLog(child: ChildProcess): string[] {
  const lines: string[] = [];
  let rest = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const complete = text.split('\n');
    rest = complete.pop() ?? '';
    lines.push(...complete.filter((line) => STORAGE_LINE.test(line)));
  });
  return lines;
}

/**
 * Starts headless Chromium on `profileDir` in its own process group and connects over CDP.
 * `prepare` runs on its context before the first navigation (e.g. to add init scripts); it gets
 * `sigkill`, which kills the browser synchronously, for killing from an exposed binding.
 */
export async function launchKillableBrowser<T>(
  profileDir: string,
  prepare: (context: BrowserContext, sigkill: () => void) => Promise<T>,
): Promise<KillableBrowser & { readonly prepared: T }> {
  const args = [
    ...CHROMIUM_FLAGS,
    '--headless',
    `--user-data-dir=${profileDir}`,
    '--remote-debugging-port=0',
    '--window-size=1280,720',
    'about:blank',
  ];
  const child = spawn(chromiumPath(), args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('Chromium did not start');
  const kill = () => killGroup(child, pgid);
  const storageLog = collectStorageLog(child);
  try {
    const browser = await chromium.connectOverCDP(await devToolsUrl(child));
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const prepared = await prepare(context, () => sigkillGroup(pgid));
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = await collectPageErrors(page);
    return { browser, page, errors, storageLog, kill, prepared };
  } catch (error) {
    await kill();
    throw error;
  }
}
