import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Service {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `re` in the output (stdout + stderr), or rejects on exit/timeout. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the real entry point (src/main.ts through ts-node, transpile only) as a child process. */
export function runService(env: Record<string, string>, script = 'src/main.ts', args: string[] = [], opts: { cwd?: string } = {}): Service {
  // From another working directory (to test its `.env`), ts-node still needs the project's tsconfig.
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.resolve(ROOT, script), ...args], {
    cwd: opts.cwd ?? ROOT,
    // DAILY_JOBS off unless the test turns it on: a scheduled run would change the database under other tests.
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), DAILY_JOBS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 45000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(re);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited before ${re}; output:\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timeout waiting for ${re}; output:\n${out}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}
