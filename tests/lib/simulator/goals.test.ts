import { describe, expect, test } from 'vitest';
import {
	checkGoals,
	explainGoal,
	goalTexts,
	GoalSchema,
	type Goal,
} from '../../../src/lib/simulator/goals';
import { createHost, runCommand, type CommandResult } from '../../../src/lib/simulator/index';

/** The host after a script, and Docker's answers. */
function after(lines: string[], files: Record<string, string> = {}) {
	let state = createHost({ seed: 1, files });
	const results: CommandResult[] = [];
	for (const line of lines) {
		const { state: next, result } = runCommand(state, line);
		state = next;
		results.push(result);
	}
	return { state, results };
}

/** The one goal's check after a script. */
function check(goal: Goal, lines: string[], files?: Record<string, string>) {
	const { state, results } = after(lines, files);
	const [result] = checkGoals(state, results, [GoalSchema().parse(goal)]);
	return {
		met: result!.met,
		key: result!.explanation.key,
		it: explainGoal(result!.explanation, 'it'),
	};
}

describe('container-running', () => {
	const goal: Goal = {
		kind: 'container-running',
		name: 'web',
		image: 'nginx',
		publishes: { host: 8080, container: 80 },
	};

	test('met by a running container of the image with the port published', () => {
		expect(check(goal, ['docker run -d --name web -p 8080:80 nginx:1.30'])).toMatchObject({
			met: true,
			key: 'container-running.met-port',
		});
	});

	test.each([
		[[], 'container-running.missing'],
		[['docker run -d --name web -p 8080:80 httpd'], 'container-running.image'],
		[['docker run -d --name web -p 8080:80 nginx', 'docker stop web'], 'container-running.stopped'],
		[['docker run -d --name web -p 8081:80 nginx'], 'container-running.port'],
	])('unmet after %j: %s', (lines, key) => {
		expect(check(goal, lines)).toMatchObject({ met: false, key });
	});

	test('says which port to publish, in the tu form', () => {
		expect(
			check({ kind: 'container-running', publishes: { host: 8080, container: 80 } }, []).it
		).toBe(
			"Nessun container in esecuzione pubblica la porta 8080 dell'host: avvialo con -p 8080:80."
		);
	});
});

describe('reachable-by-name', () => {
	const goal: Goal = { kind: 'reachable-by-name', from: 'client', to: 'api' };
	const both = ['docker run -d --name api nginx', 'docker run -d --name client alpine sleep 3600'];

	test('met on a user-defined network both are attached to', () => {
		expect(
			check(goal, [
				'docker network create app',
				...both.map((line) => line.replace('--name', '--network app --name')),
			])
		).toMatchObject({ met: true, key: 'reachable.met' });
	});

	test.each([
		[both, 'reachable.default-bridge'],
		[['docker run -d --name api nginx'], 'reachable.missing'],
		[[...both, 'docker stop api'], 'reachable.stopped'],
		[
			[
				'docker network create one',
				'docker network create two',
				'docker run -d --name api --network one nginx',
				'docker run -d --name client --network two alpine sleep 3600',
			],
			'reachable.apart',
		],
	])('unmet after %j: %s', (lines, key) => {
		expect(check(goal, lines)).toMatchObject({ met: false, key });
	});
});

describe('network', () => {
	const goal: Goal = {
		kind: 'network',
		name: 'lab',
		subnet: '10.10.0.0/24',
		gateway: '10.10.0.254',
	};

	test('met by a network with that subnet and gateway', () => {
		expect(
			check(goal, ['docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 lab']).met
		).toBe(true);
	});

	test.each([
		[[], 'network.missing'],
		[['docker network create lab'], 'network.subnet'],
		[['docker network create --subnet 10.10.0.0/24 lab'], 'network.gateway'],
	])('unmet after %j: %s', (lines, key) => {
		expect(check(goal, lines)).toMatchObject({ met: false, key });
	});

	test('internal, or not', () => {
		const internal: Goal = { kind: 'network', name: 'back', internal: true };
		expect(check(internal, ['docker network create back']).key).toBe('network.internal');
		expect(check(internal, ['docker network create --internal back']).met).toBe(true);
	});
});

describe('volume-keeps', () => {
	const goal: Goal = { kind: 'volume-keeps', volume: 'dati', path: 'nota.txt', content: 'ciao' };
	const write = (mount: string, text = 'ciao') =>
		`docker run --name w ${mount} alpine sh -c 'echo ${text} > /dati/nota.txt'`;

	test('met when a named volume keeps the file after the container is removed', () => {
		expect(check(goal, [write('-v dati:/dati'), 'docker rm w']).met).toBe(true);
	});

	test.each([
		[[write(''), 'docker rm w'], 'volume-keeps.missing'],
		[['docker volume create dati'], 'volume-keeps.no-file'],
		[[write('-v dati:/dati', 'addio')], 'volume-keeps.content'],
	])('unmet after %j: %s', (lines, key) => {
		expect(check(goal, lines)).toMatchObject({ met: false, key });
	});
});

describe('image-built', () => {
	const goal: Goal = { kind: 'image-built', tag: 'sito' };

	test('met by an image that docker build made', () => {
		expect(check(goal, ['docker build -t sito .'], { Dockerfile: 'FROM nginx\n' }).met).toBe(true);
	});

	test('unmet when the build failed, or never ran, or the image was pulled', () => {
		const broken = { Dockerfile: 'FROM ubuntu\nRUN apt install apache2\n' };
		expect(check(goal, ['docker build -t sito .'], broken).key).toBe('image-built.failed');
		expect(check(goal, []).key).toBe('image-built.missing');
		expect(check({ kind: 'image-built', tag: 'nginx' }, ['docker pull nginx']).met).toBe(false);
	});
});

describe('compose-up', () => {
	const compose = (dbPorts: string) => ({
		'compose.yaml': [
			'services:',
			'  web:',
			'    image: nginx',
			'    ports: ["8080:80"]',
			'  db:',
			'    image: mariadb:12.3',
			'    environment:',
			'      MARIADB_RANDOM_ROOT_PASSWORD: "1"',
			dbPorts,
			'',
		].join('\n'),
	});
	const goal: Goal = { kind: 'compose-up', services: ['web', 'db'], unpublished: ['db'] };

	test('met when every service runs and the database publishes nothing', () => {
		expect(check(goal, ['docker compose up -d'], compose(''))).toMatchObject({
			met: true,
			key: 'compose-up.met-unpublished',
		});
	});

	test.each([
		[[], '', 'compose-up.none'],
		[['docker compose up -d'], '    ports: ["3306:3306"]', 'compose-up.published'],
		[['docker compose up -d', 'docker compose stop db'], '', 'compose-up.stopped'],
	])('unmet after %j (%s): %s', (lines, ports, key) => {
		expect(check(goal, lines, compose(ports))).toMatchObject({ met: false, key });
	});
});

test('compose-up: a service the project does not have is missing', () => {
	const goal: Goal = { kind: 'compose-up', services: ['web', 'cache'] };
	const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx\n' };
	expect(check(goal, ['docker compose up -d'], files).key).toBe('compose-up.missing');
});

describe('container-absent', () => {
	const goal: Goal = { kind: 'container-absent', name: 'old' };

	test('met when no container has the name', () => {
		expect(check(goal, ['docker run --name old alpine true', 'docker rm old']).met).toBe(true);
	});

	test('unmet while it runs, or while it is stopped', () => {
		expect(check(goal, ['docker run -d --name old nginx']).key).toBe('container-absent.running');
		expect(check(goal, ['docker run --name old alpine true']).key).toBe('container-absent.present');
	});
});

describe('the goal texts', () => {
	test('every key is said in both languages, with the same placeholders', () => {
		for (const [key, text] of Object.entries(goalTexts)) {
			const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			expect(text.it.trim(), key).not.toBe('');
			expect(names(text.en), key).toEqual(names(text.it));
		}
	});

	test('a bad goal fails with the path of its field', () => {
		const result = GoalSchema().safeParse({ kind: 'network', subnet: '10.0.0.0/8' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['name']);
	});
});
