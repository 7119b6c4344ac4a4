/**
 * The topology a Compose file describes, in one plain shape whatever syntax the file used: which
 * services exist, what they publish on the host, which networks they join (with their addresses)
 * and what they mount. The diagram, the text description and the island all read this.
 */
import type { Path } from './finding.ts';
import { parseMount, type Mount } from './mounts.ts';
import { formatRange, parsePort, type PortMapping } from './ports.ts';
import { literalNumber, valueAt } from './quantities.ts';
import type { ComposeFile, Network, Service, Volume } from './schema.ts';

/** How a service joins a network. */
export interface NetworkLink {
	network: string;
	ipv4Address?: string;
	ipv6Address?: string;
	aliases: string[];
}

/** A service this one waits for, and what it waits for. */
export interface Dependency {
	service: string;
	condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
}

/** A service of the file. */
export interface ServiceNode {
	name: string;
	image?: string;
	/** The build context (`./app`), when the image is built. */
	build?: string;
	/** Ports the container listens on, from `ports` and `expose`: `80`, `53/udp`. */
	containerPorts: string[];
	/** Entries of `ports` (ignored by Docker when `networkMode` is `host`). */
	ports: PortMapping[];
	/** The networks joined: the implicit `default` one when the file names none. */
	networks: NetworkLink[];
	mounts: Mount[];
	dependsOn: Dependency[];
	/** `host`, `none`, `service:…`, …, when set instead of networks. */
	networkMode?: string;
	/** How many containers Compose runs (`deploy.replicas`, or `scale`), when it is not one. */
	replicas?: number;
}

/** A network, declared or the implicit `default` one. */
export interface NetworkNode {
	name: string;
	/** The driver as declared; Docker uses `bridge` when none is given. */
	driver?: string;
	/** Subnets of `ipam.config`, as written. */
	subnets: string[];
	gateways: string[];
	/** Made outside this file: Compose only connects to it. */
	external: boolean;
	/** No route to the outside world. */
	internal: boolean;
	/** Not in the file: Compose creates it for services that name no network. */
	implicit: boolean;
}

/** A named volume declared at the top level. */
export interface VolumeNode {
	name: string;
	driver?: string;
	external: boolean;
}

/** A port of the host published to a service. */
export interface HostPort {
	service: string;
	mapping: PortMapping;
}

/** Everything the diagram draws. */
export interface TopologyModel {
	services: ServiceNode[];
	networks: NetworkNode[];
	volumes: VolumeNode[];
	host: {
		/** Ports published on the host (not those of services on the host's network). */
		ports: HostPort[];
		/** Services with `network_mode: host`, which share the host's network. */
		sharedBy: string[];
	};
}

/** A network link and where it is written, relative to the service. */
export interface LocatedLink {
	link: NetworkLink;
	path: Path;
}
/** A dependency and where it is written, relative to the service. */
export interface LocatedDependency {
	dependency: Dependency;
	path: Path;
}

/** The networks a service names, in whichever form `networks` was written. */
export function serviceNetworks(service: Service): LocatedLink[] {
	const { networks } = service;
	if (!networks) return [];
	if (Array.isArray(networks))
		return networks.map((network, i) => ({
			link: { network, aliases: [] },
			path: ['networks', i],
		}));
	return Object.entries(networks).map(([network, settings]) => ({
		link: {
			network,
			...(settings?.ipv4_address !== undefined && { ipv4Address: settings.ipv4_address }),
			...(settings?.ipv6_address !== undefined && { ipv6Address: settings.ipv6_address }),
			aliases: settings?.aliases ?? [],
		},
		path: ['networks', network],
	}));
}

/** The services a service depends on, in whichever form `depends_on` was written. */
export function serviceDependencies(service: Service): LocatedDependency[] {
	const dependsOn = service.depends_on;
	if (!dependsOn) return [];
	if (Array.isArray(dependsOn))
		return dependsOn.map((name, i) => ({
			dependency: { service: name, condition: 'service_started' },
			path: ['depends_on', i],
		}));
	return Object.entries(dependsOn).map(([name, entry]) => ({
		dependency: { service: name, condition: entry.condition },
		path: ['depends_on', name],
	}));
}

/** Whether `external` says the resource exists outside the file (`true`, `"true"` or `{ name }`). */
export function isExternal(external: unknown): boolean {
	return external === true || external === 'true' || (typeof external === 'object' && !!external);
}

/** Builds the topology of a validated file. */
export function buildModel(file: ComposeFile): TopologyModel {
	const services = Object.entries(file.services ?? {}).map(([name, s]) => serviceNode(name, s));
	const networks = Object.entries(file.networks ?? {}).map(([name, n]) => networkNode(name, n));
	const joinsDefault = services.some((s) => s.networks.some((l) => l.network === 'default'));
	if (joinsDefault && !networks.some((n) => n.name === 'default'))
		networks.unshift({ ...networkNode('default', null), driver: 'bridge', implicit: true });
	const onHost = (service: ServiceNode) => service.networkMode === 'host';
	return {
		services,
		networks,
		volumes: Object.entries(file.volumes ?? {}).map(([name, v]) => volumeNode(name, v)),
		host: {
			ports: services
				.filter((service) => !onHost(service))
				.flatMap((service) => service.ports.map((mapping) => ({ service: service.name, mapping }))),
			sharedBy: services.filter(onHost).map((service) => service.name),
		},
	};
}

function serviceNode(name: string, service: Service): ServiceNode {
	const ports = (service.ports ?? []).flatMap((entry) => {
		const parsed = parsePort(entry);
		return parsed.ok && parsed.mapping ? [parsed.mapping] : [];
	});
	const targets = ports.map(({ target, protocol }) =>
		protocol === 'tcp' ? formatRange(target) : `${formatRange(target)}/${protocol}`
	);
	const declared = serviceNetworks(service).map((entry) => entry.link);
	const build = typeof service.build === 'string' ? service.build : service.build?.context;
	// `scale` is the older key for `deploy.replicas`; two different counts are an error (checks).
	const replicas =
		literalNumber(service.scale) ?? literalNumber(valueAt(service.deploy, ['replicas']));
	return {
		name,
		...(service.image !== undefined && { image: service.image }),
		...(service.build !== undefined && { build: build ?? '.' }),
		containerPorts: [...new Set([...targets, ...(service.expose ?? []).map(String)])],
		ports,
		// A provider service is no container: Compose puts it on no network, the default neither.
		networks:
			declared.length || service.network_mode !== undefined || service.provider !== undefined
				? declared
				: [{ network: 'default', aliases: [] }],
		mounts: (service.volumes ?? []).flatMap((entry) => {
			const parsed = parseMount(entry);
			return parsed.ok && parsed.mount ? [parsed.mount] : [];
		}),
		dependsOn: serviceDependencies(service).map((entry) => entry.dependency),
		...(service.network_mode !== undefined && { networkMode: service.network_mode }),
		...(replicas !== undefined && replicas !== 1 && Number.isInteger(replicas) && { replicas }),
	};
}

function networkNode(name: string, network: Network): NetworkNode {
	const config = network?.ipam?.config ?? [];
	return {
		name,
		...(network?.driver !== undefined && { driver: network.driver }),
		subnets: config.flatMap((block) => (block.subnet === undefined ? [] : [block.subnet])),
		gateways: config.flatMap((block) => (block.gateway === undefined ? [] : [block.gateway])),
		external: isExternal(network?.external),
		internal: network?.internal === true || network?.internal === 'true',
		implicit: false,
	};
}

function volumeNode(name: string, volume: Volume): VolumeNode {
	return {
		name,
		...(volume?.driver !== undefined && { driver: volume.driver }),
		external: isExternal(volume?.external),
	};
}
