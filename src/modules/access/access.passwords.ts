import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** Thrown when the hash queue is full: the caller answers "busy, retry" instead of waiting. */
export class HashQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('password hashing queue is full');
  }
}

/**
 * argon2 runs in libuv's threadpool (4 threads by default), which DNS lookups and file I/O share,
 * and each hash takes ~64 MiB and tens of ms of CPU. A flood of sign-ins must not take every thread
 * and both CPUs from the queries: at most `concurrency` hashes run at once, at most `queue` wait,
 * and beyond that a sign-in is refused at once. Callers hold no database connection while waiting.
 */
class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  concurrency = 2;
  queue = 100;

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new HashQueueFull(Math.max(1, Math.ceil((this.waiting.length / this.concurrency) * 0.1)));
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so `running` never overshoots.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Would a hash requested now be refused? (Checked before an attempt is counted against a name.) */
  get full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.queue;
  }

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

const gate = new HashGate();

/** Sets the bounds of the hash queue (from PASSWORD_HASH_CONCURRENCY / PASSWORD_HASH_QUEUE). */
export function configurePasswordHashing(opts: { concurrency: number; queue: number }): void {
  gate.concurrency = opts.concurrency;
  gate.queue = opts.queue;
}

export function passwordHashQueueFull(): boolean {
  return gate.full;
}

export function passwordHashingStats(): { running: number; waiting: number } {
  return gate.stats;
}

/** argon2id with the library's defaults (64 MiB, t=3, p=4), the OWASP-recommended family. */
export function hashPassword(password: string): Promise<string> {
  return gate.run(() => argon2.hash(password, { type: argon2.argon2id }));
}

// Verified against when a username does not exist, so both cases take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  const h = hash ?? (await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))));
  try {
    return (await gate.run(() => argon2.verify(h, password))) && hash !== null;
  } catch (e) {
    if (e instanceof HashQueueFull) throw e;
    return false;
  }
}

/** A random password for bootstrap and resets: 20 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const MIN_PASSWORD_LENGTH = 10;
