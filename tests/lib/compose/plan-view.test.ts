import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeCompose } from '../../../src/lib/compose/analyze';
import { examples, lectureExample } from '../../../src/lib/compose/examples';
import {
	maxReachLines,
	planFor,
	planView,
	type PlanView,
} from '../../../src/lib/compose/plan-view';
import { translator } from '../../../src/lib/i18n/strings';
import { planComposeUp } from '../../../src/lib/simulator';
import english from '../../../src/content/i18n/en.json';
import italian from '../../../src/content/i18n/it.json';

const t = { it: translator(italian), en: translator(english) };
const courseFile = readFileSync(
	join(process.cwd(), 'src/content/labs/compose-esempio/compose.yaml'),
	'utf8'
);

/** The plan of a text in sentences, failing the test if there is none. */
function planOf(text: string, lang: 'it' | 'en' = 'it'): Extract<PlanView, { kind: 'plan' }> {
	const view = planView(planComposeUp(text), t[lang], lang);
	if (view.kind !== 'plan') throw new Error(`no plan: ${view.text}`);
	return view;
}

const healthy = `services:
  app:
    image: nginx
    depends_on:
      db:
        condition: service_healthy
      migrate:
        condition: service_completed_successfully
    networks: [front, backend]
    ports:
      - "127.0.0.1:8080:80"
      - "5353:53/udp"
  migrate:
    image: busybox
    networks: [backend]
  db:
    image: mariadb
    healthcheck:
      test: ["CMD", "healthcheck.sh", "--connect"]
    networks:
      backend:
        aliases: [database]
networks:
  front:
  backend:
    internal: true
volumes:
  shared:
    external: true
`;

describe('planView()', () => {
	test('the course example: networks and volume first, then the services, in Italian', () => {
		const view = planOf(courseFile);
		expect(view.project).toBe(
			'Progetto compose-esempio: è il prefisso dei nomi di reti, volumi e container.'
		);
		expect(view.steps).toEqual([
			'Rete compose-esempio_ext creata',
			'Rete compose-esempio_int creata',
			'Volume compose-esempio_db-content creato',
			'app avviato (container compose-esempio-app-1)',
			'db avviato (container compose-esempio-db-1)',
		]);
		expect(view.reach).toEqual([
			{
				heading: 'Sulla rete int (compose-esempio_int)',
				lines: [
					'app raggiunge db come db o compose-esempio-db-1',
					'db raggiunge app come app o compose-esempio-app-1',
				],
			},
		]);
		expect(view.ports).toEqual([
			'http://localhost:8080 → app, porta 80',
			"db non pubblica porte: dall'host non si raggiunge",
		]);
	});

	test('the lecture’s example, once its subnet is written in full, in English', () => {
		const view = planOf(lectureExample.source.replace('192.168.100/24', '192.168.100.0/24'), 'en');
		expect(view.steps).toEqual([
			'Network progetto_ext created',
			'Network progetto_int created',
			'Volume progetto_db-content created',
			'app started (container progetto-app-1)',
			'db started (container progetto-db-1)',
		]);
		expect(view.reach[0]?.heading).toBe('On network int (progetto_int)');
		expect(view.ports).toEqual([
			'http://localhost:8080 → app, port 80',
			'db publishes no ports: the host cannot reach it',
		]);
	});

	test('the lecture’s example as written has an error: one line says the plan needs a valid file', () => {
		expect(planView(planComposeUp(lectureExample.source), t.it, 'it')).toEqual({
			kind: 'note',
			text: 'Il piano ha bisogno di un file valido: correggi gli errori tra i problemi trovati.',
		});
		expect(planView(planComposeUp('services: [\n'), t.en, 'en')).toEqual({
			kind: 'note',
			text: 'The plan needs a valid file: fix the errors among the problems found.',
		});
	});

	test('a service waits for a healthy and a finished one; internal and external are said', () => {
		const it = planOf(healthy);
		expect(it.steps).toEqual([
			'Rete progetto_front creata',
			"Rete progetto_backend creata, interna: i suoi container non raggiungono l'esterno né l'host",
			'Volume shared esterno: Compose non lo crea, deve già esistere',
			'db avviato (container progetto-db-1)',
			'migrate avviato (container progetto-migrate-1)',
			'app aspetta che db sia in salute (healthcheck) e che migrate finisca con successo, poi parte (container progetto-app-1)',
		]);
		const backend = it.reach.find((group) => group.heading.includes('backend'));
		expect(backend?.heading).toBe('Sulla rete backend (progetto_backend, interna)');
		expect(backend?.lines).toContain('app raggiunge db come db, database o progetto-db-1');
		expect(it.reach.some((group) => group.heading.includes('front'))).toBe(false);
		expect(it.ports).toEqual([
			'http://127.0.0.1:8080 → app, porta 80',
			'localhost:5353/udp → app, porta 53/udp',
			"db non pubblica porte: dall'host non si raggiunge",
			"migrate non pubblica porte: dall'host non si raggiunge",
		]);

		const en = planOf(healthy, 'en');
		expect(en.steps.at(-1)).toBe(
			'app waits until db is healthy (healthcheck) and migrate has completed successfully, then starts (container progetto-app-1)'
		);
		expect(en.steps[2]).toBe(
			'Volume shared is external: Compose does not create it, it must already exist'
		);
	});

	test('a service that only starts after another, and an external network', () => {
		const view = planOf(`services:
  web:
    image: nginx
    depends_on: [api]
    networks: [edge]
  api:
    image: node
    networks: [edge]
networks:
  edge:
    external: true
`);
		expect(view.steps).toEqual([
			'Rete edge esterna: Compose non la crea, deve già esistere',
			'api avviato (container progetto-api-1)',
			'web aspetta che api sia avviato, poi parte (container progetto-web-1)',
		]);
	});

	test('services on no common network reach nobody by name', () => {
		const view = planOf(`services:
  a:
    image: nginx
    networks: [one]
  b:
    image: nginx
    networks: [two]
networks:
  one:
  two:
`);
		expect(view.reach).toEqual([]);
		expect(view.reachNone).toBe(
			'Nessun servizio ne raggiunge un altro per nome: non condividono nessuna rete.'
		);
	});

	test('many services on one network are listed together, not pair by pair', () => {
		const services = Array.from({ length: 12 }, (_, i) => `  s${i}:\n    image: nginx\n`).join('');
		const view = planOf(`services:\n${services}`, 'en');
		expect(12 * 11).toBeGreaterThan(maxReachLines);
		expect(view.reach).toHaveLength(1);
		expect(view.reach[0]?.lines).toHaveLength(1);
		expect(view.reach[0]?.lines[0]).toMatch(
			/^The 12 services s0, s1, .* and s11 reach one another/
		);
	});

	test('a plan not worked out says why, and no plan yet says it is loading', () => {
		expect(planView({ skipped: 'too-large' }, t.it, 'it')).toEqual({
			kind: 'note',
			text: 'Il file è troppo grande per mostrarne il piano: prova con una parte dei servizi.',
		});
		expect(planView({ skipped: 'on-page' }, t.en, 'en').kind).toBe('note');
		expect(planView(undefined, t.it, 'it')).toEqual({
			kind: 'note',
			text: "Caricamento dell'analisi…",
		});
	});
});

describe('planFor()', () => {
	const plan = (text: string) => {
		const analysis = analyzeCompose(text, { lang: 'it' });
		return planFor(text, analysis, planComposeUp);
	};

	test('plans a file that is drawn, and gives the errors of one that has them', () => {
		expect('steps' in plan(courseFile)).toBe(true);
		expect('errors' in plan(lectureExample.source)).toBe(true);
	});

	test('adds what the model says of the host: its own network, and ports Docker picks', () => {
		const text = examples
			.find((example) => example.id === 'host-network')!
			.source.replace('"3000:3000"', '"3000"');
		const view = planView(plan(text), t.it, 'it');
		expect(view.kind === 'plan' && view.ports).toEqual([
			"dashboard, porta 3000 → una porta dell'host scelta da Docker (te la dice docker compose port dashboard 3000)",
			"monitor usa la rete dell'host: le sue porte sono già quelle dell'host, senza pubblicarle",
		]);
	});

	test('many pairs travel as one per service and network, and are listed together', () => {
		const services = Array.from({ length: 30 }, (_, i) => `  s${i}:\n    image: nginx\n`).join('');
		const planned = plan(`services:\n${services}`);
		expect('crowded' in planned && planned.crowded).toBe(true);
		expect('reach' in planned && planned.reach).toHaveLength(30);
		const view = planView(planned, t.en, 'en');
		expect(view.kind === 'plan' && view.reach[0]?.lines[0]).toMatch(/^The 30 services s0, s1/);
	});

	test('does not plan a file too large to draw', () => {
		expect(planFor('services: {}', { findings: [] }, planComposeUp)).toEqual({
			skipped: 'too-large',
		});
	});
});
