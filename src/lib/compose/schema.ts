/**
 * The Compose Specification, as far as the diagram and the checks need it. Fields we draw or check
 * are typed; every other key the specification defines is accepted as it is; `x-` extensions are
 * allowed at every level; anything else is an `unknown-key` issue with a "did you mean".
 */
import { z } from 'zod';
import type { Localized } from '../i18n/locale.ts';
import { closest } from './suggest.ts';

/** Whether a value is a mapping (a plain object), not a list nor a scalar. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `params` of the issue raised for a key the specification does not have. */
export interface UnknownKeyParams {
	rule: 'unknown-key';
	key: string;
	suggestion: string | undefined;
}

/**
 * An object of the specification: `shape` holds the keys we type, `accepted` the keys of the
 * specification we let through untouched; any other key but an `x-` extension is an issue.
 */
function specObject<Shape extends z.core.$ZodLooseShape>(
	shape: Shape,
	accepted: readonly string[] = []
) {
	const known = new Set([...Object.keys(shape), ...accepted]);
	return z.looseObject(shape).superRefine(
		(value, ctx) => {
			for (const key of Object.keys(value)) {
				if (known.has(key) || key.startsWith('x-')) continue;
				const params: UnknownKeyParams = {
					rule: 'unknown-key',
					key,
					suggestion: closest(key, known),
				};
				ctx.addIssue({ code: 'custom', path: [key], message: `unknown key ${key}`, params });
			}
		},
		// Report misspelt keys even when a sibling has the wrong type.
		{ when: (payload) => isRecord(payload.value) }
	);
}

/** A string that must match a pattern; `expected` says in both languages what would. */
const matching = (pattern: RegExp, expected: Localized<string>) =>
	z.string().refine((value) => pattern.test(value), { params: { expected } });

/** A boolean, or a string for `${VARIABLE}` interpolation, as the specification allows. */
const flag = () => z.union([z.boolean(), z.string()]);
/** A number, or a string such as `"8080"`, `"1g"` or `${PORT}`. */
const numberOrString = () => z.union([z.number(), z.string()]);
const listOfStrings = () => z.array(z.string());
/** `KEY=VALUE` lines or a `KEY: value` map, as for `environment` and `labels`. */
const listOrDict = () =>
	z.union([
		listOfStrings(),
		z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
	]);
/** Driver options: a map of strings or numbers. */
const driverOpts = () => z.record(z.string(), numberOrString());
/** `external: true`, or the legacy `external: { name: … }`. */
const external = () => z.union([flag(), specObject({ name: z.string().optional() })]);

/** Keys of a service that the specification defines and the diagram does not use. */
export const otherServiceKeys = [
	'annotations',
	'attach',
	'blkio_config',
	'cap_add',
	'cap_drop',
	'cgroup',
	'cgroup_parent',
	'configs',
	'cpu_count',
	'cpu_percent',
	'cpu_period',
	'cpu_quota',
	'cpu_rt_period',
	'cpu_rt_runtime',
	'cpu_shares',
	'cpus',
	'cpuset',
	'credential_spec',
	'deploy',
	'develop',
	'device_cgroup_rules',
	'devices',
	'dns',
	'dns_opt',
	'dns_search',
	'domainname',
	'entrypoint',
	'env_file',
	'external_links',
	'extra_hosts',
	'gpus',
	'group_add',
	'init',
	'ipc',
	'isolation',
	'label_file',
	'labels',
	'logging',
	'mac_address',
	'mem_limit',
	'mem_reservation',
	'mem_swappiness',
	'memswap_limit',
	'models',
	'oom_kill_disable',
	'oom_score_adj',
	'pid',
	'pids_limit',
	'platform',
	'post_start',
	'pre_stop',
	'privileged',
	'provider',
	'pull_policy',
	'pull_refresh_after',
	'read_only',
	'runtime',
	'scale',
	'secrets',
	'security_opt',
	'shm_size',
	'stdin_open',
	'stop_grace_period',
	'stop_signal',
	'storage_opt',
	'sysctls',
	'tmpfs',
	'tty',
	'ulimits',
	'use_api_socket',
	'user',
	'userns_mode',
	'uts',
	'volumes_from',
	'working_dir',
] as const;

/** The detailed form of `build`. */
export const BuildSchema = () =>
	specObject(
		{
			/** The folder (or Git URL) sent to the builder. */
			context: z.string().optional(),
			/** The Dockerfile to use, relative to the context. */
			dockerfile: z.string().optional(),
			/** Build arguments (`ARG` in the Dockerfile). */
			args: listOrDict().optional(),
			/** The stage of a multi-stage Dockerfile to build. */
			target: z.string().optional(),
		},
		[
			'additional_contexts',
			'cache_from',
			'cache_to',
			'dockerfile_inline',
			'entitlements',
			'extra_hosts',
			'isolation',
			'labels',
			'network',
			'no_cache',
			'platforms',
			'privileged',
			'pull',
			'secrets',
			'shm_size',
			'ssh',
			'tags',
			'ulimits',
		]
	);

/** The long syntax of a published port. */
export const PortSchema = () =>
	specObject({
		/** The port inside the container (a number or a range such as `"8080-8081"`). */
		target: numberOrString(),
		/** The port on the host, or a range; without it Docker picks a free one. */
		published: numberOrString().optional(),
		/** The host address to listen on; all addresses when absent. */
		host_ip: z.string().optional(),
		/** `tcp` (the default), `udp` or `sctp`. */
		protocol: z.string().optional(),
		/** `host` publishes on each node, `ingress` load-balances (Swarm). */
		mode: z.string().optional(),
		/** A name for the mapping, for people. */
		name: z.string().optional(),
		/** The application protocol (`http`, `https`, …), for tools. */
		app_protocol: z.string().optional(),
	});
export type PortLong = z.output<ReturnType<typeof PortSchema>>;

/** The long syntax of a mount. */
export const MountSchema = () =>
	specObject({
		/** What is mounted: a named `volume`, a `bind` mount of a host path, a `tmpfs`, … */
		type: z.enum(['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image']),
		/** The volume name or the host path; none for tmpfs and anonymous volumes. */
		source: z.string().optional(),
		/** Where the mount appears inside the container (an absolute path). */
		target: z.string().optional(),
		/** Mounts read-only. */
		read_only: flag().optional(),
		/** Options of a bind mount. */
		bind: specObject({
			/** Mount propagation: `shared`, `slave`, `private`, `rshared`, `rslave`, `rprivate`. */
			propagation: z.string().optional(),
			/** Creates the host path when missing. */
			create_host_path: flag().optional(),
			/** Whether sub-mounts are mounted too. */
			recursive: z.enum(['enabled', 'disabled', 'writable', 'readonly']).optional(),
			/** SELinux relabelling: `z` shared, `Z` private. */
			selinux: z.enum(['z', 'Z']).optional(),
		}).optional(),
		/** Options of a volume mount. */
		volume: specObject({
			/** Labels of the volume created for this mount. */
			labels: listOrDict().optional(),
			/** Does not copy the image's files into a new volume. */
			nocopy: flag().optional(),
			/** A path inside the volume to mount instead of its root. */
			subpath: z.string().optional(),
		}).optional(),
		/** Options of a tmpfs mount. */
		tmpfs: specObject({
			/** Size in bytes, or with a unit (`64m`). */
			size: numberOrString().optional(),
			/** File mode, in octal. */
			mode: numberOrString().optional(),
		}).optional(),
		/** Consistency requirements (Docker Desktop on macOS). */
		consistency: z.string().optional(),
		/** Options of an image mount. */
		image: specObject({
			/** A path inside the image to mount instead of its root. */
			subpath: z.string().optional(),
		}).optional(),
	});
export type MountLong = z.output<ReturnType<typeof MountSchema>>;

/** How a service joins one network, in the map form of `networks`. */
export const ServiceNetworkSchema = () =>
	specObject(
		{
			/** Other host names of the service on this network. */
			aliases: listOfStrings().optional(),
			/** A fixed IPv4 address; the network needs a subnet in `ipam.config`. */
			ipv4_address: z.string().optional(),
			/** A fixed IPv6 address; the network needs an IPv6 subnet. */
			ipv6_address: z.string().optional(),
			/** The order in which Docker connects the networks (higher first). */
			priority: z.number().optional(),
		},
		['driver_opts', 'gw_priority', 'interface_name', 'link_local_ips', 'mac_address']
	);

/** One entry of the map form of `depends_on`. */
export const DependencySchema = () =>
	specObject({
		/** What to wait for before starting the dependent service. */
		condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']),
		/** Restarts the dependent service when this one is updated. */
		restart: flag().optional(),
		/** `false` lets the dependent service start when this one is missing or fails. */
		required: z.boolean().optional(),
	});

/** How Docker tells whether the container is healthy. */
export const HealthcheckSchema = () =>
	specObject({
		/** The command: a string, or a list starting with `CMD`, `CMD-SHELL` or `NONE`. */
		test: z.union([z.string(), listOfStrings()]).optional(),
		/** Time between checks (`30s`). */
		interval: z.string().optional(),
		/** Time after which one check counts as failed. */
		timeout: z.string().optional(),
		/** Failed checks in a row before the container is unhealthy. */
		retries: numberOrString().optional(),
		/** Time the container gets to start before failures count. */
		start_period: z.string().optional(),
		/** Time between checks during the start period. */
		start_interval: z.string().optional(),
		/** Turns off the image's healthcheck. */
		disable: flag().optional(),
	});

const restartPolicy = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$|\$/;

/** A service: one container (or several replicas) built from the same configuration. */
export const ServiceSchema = () =>
	specObject(
		{
			/** The image to run, or the name given to the image built from `build`. */
			image: z.string().optional(),
			/** The build context folder, or the detailed form. */
			build: z.union([z.string(), BuildSchema()]).optional(),
			/** Ports published on the host: `"8080:80"`, a number, or the long syntax. */
			ports: z.array(z.union([z.number(), z.string(), PortSchema()])).optional(),
			/** Ports open only to the other containers. */
			expose: z.array(numberOrString()).optional(),
			/** Named volumes, bind mounts and tmpfs: `"SOURCE:TARGET[:MODE]"` or the long syntax. */
			volumes: z.array(z.union([z.string(), MountSchema()])).optional(),
			/** The networks the service joins: a list of names, or a map with settings per network. */
			networks: z
				.union([listOfStrings(), z.record(z.string(), ServiceNetworkSchema().nullable())])
				.optional(),
			/** Services started before this one: a list, or a map with the condition to wait for. */
			depends_on: z.union([listOfStrings(), z.record(z.string(), DependencySchema())]).optional(),
			/** `host`, `none`, `bridge`, `service:NAME` or `container:NAME`, instead of `networks`. */
			network_mode: z.string().optional(),
			/** Legacy links to other services, `SERVICE` or `SERVICE:ALIAS`. */
			links: listOfStrings().optional(),
			/** Environment variables: `KEY=VALUE` lines or a map. */
			environment: listOrDict().optional(),
			/** Replaces the image's command: one string or a list of arguments. */
			command: z.union([z.string(), listOfStrings(), z.null()]).optional(),
			/** A fixed container name instead of the generated one. */
			container_name: z.string().optional(),
			/** The host name inside the container. */
			hostname: z.string().optional(),
			/** When Docker restarts the container. */
			restart: matching(restartPolicy, {
				it: 'uno tra "no", "always", "on-failure" (anche "on-failure:3") e "unless-stopped"',
				en: 'one of "no", "always", "on-failure" (also "on-failure:3") and "unless-stopped"',
			}).optional(),
			/** How Docker tells whether the container is healthy. */
			healthcheck: HealthcheckSchema().optional(),
			/** Profiles that enable the service; without profiles it always starts. */
			profiles: listOfStrings().optional(),
			/** Another service whose configuration this one starts from. */
			extends: z
				.union([
					z.string(),
					specObject({
						/** The service to extend. */
						service: z.string(),
						/** The file it is in; this file when absent. */
						file: z.string().optional(),
					}),
				])
				.optional(),
		},
		otherServiceKeys
	);
export type Service = z.output<ReturnType<typeof ServiceSchema>>;

/** One block of `ipam.config`. */
export const IpamConfigSchema = () =>
	specObject({
		/** The network's addresses, in CIDR notation (`192.168.100.0/24`). */
		subnet: z.string().optional(),
		/** The part of the subnet Docker assigns addresses from, in CIDR notation. */
		ip_range: z.string().optional(),
		/** The gateway address, inside the subnet. */
		gateway: z.string().optional(),
		/** Addresses reserved for other hosts, by name. */
		aux_addresses: z.record(z.string(), z.string()).optional(),
	});

/** A network declared at the top level. */
export const NetworkSchema = () =>
	specObject(
		{
			/** `bridge` (the default on one host), `overlay`, `macvlan`, `host`, `none`, … */
			driver: z.string().optional(),
			/** Options for the driver. */
			driver_opts: driverOpts().optional(),
			/** The network already exists: Compose uses it and does not create it. */
			external: external().optional(),
			/** Containers on it cannot reach outside networks. */
			internal: flag().optional(),
			/** The name Docker gives the network, instead of `<project>_<key>`. */
			name: z.string().optional(),
			/** Standalone containers may join it too. */
			attachable: flag().optional(),
			/** Gives the network IPv6 addresses. */
			enable_ipv6: flag().optional(),
			/** How addresses are assigned. */
			ipam: specObject({
				/** The IPAM driver; `default` when absent. */
				driver: z.string().optional(),
				/** Subnets, ranges and gateways. */
				config: z.array(IpamConfigSchema()).optional(),
				/** Options for the IPAM driver. */
				options: z.record(z.string(), z.string()).optional(),
			}).optional(),
			/** Labels of the network. */
			labels: listOrDict().optional(),
		},
		['enable_ipv4']
	).nullable();
export type Network = z.output<ReturnType<typeof NetworkSchema>>;

/** A named volume declared at the top level. */
export const VolumeSchema = () =>
	specObject({
		/** The volume driver; `local` when absent. */
		driver: z.string().optional(),
		/** Options for the driver. */
		driver_opts: driverOpts().optional(),
		/** The volume already exists: Compose uses it and does not create it. */
		external: external().optional(),
		/** The name Docker gives the volume, instead of `<project>_<key>`. */
		name: z.string().optional(),
		/** Labels of the volume. */
		labels: listOrDict().optional(),
	}).nullable();
export type Volume = z.output<ReturnType<typeof VolumeSchema>>;

/** A whole Compose file. */
export const ComposeSchema = () =>
	specObject(
		{
			/** Obsolete: Compose ignores it and warns. A number is accepted too. */
			version: numberOrString().optional(),
			/** The project name. */
			name: z.string().optional(),
			/** Other Compose files to include. */
			include: z.array(z.unknown()).optional(),
			/** The services, by name. */
			services: z.record(z.string(), ServiceSchema()).optional(),
			/** The networks, by name. */
			networks: z.record(z.string(), NetworkSchema()).optional(),
			/** The named volumes, by name. */
			volumes: z.record(z.string(), VolumeSchema()).optional(),
		},
		['configs', 'models', 'secrets']
	);
export type ComposeFile = z.output<ReturnType<typeof ComposeSchema>>;
