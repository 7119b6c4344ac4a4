import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { describeTopology } from '../../../src/lib/compose/describe';
import { lectureExample } from '../../../src/lib/compose/examples';
import { buildModel } from '../../../src/lib/compose/model';
import type { ComposeFile } from '../../../src/lib/compose/schema';

const lecture = buildModel(parse(lectureExample.source) as ComposeFile);

describe('describeTopology()', () => {
	test('says in English what each service publishes, joins and mounts', () => {
		expect(describeTopology(lecture, 'en')).toEqual([
			'The file defines 2 services, 2 networks, and 1 named volume.',
			'app is built from ./app as custom_image, publishes 8080 → 80, joins ext at 192.168.100.100 and int, mounts host path ./config/config.json at /etc/config.json.',
			'db runs image mariadb, joins int, mounts volume db-content at /var/lib/mysql.',
			'Network ext uses the bridge driver and has subnet 192.168.100/24.',
			'Network int uses the bridge driver.',
			'Volume db-content is created and managed by Docker.',
		]);
	});

	test('says the same in Italian', () => {
		expect(describeTopology(lecture, 'it')).toEqual([
			'Il file definisce 2 servizi, 2 reti e 1 volume con nome.',
			"app è costruito da ./app come custom_image, pubblica 8080 → 80, si collega a ext all'indirizzo 192.168.100.100 e a int, monta il percorso dell'host ./config/config.json in /etc/config.json.",
			"db usa l'immagine mariadb, si collega a int, monta il volume db-content in /var/lib/mysql.",
			'La rete ext usa il driver bridge e ha la sottorete 192.168.100/24.',
			'La rete int usa il driver bridge.',
			'Il volume db-content è creato e gestito da Docker.',
		]);
	});

	test('mentions the host network, dependencies, external and implicit resources', () => {
		const model = buildModel({
			services: {
				agent: { image: 'x', network_mode: 'host' },
				web: {
					image: 'nginx',
					depends_on: { db: { condition: 'service_healthy' } },
					volumes: ['/cache', { type: 'tmpfs', target: '/run' }],
				},
				db: { image: 'postgres', networks: ['proxy'], volumes: ['old:/data:ro'] },
			},
			networks: { proxy: { external: true } },
			volumes: { old: { external: true } },
		});
		const text = describeTopology(model, 'en').join('\n');
		expect(text).toContain("agent runs image x, uses the host's network directly");
		expect(text).toContain('starts after db (once healthy)');
		expect(text).toContain('mounts an anonymous volume at /cache and a tmpfs (in memory) at /run');
		expect(text).toContain('volume old at /data read-only');
		expect(text).toContain('Network proxy already exists outside Compose (external).');
		expect(text).toContain('Network default uses the bridge driver and is created by Compose');
		expect(text).toContain('Volume old already exists outside Compose (external).');
		expect(describeTopology(model, 'it').join('\n')).toContain('parte dopo db (quando è healthy)');
	});

	test('says whose network a service uses with network_mode: service, and when it has none', () => {
		const model = buildModel({
			services: {
				vpn: { image: 'gluetun' },
				client: { image: 'qbittorrent', network_mode: 'service:vpn' },
				offline: { image: 'alpine', network_mode: 'none' },
			},
		});
		const [, , client, offline] = describeTopology(model, 'it');
		expect(client).toBe(
			"client usa l'immagine qbittorrent, condivide la rete del servizio vpn, con i suoi indirizzi e le sue porte (network_mode: service:vpn)."
		);
		expect(offline).toBe("offline usa l'immagine alpine, non ha rete (network_mode: none).");
		expect(describeTopology(model, 'en')[2]).toBe(
			'client runs image qbittorrent, shares the network of service vpn, its addresses and its ports (network_mode: service:vpn).'
		);
	});
});
