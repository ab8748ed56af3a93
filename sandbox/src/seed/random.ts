/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that demo data is
 * a pure function of (seed, company, now). Math.random and crypto.randomUUID
 * would make every seeded sandbox different, and tests could not compare runs.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** A version-4 UUID whose random bits come from this stream. */
  uuid(): string;
  /**
   * An independent stream named by label. Forking lets one part of the data
   * (customers) stay identical when another part's size (jobs) changes.
   */
  fork(label: string): Random;
}

export function createRandom(seed: number | string): Random {
  return fromState(seedState(typeof seed === "number" ? String(seed) : seed));
}

function fromState(state: Uint32Array): Random {
  // The state lives in locals: destructuring or indexing a typed array on
  // every draw showed up as most of the seeding time in profiles.
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  /** One sfc32 step: 128-bit state, passes PractRand, plain 32-bit integer math. */
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  // sfc32 wants a few rounds before its output is well mixed.
  for (let round = 0; round < 12; round += 1) nextUint32();
  const next = (): number => nextUint32() / 4294967296;
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => {
      let total = 0;
      for (let index = 0; index < entries.length; index += 1) total += entries[index]?.[1] ?? 0;
      let target = next() * total;
      for (let index = 0; index < entries.length; index += 1) {
        const entry = entries[index];
        if (!entry) break;
        target -= entry[1];
        if (target < 0) return entry[0];
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error("weighted pick from an empty list");
      return last[0];
    },
    uuid: () => {
      const a = hex8(nextUint32());
      const b = hex8(nextUint32());
      const c = hex8(nextUint32());
      const d = hex8(nextUint32());
      // Version nibble 4; variant bits 10xx (8, 9, a or b).
      const variant = HEX[(parseInt(c.charAt(0), 16) & 0x3) | 0x8] ?? "8";
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
    },
    fork: (label) => fromState(seedState(`${nextUint32()}:${label}`)),
  };
  return random;
}

const HEX = "0123456789abcdef";

function hex8(word: number): string {
  return word.toString(16).padStart(8, "0");
}

/** Expands any string into 128 well-mixed bits (FNV-1a, then splitmix32). */
function seedState(text: string): Uint32Array {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  const state = new Uint32Array(4);
  let mix = hash >>> 0;
  for (let index = 0; index < 4; index += 1) {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    state[index] = (z ^ (z >>> 16)) >>> 0;
  }
  return state;
}
