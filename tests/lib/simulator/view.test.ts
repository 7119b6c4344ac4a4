import { describe, expect, test } from 'vitest';
import { replay } from '../../../src/lib/simulator/session';
import { describeHost, hostModel, hostView } from '../../../src/lib/simulator/view';
import type { SvgNode } from '../../../src/lib/compose/svg';

const lecture = [
	'docker network create --subnet 172.20.0.0/16 --gateway 172.20.0.1 retedocker',
	'docker run -d --name c1 --network retedocker alpine sleep 1d',
	'docker run -d --name c2 --network retedocker alpine sleep 1d',
	'docker exec c1 ping -c 1 c2',
];

const texts = (node: SvgNode): string[] => [
	...(node.text ? [node.text] : []),
	...(node.children ?? []).flatMap(texts),
];

describe('hostModel()', () => {
	test('a fresh host has the default bridge only, and nothing else', () => {
		const model = hostModel(replay({}, []).host, 'it');
		expect(model.networks.map((n) => n.name)).toEqual(['bridge']);
		expect(model.services).toEqual([]);
		expect(model.host.ports).toEqual([]);
	});

	test('after the lecture’s networking commands, the containers are on retedocker with their addresses', () => {
		const model = hostModel(replay({}, lecture).host, 'it');
		expect(model.networks.map((n) => n.name)).toEqual(['bridge', 'retedocker']);
		expect(model.networks[1]).toMatchObject({
			subnets: ['172.20.0.0/16'],
			gateways: ['172.20.0.1'],
		});
		expect(model.services.map((s) => [s.name, s.networks])).toEqual([
			['c1', [{ network: 'retedocker', ipv4Address: '172.20.0.2', aliases: [] }]],
			['c2', [{ network: 'retedocker', ipv4Address: '172.20.0.3', aliases: [] }]],
		]);
	});

	test('published ports of running containers, volumes and bind mounts', () => {
		const { host } = replay({}, [
			'docker run -d --name web -p 8080:80 -v dati:/usr/share/nginx/html -v ./sito:/sito:ro nginx',
			'docker run -d --name spento -p 9090:80 nginx',
			'docker stop spento',
		]);
		const model = hostModel(host, 'en');
		expect(model.host.ports).toEqual([
			{
				service: 'web',
				mapping: {
					target: { start: 80, end: 80 },
					published: { start: 8080, end: 8080 },
					protocol: 'tcp',
				},
			},
		]);
		expect(model.volumes.map((v) => v.name)).toEqual(['dati']);
		const web = model.services.find((s) => s.name === 'web');
		expect(web?.mounts).toEqual([
			{ kind: 'named', source: 'dati', target: '/usr/share/nginx/html', readOnly: false },
			{ kind: 'bind', source: '/home/studente/progetto/sito', target: '/sito', readOnly: true },
		]);
		expect(model.services.find((s) => s.name === 'spento')?.image).toBe('nginx (stopped)');
	});

	test('a container on the host’s network shares it, without a bus', () => {
		const model = hostModel(replay({}, ['docker run -d --name h --network host nginx']).host, 'it');
		expect(model.networks.map((n) => n.name)).toEqual(['bridge']);
		expect(model.host.sharedBy).toEqual(['h']);
	});
});

describe('hostView()', () => {
	test('draws the network and the containers, with their names and addresses as text', () => {
		const view = hostView(replay({}, lecture).host, { lang: 'it', title: 'Host', idPrefix: 't' });
		const words = texts(view.diagram!);
		for (const word of ['retedocker', 'c1', 'c2', '172.20.0.2', '172.20.0.3'])
			expect(words).toContain(word);
	});
});

describe('describeHost()', () => {
	test('a fresh host: no container, and the default bridge with nothing on it', () => {
		expect(describeHost(replay({}, []).host, 'it')).toEqual([
			"Sull'host ci sono 0 container, 0 immagini e 0 volumi con nome.",
			'La rete bridge (bridge, sottorete 172.17.0.0/16, gateway 172.17.0.1): nessun container vi è collegato.',
		]);
	});

	test('says where each container is, in Italian and English', () => {
		const { host } = replay({}, [
			...lecture,
			'docker run -d --name web -p 8080:80 --network retedocker nginx',
		]);
		const it = describeHost(host, 'it');
		expect(it).toContain(
			"Il container web (nginx, in esecuzione) è sulla rete retedocker con indirizzo 172.20.0.4; la porta 8080 dell'host porta alla sua porta 80."
		);
		expect(it).toContain(
			'La rete retedocker (bridge, sottorete 172.20.0.0/16, gateway 172.20.0.1): vi sono collegati c1, c2 e web.'
		);
		const en = describeHost(host, 'en');
		expect(en).toContain(
			'Container c1 (alpine, running) is on network retedocker with address 172.20.0.2.'
		);
	});
});
