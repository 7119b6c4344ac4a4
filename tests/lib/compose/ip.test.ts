import { describe, expect, test } from 'vitest';
import { checkCidr, formatCidr, formatIp, inCidr, parseIp } from '../../../src/lib/compose/ip';

describe('parseIp()', () => {
	test.each([
		['192.168.100.100', [192, 168, 100, 100]],
		['0.0.0.0', [0, 0, 0, 0]],
		['::1', [...Array<number>(15).fill(0), 1]],
		['fd00::1', [0xfd, 0, ...Array<number>(13).fill(0), 1]],
		['::ffff:10.0.0.1', [...Array<number>(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]],
	])('reads %s', (text, bytes) => {
		expect(parseIp(text)).toEqual(bytes);
	});

	test.each([
		'192.168.100',
		'256.1.1.1',
		'01.2.3.4',
		'1.2.3.4.5',
		'fd00::1::2',
		'1:2:3:4:5:6:7:8:9',
		'abc',
		'',
	])('refuses %j', (text) => {
		expect(parseIp(text)).toBeUndefined();
	});
});

describe('formatIp()', () => {
	test('writes IPv4 dotted and IPv6 with the longest zero run as ::', () => {
		expect(formatIp([10, 0, 0, 1])).toBe('10.0.0.1');
		expect(formatIp(parseIp('fd00:0:0:0:0:0:0:1') ?? [])).toBe('fd00::1');
		expect(formatIp(parseIp('1:0:0:2:0:0:0:3') ?? [])).toBe('1:0:0:2::3');
		expect(formatIp(parseIp('1:2:3:4:5:6:7:8') ?? [])).toBe('1:2:3:4:5:6:7:8');
	});
});

describe('checkCidr()', () => {
	test('accepts network addresses', () => {
		for (const text of [
			'192.168.100.0/24',
			'10.0.0.0/8',
			'0.0.0.0/0',
			'fd00::/64',
			'172.28.5.4/32',
		])
			expect(checkCidr(text).ok).toBe(true);
	});

	test("fixes the lecture's short address, 192.168.100/24", () => {
		expect(checkCidr('192.168.100/24')).toMatchObject({
			ok: false,
			problem: 'short',
			fix: '192.168.100.0/24',
		});
		expect(checkCidr('10/8')).toMatchObject({ problem: 'short', fix: '10.0.0.0/8' });
	});

	test('fixes host bits set past the prefix', () => {
		expect(checkCidr('192.168.100.5/24')).toMatchObject({
			ok: false,
			problem: 'host-bits',
			fix: '192.168.100.0/24',
		});
		expect(checkCidr('fd00::1/64')).toMatchObject({ problem: 'host-bits', fix: 'fd00::/64' });
	});

	test('refuses what is not CIDR at all', () => {
		expect(checkCidr('192.168.100.0')).toEqual({ ok: false, problem: 'syntax' });
		expect(checkCidr('banana/24')).toEqual({ ok: false, problem: 'syntax' });
		expect(checkCidr('192.168.100.0/33')).toEqual({ ok: false, problem: 'prefix' });
	});
});

describe('inCidr()', () => {
	const subnet = { address: [192, 168, 100, 0], prefix: 24 };

	test('tells whether an address lies inside a subnet', () => {
		expect(inCidr([192, 168, 100, 100], subnet)).toBe(true);
		expect(inCidr([192, 168, 101, 1], subnet)).toBe(false);
		expect(inCidr(parseIp('::1') ?? [], subnet)).toBe(false);
		expect(formatCidr(subnet)).toBe('192.168.100.0/24');
	});
});
