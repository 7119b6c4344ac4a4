/**
 * IPv4 and IPv6 addresses and CIDR subnets, as bytes, for the subnet checks: whether a subnet is
 * written right (and how to fix it when not) and whether an address falls inside it.
 */

/** An address as its bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = number[];

/** A subnet: its network address and the length of its prefix in bits. */
export interface Cidr {
	address: IpBytes;
	prefix: number;
}

/**
 * The verdict on a subnet. `short`: an IPv4 address with fewer than four numbers
 * (`192.168.100/24`); `host-bits`: bits set past the prefix (`192.168.100.5/24`). Both come with
 * the subnet Docker expects (`fix`), which also serves for the checks that follow.
 */
export type CidrCheck =
	| { ok: true; cidr: Cidr }
	| { ok: false; problem: 'short' | 'host-bits'; fix: string; cidr: Cidr }
	| { ok: false; problem: 'syntax' | 'prefix' };

/** Parses an IPv4 (`192.168.1.10`) or IPv6 (`fd00::1`, `::ffff:10.0.0.1`) address. */
export function parseIp(text: string): IpBytes | undefined {
	return parseIpv4(text) ?? parseIpv6(text);
}

/** Writes an address the usual way: dotted IPv4, or IPv6 with its longest zero run as `::`. */
export function formatIp(bytes: IpBytes): string {
	if (bytes.length === 4) return bytes.join('.');
	const words = Array.from(
		{ length: 8 },
		(_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)
	);
	let [start, length] = [-1, 0];
	for (let i = 0; i < 8; i++) {
		let run = 0;
		while (words[i + run] === 0) run++;
		if (run > length && run > 1) [start, length] = [i, run];
	}
	const hex = (list: number[]) => list.map((word) => word.toString(16)).join(':');
	if (start < 0) return hex(words);
	return `${hex(words.slice(0, start))}::${hex(words.slice(start + length))}`;
}

/** Checks a subnet in CIDR notation, as `ipam.config[].subnet` and `ip_range` are written. */
export function checkCidr(text: string): CidrCheck {
	const match = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
	if (!match) return { ok: false, problem: 'syntax' };
	const [, address = '', bits = ''] = match;
	const prefix = Number(bits);
	let bytes = parseIp(address);
	// `192.168.100/24`: fewer than four numbers, which Docker refuses; pad with zeros.
	const short = !bytes && /^\d{1,3}(?:\.\d{1,3}){0,2}$/.test(address);
	if (short) bytes = parseIp([...address.split('.'), '0', '0', '0'].slice(0, 4).join('.'));
	if (!bytes) return { ok: false, problem: 'syntax' };
	if (prefix > bytes.length * 8) return { ok: false, problem: 'prefix' };
	const cidr = { address: mask(bytes, prefix), prefix };
	if (short) return { ok: false, problem: 'short', fix: formatCidr(cidr), cidr };
	if (!sameBytes(cidr.address, bytes))
		return { ok: false, problem: 'host-bits', fix: formatCidr(cidr), cidr };
	return { ok: true, cidr };
}

/** Writes a subnet as `192.168.100.0/24`. */
export function formatCidr(cidr: Cidr): string {
	return `${formatIp(cidr.address)}/${cidr.prefix}`;
}

/** Whether an address lies inside a subnet (of the same family). */
export function inCidr(ip: IpBytes, cidr: Cidr): boolean {
	return ip.length === cidr.address.length && sameBytes(mask(ip, cidr.prefix), cidr.address);
}

function parseIpv4(text: string): IpBytes | undefined {
	const parts = text.split('.');
	const valid = parts.length === 4 && parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part));
	const bytes = parts.map(Number);
	return valid && bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function parseIpv6(text: string): IpBytes | undefined {
	const halves = text.split('::');
	if (halves.length > 2 || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
	const toWords = (half: string, last: boolean): number[] | undefined => {
		const words: number[] = [];
		const groups = half === '' ? [] : half.split(':');
		for (const [index, group] of groups.entries()) {
			// An IPv4 tail (`::ffff:10.0.0.1`) stands for the last two words.
			const ipv4 = last && index === groups.length - 1 ? parseIpv4(group) : undefined;
			if (ipv4)
				words.push((ipv4[0] ?? 0) * 256 + (ipv4[1] ?? 0), (ipv4[2] ?? 0) * 256 + (ipv4[3] ?? 0));
			else if (/^[0-9a-fA-F]{1,4}$/.test(group)) words.push(parseInt(group, 16));
			else return undefined;
		}
		return words;
	};
	const [head = '', tail] = halves;
	const left = toWords(head, tail === undefined);
	const right = tail === undefined ? [] : toWords(tail, true);
	if (!left || !right) return undefined;
	const missing = 8 - left.length - right.length;
	if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
	const words = [...left, ...Array<number>(missing).fill(0), ...right];
	return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function mask(bytes: IpBytes, prefix: number): IpBytes {
	return bytes.map((byte, i) => {
		const bits = Math.max(0, Math.min(8, prefix - i * 8));
		return byte & (0xff << (8 - bits)) & 0xff;
	});
}

function sameBytes(a: IpBytes, b: IpBytes): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
