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

/** A string or a list of strings, as for `dns` and `tmpfs`. */
const stringOrList = () => z.union([z.string(), listOfStrings()]);

/**
 * Keys of a service that the specification defines with a nested structure the checks do not
 * need typed (or only read defensively): they are accepted as they are.
 */
export const otherServiceKeys = [
	'blkio_config',
	'credential_spec',
	'deploy',
	'develop',
	'devices',
	'extra_hosts',
	'gpus',
	'logging',
	'storage_opt',
	'ulimits',
] as const;

/** `secrets` and `configs` of a service: names, or the long form with where to mount them. */
const serviceGrants = () =>
	z.array(
		z.union([
			z.string(),
			specObject({
				/** The name of the secret or config, as declared at the top level. */
				source: z.string(),
				/** The file name (or path) in the container. */
				target: z.optional(z.string()),
				uid: z.optional(z.string()),
				gid: z.optional(z.string()),
				mode: z.optional(numberOrString()),
			}),
		])
	);

/** A lifecycle hook (`post_start`, `pre_stop`): a command run inside the container. */
const hook = () =>
	specObject({
		/** The command to run. */
		command: z.union([z.string(), listOfStrings(), z.null()]),
		user: z.optional(z.string()),
		privileged: z.optional(flag()),
		working_dir: z.optional(z.string()),
		environment: z.optional(listOrDict()),
	});

/**
 * Service keys with a simple type, checked as the Compose Specification's JSON schema does.
 * Numbers are also accepted as strings (`"0.5"`, `"1g"`, `${CPUS}`): the schema does too.
 */
const simpleServiceKeys = () => ({
	annotations: z.optional(listOrDict()),
	attach: z.optional(flag()),
	cap_add: z.optional(listOfStrings()),
	cap_drop: z.optional(listOfStrings()),
	cgroup: z.optional(z.enum(['host', 'private'])),
	cgroup_parent: z.optional(z.string()),
	/** The secrets and configs the service may read, by name. */
	configs: z.optional(serviceGrants()),
	cpu_count: z.optional(numberOrString()),
	cpu_percent: z.optional(numberOrString()),
	cpu_period: z.optional(numberOrString()),
	cpu_quota: z.optional(numberOrString()),
	cpu_rt_period: z.optional(numberOrString()),
	cpu_rt_runtime: z.optional(numberOrString()),
	cpu_shares: z.optional(numberOrString()),
	/** How many CPUs the container may use, as a number (`0.5`). */
	cpus: z.optional(numberOrString()),
	cpuset: z.optional(z.string()),
	device_cgroup_rules: z.optional(listOfStrings()),
	dns: z.optional(stringOrList()),
	dns_opt: z.optional(listOfStrings()),
	dns_search: z.optional(stringOrList()),
	domainname: z.optional(z.string()),
	entrypoint: z.optional(z.union([z.string(), listOfStrings(), z.null()])),
	env_file: z.optional(
		z.union([
			z.string(),
			z.array(
				z.union([
					z.string(),
					specObject({
						path: z.string(),
						required: z.optional(flag()),
						format: z.optional(z.string()),
					}),
				])
			),
		])
	),
	external_links: z.optional(listOfStrings()),
	group_add: z.optional(z.array(numberOrString())),
	init: z.optional(flag()),
	ipc: z.optional(z.string()),
	isolation: z.optional(z.string()),
	label_file: z.optional(stringOrList()),
	labels: z.optional(listOrDict()),
	mac_address: z.optional(z.string()),
	/** Memory limit: bytes, or a number with a unit (`512m`, `1g`). */
	mem_limit: z.optional(numberOrString()),
	mem_reservation: z.optional(numberOrString()),
	mem_swappiness: z.optional(numberOrString()),
	memswap_limit: z.optional(numberOrString()),
	/** The AI models of the top-level `models` the service uses. */
	models: z.optional(
		z.union([
			listOfStrings(),
			z.record(
				z.string(),
				z.nullable(
					specObject({
						endpoint_var: z.optional(z.string()),
						model_var: z.optional(z.string()),
					})
				)
			),
		])
	),
	oom_kill_disable: z.optional(flag()),
	oom_score_adj: z.optional(numberOrString()),
	pid: z.optional(z.nullable(z.string())),
	pids_limit: z.optional(numberOrString()),
	platform: z.optional(z.string()),
	/** Runs after the container starts. */
	post_start: z.optional(z.array(hook())),
	/** Runs before the container is stopped. */
	pre_stop: z.optional(z.array(hook())),
	privileged: z.optional(flag()),
	/** A service that a provider plugin manages (a cloud database, a model…): no image needed. */
	provider: z.optional(
		specObject({
			/** The plugin that provides the service. */
			type: z.string(),
			/** Options passed to the plugin. */
			options: z.optional(
				z.record(
					z.string(),
					z.union([
						z.string(),
						z.number(),
						z.boolean(),
						z.array(z.union([z.string(), z.number(), z.boolean()])),
					])
				)
			),
		})
	),
	pull_policy: z.optional(z.string()),
	pull_refresh_after: z.optional(z.string()),
	read_only: z.optional(flag()),
	runtime: z.optional(z.string()),
	/** How many containers to run; `deploy.replicas` says the same. */
	scale: z.optional(numberOrString()),
	/** The secrets the service may read, by name. */
	secrets: z.optional(serviceGrants()),
	security_opt: z.optional(listOfStrings()),
	shm_size: z.optional(numberOrString()),
	stdin_open: z.optional(flag()),
	/** How long Docker waits after the stop signal before killing the container (`10s`). */
	stop_grace_period: z.optional(z.string()),
	stop_signal: z.optional(z.string()),
	sysctls: z.optional(listOrDict()),
	tmpfs: z.optional(stringOrList()),
	tty: z.optional(flag()),
	use_api_socket: z.optional(z.boolean()),
	user: z.optional(z.string()),
	userns_mode: z.optional(z.string()),
	uts: z.optional(z.string()),
	/** Services (or `container:NAME`) whose volumes this one mounts too. */
	volumes_from: z.optional(listOfStrings()),
	working_dir: z.optional(z.string()),
});

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
			'provenance',
			'pull',
			'sbom',
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
			...simpleServiceKeys(),
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

/** `external: true` resources and those made from a file, an environment variable or a text. */
const fileResource = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
	specObject({
		/** The name on the platform, instead of `<project>_<key>`. */
		name: z.optional(z.string()),
		/** A file whose content becomes the secret or config. */
		file: z.optional(z.string()),
		/** An environment variable whose value becomes the secret or config. */
		environment: z.optional(z.string()),
		/** It already exists on the platform: Compose does not create it. */
		external: z.optional(external()),
		labels: z.optional(listOrDict()),
		template_driver: z.optional(z.string()),
		...shape,
	});

/** A secret declared at the top level. */
export const SecretSchema = () =>
	fileResource({
		driver: z.optional(z.string()),
		driver_opts: z.optional(driverOpts()),
	});
export type Secret = z.output<ReturnType<typeof SecretSchema>>;

/** A config declared at the top level. */
export const ConfigSchema = () =>
	fileResource({
		/** The content itself, written in the file. */
		content: z.optional(z.string()),
	});
export type Config = z.output<ReturnType<typeof ConfigSchema>>;

/** An AI model declared at the top level, run by Docker Model Runner. */
export const ModelSchema = () =>
	specObject({
		name: z.optional(z.string()),
		/** The model to pull, as an OCI reference (`ai/smollm2`). */
		model: z.string(),
		context_size: z.optional(z.int()),
		runtime_flags: z.optional(listOfStrings()),
	});

/** A whole Compose file. */
export const ComposeSchema = () =>
	specObject({
		/** Obsolete: Compose ignores it and warns. It must still be a string (`"3.8"`). */
		version: z.optional(z.string()),
		/** The project name. */
		name: z.optional(z.string()),
		/** Other Compose files to include. */
		include: z.optional(
			z.array(
				z.union([
					z.string(),
					specObject({
						path: stringOrList(),
						env_file: z.optional(stringOrList()),
						project_directory: z.optional(z.string()),
					}),
				])
			)
		),
		/** The services, by name. */
		services: z.optional(z.record(z.string(), ServiceSchema())),
		/** The networks, by name. */
		networks: z.optional(z.record(z.string(), NetworkSchema())),
		/** The named volumes, by name. */
		volumes: z.optional(z.record(z.string(), VolumeSchema())),
		/** The secrets, by name. */
		secrets: z.optional(z.record(z.string(), SecretSchema())),
		/** The configs, by name. */
		configs: z.optional(z.record(z.string(), ConfigSchema())),
		/** The AI models, by name. */
		models: z.optional(z.record(z.string(), ModelSchema())),
	});
export type ComposeFile = z.output<ReturnType<typeof ComposeSchema>>;
