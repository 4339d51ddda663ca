/**
 * Seeded randomness for reproducible shuffles and quizzes: the same seed always gives the
 * same numbers, on the server and in the browser. Written here because it is two tiny,
 * well-known functions (FNV-1a and mulberry32) that must give identical results everywhere.
 */

/** FNV-1a: a 32-bit hash of a string, to seed the generator. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The indices 0..n-1 in a shuffled order seeded by `seed`. With two or more items the result
 * is never the identity (that would give the answer away): it is rotated by one instead.
 */
export function shuffledIndices(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = generator(hash(seed));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = order[i]!;
    order[i] = order[j]!;
    order[j] = a;
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}

/** A random generator seeded by a string. */
export function seededRandom(seed: string): () => number {
  return generator(hash(seed));
}

/** A copy of `items` in an order seeded by `seed` (identity allowed). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i]!;
    out[i] = out[j]!;
    out[j] = a;
  }
  return out;
}
