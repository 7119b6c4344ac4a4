import { describe, expect, test } from 'vitest';
import { replay } from '../../../src/lib/simulator/session';
import {
	parseSession,
	savedSession,
	serializeSession,
	sessionFromHash,
	sessionToHash,
} from '../../../src/lib/simulator/share';

const lines = [
	'docker network create retedocker',
	'docker run -d --name web --network retedocker nginx',
];

describe('sessionToHash() and sessionFromHash()', () => {
	test('a session goes through a link and comes back the same', () => {
		const saved = savedSession(replay({ files: { 'note.txt': 'ciao è' } }, lines));
		const hash = sessionToHash(saved);
		expect(hash).toMatch(/^#docker=\d+\.[\w-]+$/);
		expect(sessionFromHash(hash)).toEqual({ kind: 'session', saved });
		const back = sessionFromHash(hash);
		if (back.kind !== 'session') throw new Error('not read');
		expect(replay(back.saved, back.saved.commands).host).toEqual(
			replay({ files: { 'note.txt': 'ciao è' } }, lines).host
		);
	});

	test('another page’s anchor is not ours', () => {
		expect(sessionFromHash('#creare-e-gestire-le-reti')).toEqual({ kind: 'none' });
		expect(sessionFromHash('')).toEqual({ kind: 'none' });
	});

	test('a link cut short is told apart from a broken one, and neither throws', () => {
		const hash = sessionToHash(savedSession(replay({}, lines)));
		expect(sessionFromHash(hash.slice(0, -5))).toEqual({ kind: 'cut' });
		expect(sessionFromHash('#docker=')).toEqual({ kind: 'cut' });
		expect(sessionFromHash('#docker=4.@@@@')).toEqual({ kind: 'bad' });
		expect(sessionFromHash('#docker=8.AAAAAAAA')).toEqual({ kind: 'bad' });
		expect(sessionFromHash('#docker=garbage')).toEqual({ kind: 'bad' });
		expect(sessionFromHash(`${hash}xx`)).toEqual({ kind: 'bad' });
	});
});

describe('parseSession()', () => {
	test('reads what serializeSession wrote, and refuses anything else', () => {
		const saved = { commands: lines, files: {}, seed: 1 };
		expect(parseSession(serializeSession(saved))).toEqual({ kind: 'session', saved });
		expect(parseSession(null)).toEqual({ kind: 'none' });
		expect(parseSession('{')).toEqual({ kind: 'bad' });
		expect(parseSession('[]')).toEqual({ kind: 'bad' });
		expect(parseSession('{"version":1,"commands":[1]}')).toEqual({ kind: 'bad' });
		expect(parseSession('{"version":2,"commands":[]}')).toEqual({ kind: 'bad' });
	});
});
