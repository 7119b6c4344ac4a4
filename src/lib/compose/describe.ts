/**
 * The topology in plain sentences, for screen readers and as the diagram's `<desc>`: the same
 * facts as the drawing, one sentence per service, network and volume.
 */
import type { Locale } from '../i18n/locale.ts';
import { diagramLabels } from './labels.ts';
import type { Dependency, NetworkNode, ServiceNode, TopologyModel } from './model.ts';
import { formatMapping } from './ports.ts';

/** Describes the topology in the given language, one sentence per string. */
export function describeTopology(model: TopologyModel, lang: Locale): string[] {
	const list = (items: string[]) => joinList(items, lang);
	const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	const summary =
		lang === 'it'
			? `Il file definisce ${list([
					count(model.services.length, 'servizio', 'servizi'),
					count(model.networks.length, 'rete', 'reti'),
					count(model.volumes.length, 'volume con nome', 'volumi con nome'),
				])}.`
			: `The file defines ${list([
					count(model.services.length, 'service', 'services'),
					count(model.networks.length, 'network', 'networks'),
					count(model.volumes.length, 'named volume', 'named volumes'),
				])}.`;
	return [
		summary,
		...model.services.map((service) => describeService(service, lang, list)),
		...model.networks.map((network) => describeNetwork(network, lang)),
		...model.volumes.map((volume) =>
			lang === 'it'
				? `Il volume ${volume.name} ${volume.external ? 'esiste già fuori da Compose (external)' : 'è creato e gestito da Docker'}.`
				: `Volume ${volume.name} ${volume.external ? 'already exists outside Compose (external)' : 'is created and managed by Docker'}.`
		),
	];
}

function describeService(
	service: ServiceNode,
	lang: Locale,
	list: (items: string[]) => string
): string {
	const it = lang === 'it';
	const random = diagramLabels[lang].randomPort;
	const clauses: string[] = [];
	// The model leaves out a count of one: the number is never 1 here.
	if (service.replicas !== undefined)
		clauses.push(it ? `ha ${service.replicas} repliche` : `has ${service.replicas} replicas`);
	if (service.build !== undefined)
		clauses.push(
			it
				? `è costruito da ${service.build}${service.image ? ` come ${service.image}` : ''}`
				: `is built from ${service.build}${service.image ? ` as ${service.image}` : ''}`
		);
	else if (service.image !== undefined)
		clauses.push(it ? `usa l'immagine ${service.image}` : `runs image ${service.image}`);
	if (service.networkMode === 'host')
		clauses.push(
			it
				? "usa direttamente la rete dell'host, senza bisogno di pubblicare porte"
				: "uses the host's network directly, with no ports to publish"
		);
	else if (service.ports.length) {
		const ports = list(service.ports.map((mapping) => formatMapping(mapping, random)));
		clauses.push(it ? `pubblica ${ports}` : `publishes ${ports}`);
	}
	const mode = service.networkMode;
	if (mode?.startsWith('service:')) {
		const other = mode.slice('service:'.length);
		clauses.push(
			it
				? `condivide la rete del servizio ${other}, con i suoi indirizzi e le sue porte (network_mode: ${mode})`
				: `shares the network of service ${other}, its addresses and its ports (network_mode: ${mode})`
		);
	} else if (mode === 'none')
		clauses.push(it ? 'non ha rete (network_mode: none)' : 'has no network (network_mode: none)');
	else if (mode !== undefined && mode !== 'host') clauses.push(`network_mode: ${mode}`);
	if (service.networks.length) {
		const joined = service.networks.map((link) => {
			const address = [link.ipv4Address, link.ipv6Address].filter(Boolean).join(', ');
			const at = address ? (it ? ` all'indirizzo ${address}` : ` at ${address}`) : '';
			return `${it ? 'a ' : ''}${link.network}${at}`;
		});
		clauses.push(it ? `si collega ${list(joined)}` : `joins ${list(joined)}`);
	}
	if (service.mounts.length) {
		const mounts = service.mounts.map((mount) => {
			const readOnly = mount.readOnly ? (it ? ' in sola lettura' : ' read-only') : '';
			const where = it ? `in ${mount.target}` : `at ${mount.target}`;
			const what = {
				named: it ? `il volume ${mount.source ?? ''}` : `volume ${mount.source ?? ''}`,
				bind: it
					? `il percorso dell'host ${mount.source ?? ''}`
					: `host path ${mount.source ?? ''}`,
				anonymous: it ? 'un volume anonimo' : 'an anonymous volume',
				tmpfs: it ? 'un tmpfs (in memoria)' : 'a tmpfs (in memory)',
			}[mount.kind];
			return `${what} ${where}${readOnly}`;
		});
		clauses.push(it ? `monta ${list(mounts)}` : `mounts ${list(mounts)}`);
	}
	if (service.dependsOn.length) {
		const waits = service.dependsOn.map((dependency) => describeDependency(dependency, it));
		clauses.push(it ? `parte dopo ${list(waits)}` : `starts after ${list(waits)}`);
	}
	return `${service.name} ${clauses.join(', ') || (it ? 'non ha altre impostazioni' : 'has no other settings')}.`;
}

function describeDependency({ service, condition }: Dependency, it: boolean): string {
	if (condition === 'service_healthy')
		return it ? `${service} (quando è healthy)` : `${service} (once healthy)`;
	if (condition === 'service_completed_successfully')
		return it
			? `${service} (quando ha finito con successo)`
			: `${service} (once it completed successfully)`;
	return service;
}

function describeNetwork(network: NetworkNode, lang: Locale): string {
	const it = lang === 'it';
	const facts = [
		network.driver
			? it
				? `usa il driver ${network.driver}`
				: `uses the ${network.driver} driver`
			: network.external
				? ''
				: it
					? 'usa il driver bridge'
					: 'uses the bridge driver',
		network.subnets.length
			? it
				? `ha la sottorete ${network.subnets.join(', ')}`
				: `has subnet ${network.subnets.join(', ')}`
			: '',
		network.internal
			? it
				? "è interna (senza accesso all'esterno)"
				: 'is internal (no access to the outside)'
			: '',
		network.external
			? it
				? 'esiste già fuori da Compose (external)'
				: 'already exists outside Compose (external)'
			: '',
		network.implicit
			? it
				? 'è creata da Compose per i servizi che non indicano una rete'
				: 'is created by Compose for the services that name no network'
			: '',
	].filter(Boolean);
	const list = joinList(facts, lang);
	return it ? `La rete ${network.name} ${list}.` : `Network ${network.name} ${list}.`;
}

// Made once per language: making a formatter costs far more than using it.
const listFormats = new Map<Locale, Intl.ListFormat>();

/** «a, b e c» / "a, b and c"; Italian writes «ed» before a word starting with e or è. */
function joinList(items: string[], lang: Locale): string {
	let format = listFormats.get(lang);
	if (!format) listFormats.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
	const joined = format.format(items);
	return lang === 'it' ? joined.replace(/ e (?=[eè])/g, ' ed ') : joined;
}
