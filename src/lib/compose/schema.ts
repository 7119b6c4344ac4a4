/**
 * The Compose Specification, as far as the diagram and the checks need it. Fields we draw or check
 * are typed; every other key the specification defines is accepted as it is; `x-` extensions are
 * allowed at every level; anything else is an `unknown-key` issue with a "did you mean".
 */
import * as z from 'zod/mini';
import type { Localized } from '../i18n/locale.ts';
import { isObject } from '../guards.ts';
import { closest } from './suggest.ts';

/** Whether a value is a mapping (a plain object), not a list nor a scalar. */
export const isRecord = isObject;

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
	return z.looseObject(shape).check(
		z.superRefine(
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
		)
	);
}

/** A string that must match a pattern; `expected` says in both languages what would. */
const matching = (pattern: RegExp, expected: Localized<string>) =>
	z.string().check(z.refine((value) => pattern.test(value), { params: { expected } }));

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
const external = () => z.union([flag(), specObject({ name: z.optional(z.string()) })]);

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
			context: z.optional(z.string()),
			/** The Dockerfile to use, relative to the context. */
			dockerfile: z.optional(z.string()),
			/** Build arguments (`ARG` in the Dockerfile). */
			args: z.optional(listOrDict()),
			/** The stage of a multi-stage Dockerfile to build. */
			target: z.optional(z.string()),
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
		published: z.optional(numberOrString()),
		/** The host address to listen on; all addresses when absent. */
		host_ip: z.optional(z.string()),
		/** `tcp` (the default), `udp` or `sctp`. */
		protocol: z.optional(z.string()),
		/** `host` publishes on each node, `ingress` load-balances (Swarm). */
		mode: z.optional(z.string()),
		/** A name for the mapping, for people. */
		name: z.optional(z.string()),
		/** The application protocol (`http`, `https`, …), for tools. */
		app_protocol: z.optional(z.string()),
	});
export type PortLong = z.output<ReturnType<typeof PortSchema>>;

/** The long syntax of a mount. */
export const MountSchema = () =>
	specObject({
		/** What is mounted: a named `volume`, a `bind` mount of a host path, a `tmpfs`, … */
		type: z.enum(['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image']),
		/** The volume name or the host path; none for tmpfs and anonymous volumes. */
		source: z.optional(z.string()),
		/** Where the mount appears inside the container (an absolute path). */
		target: z.optional(z.string()),
		/** Mounts read-only. */
		read_only: z.optional(flag()),
		/** Options of a bind mount. */
		bind: z.optional(
			specObject({
				/** Mount propagation: `shared`, `slave`, `private`, `rshared`, `rslave`, `rprivate`. */
				propagation: z.optional(z.string()),
				/** Creates the host path when missing. */
				create_host_path: z.optional(flag()),
				/** Whether sub-mounts are mounted too. */
				recursive: z.optional(z.enum(['enabled', 'disabled', 'writable', 'readonly'])),
				/** SELinux relabelling: `z` shared, `Z` private. */
				selinux: z.optional(z.enum(['z', 'Z'])),
			})
		),
		/** Options of a volume mount. */
		volume: z.optional(
			specObject({
				/** Labels of the volume created for this mount. */
				labels: z.optional(listOrDict()),
				/** Does not copy the image's files into a new volume. */
				nocopy: z.optional(flag()),
				/** A path inside the volume to mount instead of its root. */
				subpath: z.optional(z.string()),
			})
		),
		/** Options of a tmpfs mount. */
		tmpfs: z.optional(
			specObject({
				/** Size in bytes, or with a unit (`64m`). */
				size: z.optional(numberOrString()),
				/** File mode, in octal. */
				mode: z.optional(numberOrString()),
			})
		),
		/** Consistency requirements (Docker Desktop on macOS). */
		consistency: z.optional(z.string()),
		/** Options of an image mount. */
		image: z.optional(
			specObject({
				/** A path inside the image to mount instead of its root. */
				subpath: z.optional(z.string()),
			})
		),
	});
export type MountLong = z.output<ReturnType<typeof MountSchema>>;

/** How a service joins one network, in the map form of `networks`. */
export const ServiceNetworkSchema = () =>
	specObject(
		{
			/** Other host names of the service on this network. */
			aliases: z.optional(listOfStrings()),
			/** A fixed IPv4 address; the network needs a subnet in `ipam.config`. */
			ipv4_address: z.optional(z.string()),
			/** A fixed IPv6 address; the network needs an IPv6 subnet. */
			ipv6_address: z.optional(z.string()),
			/** The order in which Docker connects the networks (higher first). */
			priority: z.optional(z.number()),
		},
		['driver_opts', 'gw_priority', 'interface_name', 'link_local_ips', 'mac_address']
	);

/** One entry of the map form of `depends_on`. */
export const DependencySchema = () =>
	specObject({
		/** What to wait for before starting the dependent service. */
		condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']),
		/** Restarts the dependent service when this one is updated. */
		restart: z.optional(flag()),
		/** `false` lets the dependent service start when this one is missing or fails. */
		required: z.optional(z.boolean()),
	});

/** How Docker tells whether the container is healthy. */
export const HealthcheckSchema = () =>
	specObject({
		/** The command: a string, or a list starting with `CMD`, `CMD-SHELL` or `NONE`. */
		test: z.optional(z.union([z.string(), listOfStrings()])),
		/** Time between checks (`30s`). */
		interval: z.optional(z.string()),
		/** Time after which one check counts as failed. */
		timeout: z.optional(z.string()),
		/** Failed checks in a row before the container is unhealthy. */
		retries: z.optional(numberOrString()),
		/** Time the container gets to start before failures count. */
		start_period: z.optional(z.string()),
		/** Time between checks during the start period. */
		start_interval: z.optional(z.string()),
		/** Turns off the image's healthcheck. */
		disable: z.optional(flag()),
	});

const restartPolicy = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$|\$/;

/** A service: one container (or several replicas) built from the same configuration. */
export const ServiceSchema = () =>
	specObject(
		{
			/** The image to run, or the name given to the image built from `build`. */
			image: z.optional(z.string()),
			/** The build context folder, or the detailed form. */
			build: z.optional(z.union([z.string(), BuildSchema()])),
			/** Ports published on the host: `"8080:80"`, a number, or the long syntax. */
			ports: z.optional(z.array(z.union([z.number(), z.string(), PortSchema()]))),
			/** Ports open only to the other containers. */
			expose: z.optional(z.array(numberOrString())),
			/** Named volumes, bind mounts and tmpfs: `"SOURCE:TARGET[:MODE]"` or the long syntax. */
			volumes: z.optional(z.array(z.union([z.string(), MountSchema()]))),
			/** The networks the service joins: a list of names, or a map with settings per network. */
			networks: z.optional(
				z.union([listOfStrings(), z.record(z.string(), z.nullable(ServiceNetworkSchema()))])
			),
			/** Services started before this one: a list, or a map with the condition to wait for. */
			depends_on: z.optional(z.union([listOfStrings(), z.record(z.string(), DependencySchema())])),
			/** `host`, `none`, `bridge`, `service:NAME` or `container:NAME`, instead of `networks`. */
			network_mode: z.optional(z.string()),
			/** Legacy links to other services, `SERVICE` or `SERVICE:ALIAS`. */
			links: z.optional(listOfStrings()),
			/** Environment variables: `KEY=VALUE` lines or a map. */
			environment: z.optional(listOrDict()),
			/** Replaces the image's command: one string or a list of arguments. */
			command: z.optional(z.union([z.string(), listOfStrings(), z.null()])),
			/** A fixed container name instead of the generated one. */
			container_name: z.optional(z.string()),
			/** The host name inside the container. */
			hostname: z.optional(z.string()),
			/** When Docker restarts the container. */
			restart: z.optional(
				matching(restartPolicy, {
					it: 'uno tra "no", "always", "on-failure" (anche "on-failure:3") e "unless-stopped"',
					en: 'one of "no", "always", "on-failure" (also "on-failure:3") and "unless-stopped"',
				})
			),
			/** How Docker tells whether the container is healthy. */
			healthcheck: z.optional(HealthcheckSchema()),
			/** Profiles that enable the service; without profiles it always starts. */
			profiles: z.optional(listOfStrings()),
			/** Another service whose configuration this one starts from. */
			extends: z.optional(
				z.union([
					z.string(),
					specObject({
						/** The service to extend. */
						service: z.string(),
						/** The file it is in; this file when absent. */
						file: z.optional(z.string()),
					}),
				])
			),
		},
		otherServiceKeys
	);
export type Service = z.output<ReturnType<typeof ServiceSchema>>;

/** One block of `ipam.config`. */
export const IpamConfigSchema = () =>
	specObject({
		/** The network's addresses, in CIDR notation (`192.168.100.0/24`). */
		subnet: z.optional(z.string()),
		/** The part of the subnet Docker assigns addresses from, in CIDR notation. */
		ip_range: z.optional(z.string()),
		/** The gateway address, inside the subnet. */
		gateway: z.optional(z.string()),
		/** Addresses reserved for other hosts, by name. */
		aux_addresses: z.optional(z.record(z.string(), z.string())),
	});

/** A network declared at the top level. */
export const NetworkSchema = () =>
	z.nullable(
		specObject(
			{
				/** `bridge` (the default on one host), `overlay`, `macvlan`, `host`, `none`, … */
				driver: z.optional(z.string()),
				/** Options for the driver. */
				driver_opts: z.optional(driverOpts()),
				/** The network already exists: Compose uses it and does not create it. */
				external: z.optional(external()),
				/** Containers on it cannot reach outside networks. */
				internal: z.optional(flag()),
				/** The name Docker gives the network, instead of `<project>_<key>`. */
				name: z.optional(z.string()),
				/** Standalone containers may join it too. */
				attachable: z.optional(flag()),
				/** Gives the network IPv6 addresses. */
				enable_ipv6: z.optional(flag()),
				/** How addresses are assigned. */
				ipam: z.optional(
					specObject({
						/** The IPAM driver; `default` when absent. */
						driver: z.optional(z.string()),
						/** Subnets, ranges and gateways. */
						config: z.optional(z.array(IpamConfigSchema())),
						/** Options for the IPAM driver. */
						options: z.optional(z.record(z.string(), z.string())),
					})
				),
				/** Labels of the network. */
				labels: z.optional(listOrDict()),
			},
			['enable_ipv4']
		)
	);
export type Network = z.output<ReturnType<typeof NetworkSchema>>;

/** A named volume declared at the top level. */
export const VolumeSchema = () =>
	z.nullable(
		specObject({
			/** The volume driver; `local` when absent. */
			driver: z.optional(z.string()),
			/** Options for the driver. */
			driver_opts: z.optional(driverOpts()),
			/** The volume already exists: Compose uses it and does not create it. */
			external: z.optional(external()),
			/** The name Docker gives the volume, instead of `<project>_<key>`. */
			name: z.optional(z.string()),
			/** Labels of the volume. */
			labels: z.optional(listOrDict()),
		})
	);
export type Volume = z.output<ReturnType<typeof VolumeSchema>>;

/** A whole Compose file. */
export const ComposeSchema = () =>
	specObject(
		{
			/** Obsolete: Compose ignores it and warns. A number is accepted too. */
			version: z.optional(numberOrString()),
			/** The project name. */
			name: z.optional(z.string()),
			/** Other Compose files to include. */
			include: z.optional(z.array(z.unknown())),
			/** The services, by name. */
			services: z.optional(z.record(z.string(), ServiceSchema())),
			/** The networks, by name. */
			networks: z.optional(z.record(z.string(), NetworkSchema())),
			/** The named volumes, by name. */
			volumes: z.optional(z.record(z.string(), VolumeSchema())),
		},
		['configs', 'models', 'secrets']
	);
export type ComposeFile = z.output<ReturnType<typeof ComposeSchema>>;
