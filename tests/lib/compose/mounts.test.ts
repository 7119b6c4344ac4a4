import { describe, expect, test } from 'vitest';
import { isHostPath, parseMount, type Mount } from '../../../src/lib/compose/mounts';
import type { MountLong } from '../../../src/lib/compose/schema';

describe('parseMount()', () => {
	test.each<[string | MountLong, Mount]>([
		[
			'db-content:/var/lib/mysql',
			{ kind: 'named', source: 'db-content', target: '/var/lib/mysql', readOnly: false },
		],
		[
			'./config/config.json:/etc/config.json',
			{ kind: 'bind', source: './config/config.json', target: '/etc/config.json', readOnly: false },
		],
		[
			'./site:/usr/share/nginx/html:ro',
			{ kind: 'bind', source: './site', target: '/usr/share/nginx/html', readOnly: true },
		],
		['/srv/data:/data:rw', { kind: 'bind', source: '/srv/data', target: '/data', readOnly: false }],
		['~/notes:/notes', { kind: 'bind', source: '~/notes', target: '/notes', readOnly: false }],
		['C:\\data:/data', { kind: 'bind', source: 'C:\\data', target: '/data', readOnly: false }],
		[
			'C:\\inetpub\\logs:C:\\logs:ro',
			{ kind: 'bind', source: 'C:\\inetpub\\logs', target: 'C:\\logs', readOnly: true },
		],
		[
			'${DATA_DIR:-./data}:/data:${MODE:-rw}',
			{ kind: 'bind', source: '${DATA_DIR:-./data}', target: '/data', readOnly: false },
		],
		[
			'${PWD}/logs:/logs',
			{ kind: 'bind', source: '${PWD}/logs', target: '/logs', readOnly: false },
		],
		['cache:/cache:ro,z', { kind: 'named', source: 'cache', target: '/cache', readOnly: true }],
		['/var/lib/data', { kind: 'anonymous', target: '/var/lib/data', readOnly: false }],
		[
			{ type: 'volume', source: 'v', target: '/x', read_only: true },
			{ kind: 'named', source: 'v', target: '/x', readOnly: true },
		],
		[
			{ type: 'volume', target: '/x' },
			{ kind: 'anonymous', target: '/x', readOnly: false },
		],
		[
			{ type: 'bind', source: './a', target: '/a', bind: { create_host_path: true } },
			{ kind: 'bind', source: './a', target: '/a', readOnly: false },
		],
		[
			{ type: 'tmpfs', target: '/run', tmpfs: { size: '64m' } },
			{ kind: 'tmpfs', target: '/run', readOnly: false },
		],
	])('reads %j', (entry, mount) => {
		expect(parseMount(entry)).toEqual({ ok: true, mount });
	});

	test('passes over image mounts, which the diagram does not draw', () => {
		expect(parseMount({ type: 'image', source: 'alpine', target: '/x' })).toEqual({ ok: true });
	});

	test.each<[string | MountLong, RegExp]>([
		['a:/b:ro:extra', /a:\/b:ro:extra/],
		[':/data', /:\/data/],
		['data:relative/path', /relative\/path/],
		['data:/x:bogus', /bogus/],
		[{ type: 'bind', target: '/a' }, /source/],
		[{ type: 'volume', source: 'v' }, /target/],
	])('refuses %j with a message that says why', (entry, pattern) => {
		const parsed = parseMount(entry);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem.en).toMatch(pattern);
	});
});

describe('isHostPath()', () => {
	test('tells host paths from volume names', () => {
		for (const path of ['./a', '../a', '/a', '~/a', '.', 'C:\\a', 'D:/a', '${HOME}/a'])
			expect(isHostPath(path)).toBe(true);
		for (const name of ['db-data', 'data_1', 'my.volume']) expect(isHostPath(name)).toBe(false);
	});
});
