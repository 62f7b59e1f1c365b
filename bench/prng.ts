/**
 * A small seeded pseudo-random generator for the benchmark archive. The archive must be the same
 * bytes on every machine and every run, so nothing here reads the clock or `Math.random()`.
 */

/** Uniform numbers and choices drawn from one seeded stream. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both ends included. */
	int(min: number, max: number): number;
	/** One item of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** A copy of the list in a random order. */
	shuffle<T>(items: readonly T[]): T[];
}

/**
 * Hashes strings and numbers into a 32-bit seed (FNV-1a), so each article can get its own stream
 * from (seed, index): article k is then the same whatever the archive's size.
 */
export function seedFrom(...parts: (string | number)[]): number {
	let hash = 0x811c9dc5;
	for (const char of parts.join('\u0000')) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** A stream seeded with a 32-bit integer (mulberry32: tiny, fast, good enough for test data). */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: (items) => {
			if (items.length === 0) throw new RangeError('invalid choice: empty list');
			return items[int(0, items.length - 1)];
		},
		shuffle: (items) => {
			const copy = [...items];
			for (let i = copy.length - 1; i > 0; i--) {
				const j = int(0, i);
				[copy[i], copy[j]] = [copy[j], copy[i]];
			}
			return copy;
		},
	};
}
