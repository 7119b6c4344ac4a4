import { describe, expect, test } from 'vitest';
import { commands, shellQuote } from '../../../src/lib/dockerfile/commands';
import { parse } from '../../../src/lib/dockerfile/parse';
import { templates } from '../../../src/lib/dockerfile/templates';

const apache = parse(templates.find((template) => template.id === 'apache2')?.dockerfile ?? '');

describe('commands()', () => {
	test('builds with -t name:tag and runs detached with the mapped ports', () => {
		expect(
			commands(apache, {
				image: 'sito-apache',
				tag: '1.0',
				containerName: 'web',
				ports: { 80: 8080 },
			})
		).toEqual({
			build: 'docker build -t sito-apache:1.0 .',
			run: 'docker run -d --name web -p 8080:80 sito-apache:1.0',
		});
	});

	test('maps only the exposed ports the learner chose, with their protocol', () => {
		const model = parse('FROM a:1\nEXPOSE 80 53/udp 9000\n');
		const { run } = commands(model, {
			image: 'app',
			tag: '',
			detach: false,
			ports: { '80': '8080', '53/udp': 5353, 1234: 1 },
		});
		expect(run).toBe('docker run -p 8080:80 -p 5353:53/udp app');
	});

	test('mounts a named volume on each VOLUME of the final stage', () => {
		const model = parse(
			'FROM a:1\nVOLUME /tmp/ignored\nFROM b:1\nVOLUME /var/lib/mysql /srv/data /opt/data\n'
		);
		const { run } = commands(model, { image: 'db', tag: '8', volumes: { '/srv/data': 'mine' } });
		expect(run).toBe(
			'docker run -d -v db-mysql:/var/lib/mysql -v mine:/srv/data -v db-data:/opt/data db:8'
		);
	});

	test('quotes what the shell would otherwise split or expand', () => {
		const { build, run } = commands(apache, {
			image: 'my app',
			tag: '1',
			containerName: "it's",
			context: './site dir',
		});
		expect(build).toBe("docker build -t 'my app:1' './site dir'");
		expect(run).toBe("docker run -d --name 'it'\\''s' 'my app:1'");
	});
});

describe('shellQuote()', () => {
	test('leaves plain words alone and single-quotes the rest', () => {
		expect(shellQuote('8080:80')).toBe('8080:80');
		expect(shellQuote('')).toBe("''");
		expect(shellQuote('$HOME')).toBe("'$HOME'");
		expect(shellQuote("a'b")).toBe("'a'\\''b'");
	});
});
