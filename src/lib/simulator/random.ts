/**
 * The host's randomness, all drawn from one 32-bit state kept in `HostState.random`: container
 * ids, endpoint ids, MAC addresses and generated names. The same seed gives the same session.
 */

/** One step of mulberry32: the next state and a number in [0, 2^32). */
export function nextRandom(state: number): { state: number; value: number } {
	const next = (state + 0x6d2b79f5) | 0;
	let t = next;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return { state: next, value: (t ^ (t >>> 14)) >>> 0 };
}

/** A random source over a mutable holder of the state, for one command's work. */
export interface Rng {
	state: number;
}

/** A number in [0, 2^32). */
export function draw(rng: Rng): number {
	const { state, value } = nextRandom(rng.state);
	rng.state = state;
	return value;
}

/** `digits` hex digits. */
export function hex(rng: Rng, digits: number): string {
	let text = '';
	while (text.length < digits) text += draw(rng).toString(16).padStart(8, '0');
	return text.slice(0, digits);
}

/** A stable hex string from a text (FNV-1a, repeated), for digests that must not use the PRNG. */
export function hashHex(text: string, digits: number): string {
	let out = '';
	let round = 0;
	while (out.length < digits) {
		let h = 0x811c9dc5 ^ round;
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
		// murmur3's finaliser: FNV alone leaves neighbouring inputs looking alike.
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
		h ^= h >>> 16;
		out += (h >>> 0).toString(16).padStart(8, '0');
		round++;
	}
	return out.slice(0, digits);
}

// A few of the names Docker's generator (moby's namesgenerator) combines, as it does:
// an adjective, an underscore and a scientist's or hacker's surname.
const adjectives = [
	'admiring',
	'angry',
	'brave',
	'busy',
	'clever',
	'eager',
	'focused',
	'gallant',
	'happy',
	'jolly',
	'keen',
	'loving',
	'nifty',
	'quirky',
	'serene',
	'vibrant',
];
const surnames = [
	'babbage',
	'curie',
	'darwin',
	'euler',
	'fermi',
	'hopper',
	'lovelace',
	'montalcini',
	'noether',
	'pascal',
	'ritchie',
	'tesla',
	'torvalds',
	'turing',
	'volta',
	'wozniak',
];

/** A name like Docker's: `quirky_volta`; never `boring_wozniak`, as Docker's never is. */
export function containerName(rng: Rng, taken: (name: string) => boolean): string {
	for (let attempt = 0; ; attempt++) {
		const name = `${adjectives[draw(rng) % adjectives.length]}_${surnames[draw(rng) % surnames.length]}`;
		// Docker adds a digit after a collision; so do we.
		const candidate = attempt < 3 ? name : `${name}${draw(rng) % 10}`;
		if (!taken(candidate)) return candidate;
	}
}
