import { describe, expect, it } from 'vitest';
import {
	explain,
	explanations,
	messages,
	runScript,
	type MessageId,
} from '../../../src/lib/simulator/index.ts';

const mariadbWithPassword = 'docker run -d --name db -e MARIADB_ROOT_PASSWORD=giusta mariadb';

/** A script that makes each message appear, and the files it needs. */
const triggers: Record<MessageId, { script: string; files?: Record<string, string> }> = {
	'port-allocated': {
		script: 'docker run -d -p 8080:80 --name a nginx\ndocker run -d -p 8080:80 --name b nginx',
	},
	'name-conflict': { script: 'docker run -d --name web nginx\ndocker run -d --name web nginx' },
	'remove-running': { script: 'docker run -d --name web nginx\ndocker rm web' },
	'no-such-container': { script: 'docker stop nessuno' },
	'no-such-object': { script: 'docker inspect nessuno' },
	'no-such-image': { script: 'docker rmi nessuna' },
	'image-in-use': { script: 'docker run -d --name web nginx\ndocker rmi nginx' },
	'pull-denied': { script: 'docker pull immagine-che-non-esiste' },
	'manifest-unknown': { script: 'docker pull nginx:9.9' },
	'pool-overlap': { script: 'docker network create --subnet 172.17.5.0/24 rete' },
	'invalid-cidr': { script: 'docker network create --subnet 10.0.0/24 rete' },
	'network-active-endpoints': {
		script:
			'docker network create rete\ndocker run -d --name c --network rete alpine sleep 1d\ndocker network rm rete',
	},
	'network-exists': { script: 'docker network create rete\ndocker network create rete' },
	'network-not-found': { script: 'docker run --network nessuna alpine' },
	'network-builtin': { script: 'docker network rm bridge' },
	'ip-outside-subnet': {
		script:
			'docker network create --subnet 10.1.0.0/24 rete\ndocker run -d --name c nginx\ndocker network connect --ip 10.2.0.5 rete c',
	},
	'ip-default-bridge': { script: 'docker run -d --ip 172.17.0.50 nginx' },
	'already-connected': {
		script:
			'docker network create rete\ndocker run -d --name c --network rete nginx\ndocker network connect rete c',
	},
	'volume-in-use': {
		script:
			'docker volume create dati\ndocker run -d --name c -v dati:/dati nginx\ndocker volume rm dati',
	},
	'no-such-volume': { script: 'docker volume rm nessuno' },
	'not-running': { script: 'docker create --name c alpine\ndocker exec c ls' },
	'exec-not-found': { script: 'docker run -d --name c alpine sleep 1d\ndocker exec c bash' },
	'no-public-port': { script: 'docker run -d --name c nginx\ndocker port c 80' },
	'unknown-flag': { script: 'docker run --foo nginx' },
	'unknown-shorthand': { script: 'docker ps -z' },
	'requires-argument': { script: 'docker stop' },
	'unknown-command': { script: 'docker foo' },
	'command-not-found': { script: 'foo' },
	'curl-refused': { script: 'curl http://localhost:8080/' },
	'curl-resolve': { script: 'docker run -d --name c nginx\ndocker exec c curl http://db/' },
	'ping-bad-address': { script: 'docker run --rm alpine ping -c 1 db' },
	'mariadb-no-password': { script: 'docker run -d --name db mariadb\ndocker logs db' },
	'mysql-no-password': { script: 'docker run -d --name db mysql\ndocker logs db' },
	'postgres-no-password': { script: 'docker run -d --name db postgres\ndocker logs db' },
	'mariadb-access-denied': {
		script: `${mariadbWithPassword}\ndocker exec db mariadb -uroot -psbagliata -e "SHOW DATABASES;"`,
	},
	'build-not-found': {
		script: 'docker build -t prova .',
		files: { Dockerfile: 'FROM alpine\nCOPY manca.txt /manca.txt\n' },
	},
	'build-no-dockerfile': { script: 'docker build -t prova .' },
	'build-parse-error': {
		script: 'docker build -t prova .',
		files: { Dockerfile: 'FROM alpine\nCOPPY a b\n' },
	},
	'build-base-missing': {
		script: 'docker build -t prova .',
		files: { Dockerfile: 'FROM immagine-inventata\n' },
	},
	'compose-no-file': { script: 'docker compose up -d' },
	'compose-invalid': {
		script: 'docker compose up -d',
		files: { 'compose.yaml': 'services:\n  web:\n    ports:\n      - "8080:80"\n' },
	},
	'compose-no-service': {
		script: 'docker compose logs nessuno',
		files: { 'compose.yaml': 'services:\n  web:\n    image: nginx\n' },
	},
	'compose-not-running': {
		script: 'docker compose exec web ls',
		files: { 'compose.yaml': 'services:\n  web:\n    image: nginx\n' },
	},
	'invalid-container-port': { script: 'docker run -p 8080:abc nginx' },
	'not-paused': { script: 'docker run -d --name w nginx\ndocker unpause w' },
	'kill-not-running': { script: 'docker run -d --name w nginx\ndocker stop w\ndocker kill w' },
	'curl-timeout': {
		script:
			'docker run -d --name w -p 8080:80 nginx\ndocker pause w\ncurl -m 5 http://localhost:8080',
	},
	'already-paused': { script: 'docker run -d --name w nginx\ndocker pause w\ndocker pause w' },
	'exec-paused': { script: 'docker run -d --name w nginx\ndocker pause w\ndocker exec w ls' },
	'start-paused': { script: 'docker run -d --name w nginx\ndocker pause w\ndocker start w' },
	'remove-paused': { script: 'docker run -d --name w nginx\ndocker pause w\ndocker rm w' },
	'not-connected': {
		script:
			'docker network create rete\ndocker run -d --name w nginx\ndocker network disconnect rete w',
	},
	'dependency-exited': {
		script: 'docker compose up -d',
		files: {
			'compose.yaml':
				'services:\n  db:\n    image: mariadb\n    healthcheck:\n      test: ["CMD", "healthcheck.sh"]\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n',
		},
	},
	'dependency-no-healthcheck': {
		script: 'docker compose up -d',
		files: {
			'compose.yaml':
				'services:\n  db:\n    image: redis\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n',
		},
	},
	'dependency-not-completed': {
		script: 'docker compose up -d',
		files: {
			'compose.yaml':
				'services:\n  init:\n    image: alpine\n    command: sleep 1d\n  web:\n    image: nginx\n    depends_on:\n      init:\n        condition: service_completed_successfully\n',
		},
	},
};

/** The text of a template before its first value. */
const fixedStart = (template: string) => template.split('{')[0]!.split('\n')[0]!;

describe('the message table', () => {
	it('has a trigger for every message and no stale trigger', () => {
		expect(Object.keys(triggers).sort()).toEqual(Object.keys(messages).sort());
	});

	it.each(Object.entries(messages))(
		'%s has its source and an explanation in both languages',
		(_, entry) => {
			expect(entry.source.length).toBeGreaterThan(5);
			const texts = explanations[entry.explanation];
			expect(texts).toBeDefined();
			expect(texts!.it.length).toBeGreaterThan(20);
			expect(texts!.en.length).toBeGreaterThan(20);
		}
	);

	it.each(Object.entries(triggers))(
		'%s appears, followed by its explanation',
		(id, { script, files }) => {
			const results = runScript(script, files ? { files } : {});
			const last = results.at(-1)!;
			const entry = messages[id as MessageId];
			expect(last.output).toContain(fixedStart(entry.template));
			// `docker logs` succeeds in printing a failed container's error.
			if (!script.endsWith('docker logs db')) expect(last.exitCode).not.toBe(0);
			expect(last.explanation?.key).toBe(entry.explanation);
			for (const lang of ['it', 'en'] as const) {
				const line = explain(last.explanation!, lang);
				// Every value the explanation names was filled in.
				expect(line).not.toMatch(/\{\w+\}/);
			}
		}
	);
});

describe('a real Docker command the simulator does not reproduce', () => {
	it.each(['rename', 'cp', 'top', 'stats', 'system'])('docker %s is not called unknown', (name) => {
		const [result] = runScript(`docker ${name} web`);
		expect(result!.output).toBe('');
		expect(result!.exitCode).toBe(1);
		expect(result!.explanation?.key).toBe('not-simulated');
		expect(explain(result!.explanation!, 'it')).toBe(
			`docker ${name} è un comando vero di Docker, ma questo simulatore non lo riproduce: provalo su un Docker installato. Qui funzionano i comandi elencati da docker --help.`
		);
		expect(explain(result!.explanation!, 'en')).toContain(
			`docker ${name} is a real Docker command`
		);
	});

	it('while a misspelt one still is', () => {
		const [result] = runScript('docker renmae web');
		expect(result!.output).toContain('docker: unknown command: docker renmae');
		expect(result!.explanation?.key).toBe('unknown-command');
	});
});

describe('explain', () => {
	it('fills the values in the language asked', () => {
		const explanation = { key: 'port-allocated', params: { port: 8080, next: 8081, target: 80 } };
		expect(explain(explanation, 'it')).toBe(
			"La porta 8080 dell'host è già usata da un altro container: scegline un'altra con -p 8081:80 o ferma quello che la occupa."
		);
		expect(explain(explanation, 'en')).toContain('Port 8080 of the host is already taken');
	});

	it('gives the key back when it is unknown', () => {
		expect(explain({ key: 'nessuna' }, 'en')).toBe('nessuna');
	});
});
