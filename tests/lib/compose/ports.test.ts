import { describe, expect, test } from 'vitest';
import { formatMapping, parsePort, type PortMapping } from '../../../src/lib/compose/ports';
import type { PortLong } from '../../../src/lib/compose/schema';

const range = (start: number, end = start) => ({ start, end });

describe('parsePort()', () => {
	test.each<[number | string | PortLong, PortMapping]>([
		[80, { target: range(80), protocol: 'tcp' }],
		['80', { target: range(80), protocol: 'tcp' }],
		['3000-3005', { target: range(3000, 3005), protocol: 'tcp' }],
		['8080:80', { target: range(80), published: range(8080), protocol: 'tcp' }],
		[
			'127.0.0.1:8080:80/udp',
			{ target: range(80), published: range(8080), hostIp: '127.0.0.1', protocol: 'udp' },
		],
		[
			'[::1]:8080:80',
			{ target: range(80), published: range(8080), hostIp: '::1', protocol: 'tcp' },
		],
		[
			'::1:6000:6000',
			{ target: range(6000), published: range(6000), hostIp: '::1', protocol: 'tcp' },
		],
		[
			'9090-9091:8080-8081',
			{ target: range(8080, 8081), published: range(9090, 9091), protocol: 'tcp' },
		],
		['8000-9000:80', { target: range(80), published: range(8000, 9000), protocol: 'tcp' }],
		['127.0.0.1::80', { target: range(80), hostIp: '127.0.0.1', protocol: 'tcp' }],
		['6060:6060/sctp', { target: range(6060), published: range(6060), protocol: 'sctp' }],
		[
			{ target: 80, published: '8080', host_ip: '127.0.0.1', protocol: 'udp', mode: 'host' },
			{ target: range(80), published: range(8080), hostIp: '127.0.0.1', protocol: 'udp' },
		],
		[
			{ target: 80, name: 'web', app_protocol: 'http' },
			{ target: range(80), protocol: 'tcp' },
		],
		[
			{ target: '80-81', published: '8080-8081' },
			{ target: range(80, 81), published: range(8080, 8081), protocol: 'tcp' },
		],
	])('reads %j', (entry, mapping) => {
		expect(parsePort(entry)).toEqual({ ok: true, mapping });
	});

	test('leaves ${VARIABLE} ports unresolved rather than wrong', () => {
		expect(parsePort('${WEB_PORT:-8080}:80')).toEqual({ ok: true });
		expect(parsePort({ target: 80, published: '${PORT}' })).toEqual({ ok: true });
	});

	test.each<[number | string | PortLong, RegExp]>([
		['70000:80', /65535/],
		['0:80', /65535/],
		[70000, /65535/],
		['8080:80/icmp', /icmp/],
		['8080;80', /8080;80/],
		['8081-8079:80', /8079-8081/],
		['9090-9092:8080-8081', /lunghezze diverse/],
		[{ target: '80-81', published: 8080 }, /lunghezze diverse/],
		['300.1.1.1:80:80', /300\.1\.1\.1/],
		['80/tcp/udp', /80\/tcp\/udp/],
		[{ target: 80, protocol: 'icmp' }, /icmp/],
		[{ target: 'http' }, /http/],
		[80.5, /80\.5/],
	])('refuses %j with a message that says why', (entry, pattern) => {
		const parsed = parsePort(entry);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.problem.it).toMatch(pattern);
			expect(parsed.problem.en).not.toBe(parsed.problem.it);
		}
	});
});

describe('formatMapping()', () => {
	test('writes host → container, with the address and a protocol other than tcp', () => {
		const show = (entry: string) => {
			const parsed = parsePort(entry);
			return parsed.ok && parsed.mapping ? formatMapping(parsed.mapping, '*') : '';
		};
		expect(show('8080:80')).toBe('8080 → 80');
		expect(show('127.0.0.1:5353:53/udp')).toBe('127.0.0.1:5353 → 53/udp');
		expect(show('[::1]:8080:80')).toBe('[::1]:8080 → 80');
		expect(show('3000')).toBe('* → 3000');
		expect(show('9090-9091:8080-8081')).toBe('9090-9091 → 8080-8081');
	});
});
