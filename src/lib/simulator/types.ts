/**
 * The simulated Docker host as plain data: what `runCommand` reads and returns. Everything here
 * is JSON-serialisable, so a lab can save the host, send it to a worker or compare two of them.
 */

/** How a program of an image behaves when the container starts. */
export type Behaviour =
	'shell' | 'nginx' | 'httpd' | 'redis' | 'mariadb' | 'mysql' | 'postgres' | 'node' | 'python';

/** Which userland an image has: it decides the wording of `ping`, `getent` and the programs found. */
export type Family = 'busybox' | 'alpine' | 'debian';

/** An image present on the host. */
export interface Image {
	/** `sha256:` and 64 hex digits. */
	id: string;
	/** Every `repository:tag` that names it. */
	tags: string[];
	/** Seconds since the epoch. */
	created: number;
	/** Bytes, as `docker images` shows them. */
	size: number;
	cmd: string[];
	entrypoint: string[];
	env: string[];
	exposedPorts: string[];
	workdir: string;
	/** Folders declared with VOLUME. */
	volumes: string[];
	behaviour: Behaviour;
	family: Family;
	/** Files the image adds over its base (a build's COPY), path inside → text. */
	files: Record<string, string>;
	/** The build cache keys of its layers, one per instruction, for `CACHED`. */
	layers: string[];
}

/** A port published on the host. */
export interface PortBinding {
	/** `0.0.0.0` when not given (Docker also binds `[::]`). */
	hostIp: string;
	hostPort: number;
	containerPort: number;
	protocol: 'tcp' | 'udp' | 'sctp';
}

/** A mount of a container. */
export interface MountPoint {
	type: 'volume' | 'bind';
	/** The volume's name (volume) or the host path (bind). */
	source: string;
	destination: string;
	readOnly: boolean;
}

/** A container's place on one network. */
export interface Attachment {
	/** The network's name. */
	network: string;
	/** The address while the container runs; empty when stopped. */
	ip: string;
	/** The address asked with `--ip`, kept across restarts. */
	staticIp: string;
	aliases: string[];
	mac: string;
	endpointId: string;
}

/** A container, in any state. */
export interface Container {
	id: string;
	name: string;
	/** The image as the user named it (`nginx`, `nginx:1.30`). */
	image: string;
	imageId: string;
	entrypoint: string[];
	cmd: string[];
	env: string[];
	created: number;
	status: 'created' | 'running' | 'exited' | 'paused';
	startedAt: number;
	finishedAt: number;
	exitCode: number;
	tty: boolean;
	interactive: boolean;
	autoRemove: boolean;
	restart: string;
	hostname: string;
	workdir: string;
	init: boolean;
	/** `-P`: publish every exposed port on a random host port. */
	publishAll: boolean;
	ports: PortBinding[];
	mounts: MountPoint[];
	/** `default` (the bridge), `host`, `none` or a user network's name. */
	networkMode: string;
	networks: Attachment[];
	/** What `docker logs` prints, one line per entry. */
	logs: string[];
	/** Files written in the container's own layer, path → text. */
	files: Record<string, string>;
	/** Whether the healthcheck (Compose) reports healthy while running. */
	healthcheck: boolean;
	/** Why the main process failed, explained after `docker logs`. */
	failure?: Explanation;
	/** Compose's labels, when Compose made it. */
	compose?: { project: string; service: string; number: number };
}

/** A network. */
export interface Network {
	id: string;
	name: string;
	driver: string;
	/** `172.18.0.0/16`; empty for host and none. */
	subnet: string;
	gateway: string;
	ipRange: string;
	internal: boolean;
	created: number;
	/** `bridge`, `host` and `none`, which cannot be removed. */
	builtin: boolean;
	compose?: { project: string; network: string };
}

/** A volume. */
export interface Volume {
	name: string;
	created: number;
	/** Made by Docker for `-v /path` or an image's VOLUME: `prune` removes these by default. */
	anonymous: boolean;
	/** What containers wrote into it, path relative to its root → text. */
	files: Record<string, string>;
	compose?: { project: string; volume: string };
}

/** The whole simulated host. */
export interface HostState {
	images: Image[];
	containers: Container[];
	networks: Network[];
	volumes: Volume[];
	/** The working directory on the host, path → text. */
	files: Record<string, string>;
	/** Seconds since the epoch; advances by a fixed step per command. */
	clock: number;
	/** The PRNG's state: ids and names come from it, so a seed gives the same session. */
	random: number;
	/** The next host port `-P` hands out. */
	nextEphemeralPort: number;
	/** Cache keys of the layers built so far: `docker build` marks a step `CACHED` when found. */
	buildCache: string[];
	/** The project name `docker compose` uses when the file has no `name:`. */
	projectName: string;
}

/** What to explain after an output: a key of the explanation table and its values. */
export interface Explanation {
	key: string;
	params?: Record<string, string | number>;
}

/** The answer to one command line. */
export interface CommandResult {
	command: string;
	exitCode: number;
	output: string;
	explanation?: Explanation;
}
