/**
 * Published ports in every syntax Compose accepts: `80`, `"8080:80"`, `"127.0.0.1:8080:80/udp"`,
 * `"[::1]:8080:80"`, `"::1:8080:80"`, ranges (`"9090-9091:8080-8081"`) and the long syntax.
 */
import type { Localized } from '../i18n/locale.ts';
import { isInterpolated } from './interpolation.ts';
import { parseIp } from './ip.ts';
import type { PortLong } from './schema.ts';

/** A port or a range of ports, `start` to `end` included. */
export interface PortRange {
	start: number;
	end: number;
}

/** A port mapping: the container port(s), and the host port(s) and address when published. */
export interface PortMapping {
	target: PortRange;
	/** The host port(s); absent when Docker picks a free port (`"80"`, `"127.0.0.1::80"`). */
	published?: PortRange;
	/** The host address listened on; absent for every address. */
	hostIp?: string;
	protocol: 'tcp' | 'udp' | 'sctp';
}

/**
 * The outcome of reading one entry of `ports`. `mapping` is absent when the entry holds a
 * `${VARIABLE}`: its value is only known when Compose runs, so it is neither drawn nor checked.
 */
export type PortParse =
	{ ok: true; mapping?: PortMapping } | { ok: false; problem: Localized<string> };

const protocols = ['tcp', 'udp', 'sctp'] as const;

/** Reads one entry of a service's `ports`, in short or long syntax. */
export function parsePort(entry: number | string | PortLong): PortParse {
	if (typeof entry === 'number') return fromParts({ target: String(entry) });
	if (typeof entry !== 'string')
		return fromParts({
			target: String(entry.target),
			published: entry.published === undefined ? undefined : String(entry.published),
			hostIp: entry.host_ip,
			protocol: entry.protocol,
		});
	if (isInterpolated(entry)) return { ok: true };
	// Read from the right: `[IP:][HOST:]CONTAINER[/PROTOCOL]`, where an IPv6 IP has colons too.
	const [address = '', protocol] = entry.split('/');
	const parts = address.split(':');
	const target = parts.pop() ?? '';
	const published = parts.length ? parts.pop() : undefined;
	const hostIp = parts.length ? parts.join(':').replace(/^\[(.*)\]$/, '$1') : undefined;
	if (entry.split('/').length > 2 || hostIp === '') return { ok: false, problem: malformed(entry) };
	return fromParts({ target, published, hostIp, protocol }, entry);
}

/** Writes a range as `8080` or `8080-8081`. */
export function formatRange(range: PortRange): string {
	return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}

/**
 * Writes a mapping as the diagram shows it: `8080 → 80`, `127.0.0.1:8080 → 53/udp`.
 * @param randomPort What stands for a host port Docker picks itself.
 */
export function formatMapping(mapping: PortMapping, randomPort: string): string {
	const ip = mapping.hostIp?.includes(':') ? `[${mapping.hostIp}]` : mapping.hostIp;
	const host = mapping.published ? formatRange(mapping.published) : randomPort;
	const protocol = mapping.protocol === 'tcp' ? '' : `/${mapping.protocol}`;
	return `${ip ? `${ip}:` : ''}${host} → ${formatRange(mapping.target)}${protocol}`;
}

/** Whether two ranges share at least one port. */
export function overlaps(a: PortRange, b: PortRange): boolean {
	return a.start <= b.end && b.start <= a.end;
}

interface Parts {
	target: string;
	published?: string | undefined;
	hostIp?: string | undefined;
	protocol?: string | undefined;
}

function fromParts(parts: Parts, written?: string): PortParse {
	if ([parts.target, parts.published, parts.hostIp].some((part) => isInterpolated(part)))
		return { ok: true };
	const protocol = (parts.protocol ?? 'tcp').toLowerCase();
	if (!isProtocol(protocol))
		return {
			ok: false,
			problem: {
				it: `Protocollo "${protocol}" sconosciuto: usa tcp (il predefinito), udp o sctp.`,
				en: `Unknown protocol "${protocol}": use tcp (the default), udp or sctp.`,
			},
		};
	const target = parseRange(parts.target);
	if (!target) return { ok: false, problem: rangeProblem(parts.target, written) };
	const published = parts.published ? parseRange(parts.published) : undefined;
	if (parts.published && !published)
		return { ok: false, problem: rangeProblem(parts.published, written) };
	if (parts.hostIp !== undefined && !parseIp(parts.hostIp))
		return {
			ok: false,
			problem: {
				it: `"${parts.hostIp}" non è un indirizzo IP valido dell'host: scrivi ad esempio 127.0.0.1 o [::1].`,
				en: `"${parts.hostIp}" is not a valid host IP address: write, for example, 127.0.0.1 or [::1].`,
			},
		};
	const width = (range: PortRange) => range.end - range.start;
	// A host range may serve one container port, but two ranges must have the same size.
	if (published && width(target) > 0 && width(published) !== width(target))
		return {
			ok: false,
			problem: {
				it: `Gli intervalli ${formatRange(published)} (host) e ${formatRange(target)} (container) hanno lunghezze diverse: devono contenere lo stesso numero di porte.`,
				en: `The ranges ${formatRange(published)} (host) and ${formatRange(target)} (container) differ in length: they must hold the same number of ports.`,
			},
		};
	return {
		ok: true,
		mapping: {
			target,
			...(published && { published }),
			...(parts.hostIp !== undefined && { hostIp: parts.hostIp }),
			protocol,
		},
	};
}

function isProtocol(value: string): value is PortMapping['protocol'] {
	return (protocols as readonly string[]).includes(value);
}

function parseRange(text: string): PortRange | undefined {
	const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
	if (!match) return undefined;
	const start = Number(match[1]);
	const end = match[2] === undefined ? start : Number(match[2]);
	const valid = (port: number) => port >= 1 && port <= 65535;
	return valid(start) && valid(end) && start <= end ? { start, end } : undefined;
}

function rangeProblem(part: string, written: string | undefined): Localized<string> {
	const numbers = /^\d+(?:-\d+)?$/.test(part.trim());
	if (!numbers) return malformed(written ?? part);
	const [start = 0, end = start] = part.split('-').map(Number);
	if (start > end)
		return {
			it: `L'intervallo ${part} è al contrario: scrivi prima la porta più bassa (${end}-${start}).`,
			en: `The range ${part} is backwards: write the lower port first (${end}-${start}).`,
		};
	return {
		it: `La porta ${part} non esiste: le porte vanno da 1 a 65535.`,
		en: `Port ${part} does not exist: ports go from 1 to 65535.`,
	};
}

function malformed(written: string): Localized<string> {
	return {
		it: `Formato di porta non riconosciuto: "${written}". Scrivi [IP:]PORTA_HOST:PORTA_CONTAINER[/protocollo], ad esempio "8080:80" o "127.0.0.1:8080:80/udp".`,
		en: `Unrecognised port format: "${written}". Write [IP:]HOST_PORT:CONTAINER_PORT[/protocol], for example "8080:80" or "127.0.0.1:8080:80/udp".`,
	};
}
