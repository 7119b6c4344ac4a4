import { describe, expect, test } from 'vitest';
import {
	clearScreen,
	complete,
	historyAt,
	historyStep,
	newSession,
	replay,
	reset,
	shownResults,
	submit,
	undo,
} from '../../../src/lib/simulator/session';

const lecture = [
	'docker network create --subnet 172.20.0.0/16 --gateway 172.20.0.1 retedocker',
	'docker run -d --name c1 --network retedocker alpine sleep 1d',
	'docker run -d --name c2 --network retedocker alpine sleep 1d',
	'docker exec c1 ping -c 1 c2',
];

describe('submit()', () => {
	test('runs a line and keeps its answer and the new host', () => {
		const session = submit(newSession(), 'docker network create retedocker');
		expect(session.commands).toEqual(['docker network create retedocker']);
		expect(session.results[0]?.exitCode).toBe(0);
		expect(session.host.networks.map((n) => n.name)).toContain('retedocker');
		expect(session.history).toEqual(['docker network create retedocker']);
	});

	test('leaves the session as it is for a blank line, and never changes the one it gets', () => {
		const start = newSession();
		expect(submit(start, '   ')).toBe(start);
		submit(start, 'docker run -d --name web nginx');
		expect(start.commands).toEqual([]);
		expect(start.host.containers).toEqual([]);
	});

	test('keeps a failed command with its explanation', () => {
		const session = submit(newSession(), 'docker rm nessuno');
		expect(session.results[0]?.exitCode).not.toBe(0);
		expect(session.results[0]?.explanation?.key).toBe('no-such-container');
	});

	test('clear empties the screen, keeps the host, and joins the history', () => {
		const before = replay({}, lecture);
		const cleared = submit(before, 'clear');
		expect(shownResults(cleared)).toEqual([]);
		expect(cleared.host).toBe(before.host);
		expect(cleared.history.at(-1)).toBe('clear');
		const after = submit(cleared, 'docker ps');
		expect(shownResults(after).map((r) => r.command)).toEqual(['docker ps']);
		expect(shownResults(clearScreen(after))).toEqual([]);
	});

	test('does not repeat the same line twice in a row in the history', () => {
		const session = submit(submit(newSession(), 'docker ps'), 'docker ps');
		expect(session.history).toEqual(['docker ps']);
		expect(session.commands).toHaveLength(2);
	});
});

describe('replay()', () => {
	test('is deterministic: the same lines give the same host and answers', () => {
		const a = replay({}, lecture);
		const b = replay({}, lecture);
		expect(b.host).toEqual(a.host);
		expect(b.results).toEqual(a.results);
		expect(a.results[3]?.output).toContain('172.20.0.3');
	});
});

describe('undo()', () => {
	test('takes back the last command: the host is as before it', () => {
		const three = replay({}, lecture.slice(0, 3));
		const four = replay({}, lecture);
		const undone = undo(four);
		expect(undone.host).toEqual(three.host);
		expect(undone.commands).toEqual(lecture.slice(0, 3));
		expect(undone.history).toEqual(four.history);
		const noContainer = undo(undone);
		expect(noContainer.host.containers.map((c) => c.name)).toEqual(['c1']);
	});

	test('does nothing on a fresh session', () => {
		const start = newSession();
		expect(undo(start)).toBe(start);
	});
});

describe('reset()', () => {
	test('gives a fresh host and keeps the history and the files', () => {
		const session = replay({ files: { 'compose.yaml': 'services: {}\n' } }, lecture);
		const fresh = reset(session);
		expect(fresh.host).toEqual(newSession({ files: { 'compose.yaml': 'services: {}\n' } }).host);
		expect(fresh.commands).toEqual([]);
		expect(fresh.history).toEqual(session.history);
	});
});

describe('historyAt() and historyStep()', () => {
	const history = ['docker ps', 'docker images', 'docker network ls'];
	test('↑ goes back from the newest line, ↓ comes back to the draft', () => {
		let index = -1;
		index = historyStep(history, index, true);
		expect(historyAt(history, index, 'dra')).toBe('docker network ls');
		index = historyStep(history, historyStep(history, index, true), true);
		expect(historyAt(history, index, 'dra')).toBe('docker ps');
		expect(historyStep(history, index, true)).toBe(index);
		index = historyStep(
			history,
			historyStep(history, historyStep(history, index, false), false),
			false
		);
		expect(index).toBe(-1);
		expect(historyAt(history, index, 'dra')).toBe('dra');
	});
});

describe('complete()', () => {
	test('one candidate replaces the word and adds a space', () => {
		expect(complete('docker ne', 9, ['network'])).toEqual({
			line: 'docker network ',
			cursor: 15,
			choices: [],
		});
	});

	test('several extend the word to their common prefix, then are listed', () => {
		expect(complete('docker p', 8, ['pause', 'port', 'ps', 'pull', 'push'])).toEqual({
			line: 'docker p',
			cursor: 8,
			choices: ['pause', 'port', 'ps', 'pull', 'push'],
		});
		expect(complete('docker network c', 16, ['connect', 'create'])?.choices).toHaveLength(2);
		expect(complete('docker i', 8, ['image', 'images', 'inspect'])?.line).toBe('docker i');
		expect(complete('docker im', 9, ['image', 'images'])).toEqual({
			line: 'docker image',
			cursor: 12,
			choices: [],
		});
	});

	test('nothing to complete gives undefined, so Tab can move focus', () => {
		expect(complete('docker zz', 9, [])).toBeUndefined();
	});

	test('completes in the middle of a line, keeping what follows', () => {
		expect(complete('docker ne ls', 9, ['network'])).toEqual({
			line: 'docker network ls',
			cursor: 14,
			choices: [],
		});
	});
});
