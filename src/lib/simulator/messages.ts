/**
 * Every message the simulated host prints for a failure, in Docker's own wording, with where that
 * wording comes from and which explanation follows it. `{name}` marks a value filled in. The
 * tests go over every entry, so a message added here must be reachable by some command.
 */

/** One message: its text, where the wording comes from, and its explanation's key. */
export interface MessageEntry {
	template: string;
	/** The Docker (or tool) version and source file the wording was taken from. */
	source: string;
	/** The key in `explain.ts`. */
	explanation: string;
}

/** The table, by id. */
export const messages = {
	'port-allocated': {
		template:
			'failed to set up container networking: driver failed programming external connectivity on endpoint {name} ({endpoint}): Bind for {ip}:{port} failed: port is already allocated',
		source:
			'moby v29 daemon/start_linux.go (errSetupNetworking), daemon/libnetwork/endpoint.go, portallocator/portallocator.go',
		explanation: 'port-allocated',
	},
	'name-conflict': {
		template:
			'Conflict. The container name "/{name}" is already in use by container "{id}". You have to remove (or rename) that container to be able to reuse that name.',
		source: 'moby v29 daemon/errors.go (nameConflictError)',
		explanation: 'name-conflict',
	},
	'remove-running': {
		template:
			'cannot remove container "{name}": container is running: stop the container before removing or force remove',
		source: 'moby v29 daemon/delete.go',
		explanation: 'remove-running',
	},
	'no-such-container': {
		template: 'No such container: {name}',
		source: 'moby v29 daemon/errors.go (containerNotFound)',
		explanation: 'no-such-container',
	},
	'no-such-object': {
		template: 'error: no such object: {name}',
		source: 'docker/cli v29 cli/command/system/inspect.go',
		explanation: 'no-such-container',
	},
	'no-such-image': {
		template: 'No such image: {image}',
		source: 'moby v29 daemon/images (ErrImageDoesNotExist)',
		explanation: 'no-such-image',
	},
	'image-in-use': {
		template:
			'conflict: unable to remove repository reference "{image}" (must force) - container {container} is using its referenced image {imageId}',
		source: 'moby v29 daemon/images/image_delete.go',
		explanation: 'image-in-use',
	},
	'pull-denied': {
		template:
			"pull access denied for {repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
		source: 'moby v29 distribution/errors.go',
		explanation: 'pull-denied',
	},
	'manifest-unknown': {
		template: 'manifest for {image} not found: manifest unknown: manifest unknown',
		source: 'moby v29 distribution/errors.go',
		explanation: 'manifest-unknown',
	},
	'pool-overlap': {
		template: 'Pool overlaps with other one on this address space',
		source: 'moby v29 daemon/libnetwork/ipamapi/contract.go (ErrPoolOverlap)',
		explanation: 'pool-overlap',
	},
	'invalid-cidr': {
		template: 'invalid CIDR address: {cidr}',
		source: 'Go net.ParseCIDR, as moby v29 reports it for --subnet',
		explanation: 'invalid-cidr',
	},
	'network-active-endpoints': {
		template: 'error while removing network: network {name} has active endpoints ({endpoints})',
		source: 'moby v29 daemon/network.go, daemon/libnetwork/error.go (ActiveEndpointsError)',
		explanation: 'network-active-endpoints',
	},
	'network-exists': {
		template: 'network with name {name} already exists',
		source: 'moby v29 daemon/libnetwork/error.go (NetworkNameError)',
		explanation: 'network-exists',
	},
	'network-not-found': {
		template: 'network {name} not found',
		source: 'moby v29 daemon/network.go',
		explanation: 'network-not-found',
	},
	'network-builtin': {
		template: '{name} is a pre-defined network and cannot be removed',
		source: 'moby v29 daemon/network.go',
		explanation: 'network-builtin',
	},
	'ip-outside-subnet': {
		template: 'no configured subnet or ip-range contain the IP address {ip}',
		source: 'moby v29 daemon/libnetwork/ipams/defaultipam (ErrIPOutOfRange)',
		explanation: 'ip-outside-subnet',
	},
	'ip-default-bridge': {
		template: 'user specified IP address is supported on user defined networks only',
		source: 'moby v29 daemon/container_operations.go',
		explanation: 'ip-default-bridge',
	},
	'already-connected': {
		template: 'endpoint with name {container} already exists in network {network}',
		source: 'moby v29 daemon/libnetwork/error.go',
		explanation: 'already-connected',
	},
	'volume-in-use': {
		template: 'remove {name}: volume is in use - [{ids}]',
		source: 'moby v29 daemon/volume/service/errors.go (OpErr, errVolumeInUse)',
		explanation: 'volume-in-use',
	},
	'no-such-volume': {
		template: 'get {name}: no such volume',
		source: 'moby v29 daemon/volume/service/errors.go (errNoSuchVolume)',
		explanation: 'no-such-volume',
	},
	'not-running': {
		template: 'container {id} is not running',
		source: 'moby v29 daemon/errors.go (errNotRunning), from daemon/exec.go and daemon/pause.go',
		explanation: 'not-running',
	},
	'exec-not-found': {
		template:
			'OCI runtime exec failed: exec failed: unable to start container process: exec: "{program}": executable file not found in $PATH: unknown',
		source: 'runc 1.2 libcontainer, as moby v29 passes it on',
		explanation: 'exec-not-found',
	},
	'no-public-port': {
		template: "no public port '{port}' published for {name}",
		source: 'docker/cli v29 cli/command/container/port.go',
		explanation: 'no-public-port',
	},
	'unknown-flag': {
		template:
			"unknown flag: {flag}\n\nUsage:  {usage}\n\nRun 'docker {command} --help' for more information",
		source: 'docker/cli v29 cli/cobra.go (FlagErrorFunc) over spf13/pflag',
		explanation: 'unknown-flag',
	},
	'unknown-shorthand': {
		template:
			"unknown shorthand flag: '{letter}' in {flag}\n\nUsage:  {usage}\n\nRun 'docker {command} --help' for more information",
		source: 'docker/cli v29 cli/cobra.go (FlagErrorFunc) over spf13/pflag',
		explanation: 'unknown-flag',
	},
	'requires-argument': {
		template:
			"docker: 'docker {command}' requires at least 1 argument\n\nUsage:  {usage}\n\nSee 'docker {command} --help' for more information",
		source: 'docker/cli v29 cli/required.go (RequiresMinArgs)',
		explanation: 'requires-argument',
	},
	'unknown-command': {
		template: "docker: unknown command: docker {name}\n\nRun 'docker --help' for more information",
		source: 'docker/cli v28 cli/cobra.go',
		explanation: 'unknown-command',
	},
	'command-not-found': {
		template: 'bash: {name}: command not found',
		source: 'GNU bash 5',
		explanation: 'command-not-found',
	},
	'curl-refused': {
		template:
			"curl: (7) Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server",
		source: 'curl 8 (CURLE_COULDNT_CONNECT)',
		explanation: 'curl-refused',
	},
	'curl-timeout': {
		template: 'curl: (28) Operation timed out after {ms} milliseconds with 0 bytes received',
		source: 'curl 8 lib/multi.c (CURLE_OPERATION_TIMEDOUT)',
		explanation: 'curl-paused',
	},
	'curl-resolve': {
		template: 'curl: (6) Could not resolve host: {host}',
		source: 'curl 8 (CURLE_COULDNT_RESOLVE_HOST)',
		explanation: 'curl-resolve',
	},
	'ping-bad-address': {
		template: "ping: bad address '{host}'",
		source: 'BusyBox 1.37 networking/ping.c',
		explanation: 'name-not-resolved',
	},
	'mariadb-no-password': {
		template:
			'[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD',
		source: 'MariaDB/mariadb-docker docker-entrypoint.sh',
		explanation: 'database-password',
	},
	'mysql-no-password': {
		template:
			'[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD',
		source: 'docker-library/mysql docker-entrypoint.sh',
		explanation: 'database-password',
	},
	'postgres-no-password': {
		template:
			'Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD to a non-empty value for the\n       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".\n\n       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all\n       connections without a password. This is *not* recommended.\n\n       See PostgreSQL documentation about "trust":\n       https://www.postgresql.org/docs/current/auth-trust.html',
		source: 'docker-library/postgres docker-entrypoint.sh',
		explanation: 'database-password',
	},
	'mariadb-access-denied': {
		template: "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
		source: 'MariaDB 12 client',
		explanation: 'mariadb-access-denied',
	},
	'build-not-found': {
		template:
			'failed to solve: failed to compute cache key: failed to calculate checksum of ref {ref}: "/{path}": not found',
		source: 'moby/buildkit v0.2x solver, as docker buildx v0.2x prints it',
		explanation: 'build-not-found',
	},
	'build-no-dockerfile': {
		template: 'failed to solve: failed to read dockerfile: open {file}: no such file or directory',
		source: 'moby/buildkit v0.2x frontend/dockerfile',
		explanation: 'build-no-dockerfile',
	},
	'build-parse-error': {
		template: 'failed to solve: dockerfile parse error on line {line}: {message}',
		source: 'moby/buildkit v0.2x frontend/dockerfile/instructions/parse.go',
		explanation: 'build-parse-error',
	},
	'build-base-missing': {
		template:
			'failed to solve: {image}: failed to resolve source metadata for docker.io/library/{image}: pull access denied, repository does not exist or may require authorization',
		source: 'moby/buildkit v0.2x, as docker buildx prints it',
		explanation: 'pull-denied',
	},
	'compose-no-file': {
		template: 'no configuration file provided: not found',
		source: 'docker/compose v2 cmd/compose (ErrNotFound from compose-go)',
		explanation: 'compose-no-file',
	},
	'compose-invalid': {
		template: 'validating {file}: {message}',
		source: "docker/compose v2 (compose-go's validation), first error of the course's checker",
		explanation: 'compose-invalid',
	},
	'compose-no-service': {
		template: 'no such service: {name}',
		source: 'docker/compose v5.5 cmd/compose/ps.go',
		explanation: 'compose-no-service',
	},
	'compose-not-running': {
		template: 'service "{name}" is not running',
		source: 'docker/compose v5.5 pkg/compose/containers.go',
		explanation: 'compose-not-running',
	},
	'invalid-container-port': {
		template: 'invalid containerPort: {value}',
		source: 'docker/cli v29 opts/port.go, through moby/go-connections nat.ParsePortSpec',
		explanation: 'invalid-container-port',
	},
	'not-paused': {
		template: 'Container {id} is not paused',
		source: 'moby v29 daemon/unpause.go',
		explanation: 'not-paused',
	},
	'kill-not-running': {
		template: 'cannot kill container: {name}: container {id} is not running',
		source:
			'moby v29 daemon/server/router/container/container_routes.go (postContainersKill), daemon/errors.go (errNotRunning)',
		explanation: 'kill-not-running',
	},
	'already-paused': {
		template: 'container {id} is already paused',
		source: 'moby v29 daemon/pause.go',
		explanation: 'already-paused',
	},
	'exec-paused': {
		template: 'Container {name} is paused, unpause the container before exec',
		source: 'moby v29 daemon/errors.go (errExecPaused)',
		explanation: 'paused',
	},
	'start-paused': {
		template: 'cannot start a paused container, try unpause instead',
		source: 'moby v29 daemon/start.go',
		explanation: 'paused',
	},
	'remove-paused': {
		template: 'cannot remove container "{name}": container is paused and must be unpaused first',
		source: 'moby v29 daemon/delete.go',
		explanation: 'remove-paused',
	},
	'not-connected': {
		template: 'container {id} is not connected to network {network}',
		source: 'moby v29 daemon/container_operations.go',
		explanation: 'not-connected',
	},
	'dependency-exited': {
		template: 'dependency failed to start: container {name} exited ({code})',
		source: 'docker/compose v5.5 pkg/compose/convergence.go',
		explanation: 'dependency-exited',
	},
	'dependency-no-healthcheck': {
		template: 'dependency failed to start: container {name} has no healthcheck configured',
		source: 'docker/compose v5.5 pkg/compose/convergence.go',
		explanation: 'dependency-no-healthcheck',
	},
	'dependency-not-completed': {
		template: 'service "{service}" didn\'t complete successfully: exit {code}',
		source: 'docker/compose v5.5 pkg/compose/convergence.go',
		explanation: 'dependency-not-completed',
	},
} as const satisfies Record<string, MessageEntry>;

/** The id of a message. */
export type MessageId = keyof typeof messages;

/** The message's text with its values filled in. */
export function formatMessage(id: MessageId, params: Record<string, string | number> = {}): string {
	return messages[id].template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
