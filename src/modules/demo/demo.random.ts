/**
 * A small seeded PRNG for the demo data (no dependency): sfc32 seeded through splitmix32, so the
 * same seed gives the same stream on every platform. `fork(label)` derives an independent stream
 * from the seed and a label (e.g. `item:1234`), so one part of the generator can change without
 * shifting the numbers every other part draws.
 */

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a string, for deriving sub-seeds from labels. */
export function hash32(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The 128-bit starting state; forks derive theirs from it. */
  private readonly key: readonly number[];

  constructor(
    readonly seed: number,
    key?: readonly number[],
  ) {
    const sm = splitmix32(seed);
    this.key = key ?? [sm(), sm(), sm(), sm()];
    [this.a, this.b, this.c, this.d] = this.key;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /**
   * An independent stream for a label (same seed + label → same stream). Its whole 128-bit state
   * is derived from the parent's and the label: with a 32-bit sub-seed, the 2,000,000 item forks
   * of the province scale repeated 104 UUIDs (birthday bound) and the load failed on a primary key.
   */
  fork(label: string | number): Rng {
    const text = String(label);
    return new Rng(this.seed, this.key.map((w, i) => splitmix32(hash32(text, (w ^ Math.imul(0x9e3779b9, i + 1)) >>> 0))()));
  }

  /** Uniform 32-bit unsigned integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  /** Index into cumulative weights (see `cumulative`). */
  weightedIndex(cum: readonly number[]): number {
    const r = this.next() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** n distinct elements (or all when n ≥ length), in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = list.slice();
    const k = Math.min(n, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  }

  /** Digits string of length n. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.u32() % 10);
    return s;
  }

  /** n lowercase hex characters. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += HEX[this.u32() & 0xff];
    return s.slice(0, n);
  }

  /** A version-4 (random) UUID drawn from this stream. */
  uuid(): string {
    const b = new Array<number>(16);
    for (let i = 0; i < 16; i += 4) {
      const x = this.u32();
      b[i] = x & 0xff;
      b[i + 1] = (x >>> 8) & 0xff;
      b[i + 2] = (x >>> 16) & 0xff;
      b[i + 3] = x >>> 24;
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.map((x) => HEX[x]);
    return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
  }
}

export function cumulative(weights: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const w of weights) out.push((s += w));
  return out;
}

/** A weighted chooser over entries [value, weight]. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map((e) => e[0]);
  const cum = cumulative(entries.map((e) => e[1]));
  return (rng) => values[rng.weightedIndex(cum)];
}
