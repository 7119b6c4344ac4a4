/**
 * The images the simulated registry holds: the ones the course uses, with their real default
 * command, entrypoint, exposed ports, working directory and an approximate real size. Any other
 * repository does not exist on this registry, and any other tag has no manifest, as Docker Hub
 * would answer.
 */
import type { Behaviour, Family } from './types.ts';

/** One repository of the registry. */
export interface CatalogueEntry {
	repository: string;
	/** The tags that exist; the first is what `latest` points at, version-wise. */
	tags: string[];
	cmd: string[];
	entrypoint: string[];
	env: string[];
	exposedPorts: string[];
	workdir: string;
	behaviour: Behaviour;
	family: Family;
	/** Bytes, per tag variant: `alpine` tags are smaller. */
	size: number;
	alpineSize?: number;
	/** Folders the image declares with VOLUME: Docker mounts an anonymous volume on each. */
	volumes?: string[];
	/** How many days before the session's start the image was pushed. */
	ageDays: number;
}

const path = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Every repository, by name. */
export const catalogue: Record<string, CatalogueEntry> = {
	nginx: {
		repository: 'nginx',
		tags: ['latest', '1.30', '1.30-alpine', 'alpine', '1.29'],
		cmd: ['nginx', '-g', 'daemon off;'],
		entrypoint: ['/docker-entrypoint.sh'],
		env: [path, 'NGINX_VERSION=1.30.0'],
		exposedPorts: ['80/tcp'],
		workdir: '',
		behaviour: 'nginx',
		family: 'debian',
		size: 192_000_000,
		alpineSize: 52_700_000,
		ageDays: 12,
	},
	httpd: {
		repository: 'httpd',
		tags: ['latest', '2.4', '2.4-alpine', 'alpine'],
		cmd: ['httpd-foreground'],
		entrypoint: [],
		env: [
			'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
			'HTTPD_VERSION=2.4.66',
		],
		exposedPorts: ['80/tcp'],
		workdir: '/usr/local/apache2',
		behaviour: 'httpd',
		family: 'debian',
		size: 148_000_000,
		alpineSize: 62_300_000,
		ageDays: 20,
	},
	ubuntu: {
		repository: 'ubuntu',
		tags: ['latest', '24.04', '22.04', 'noble', 'jammy'],
		cmd: ['/bin/bash'],
		entrypoint: [],
		env: [path],
		exposedPorts: [],
		workdir: '',
		behaviour: 'shell',
		family: 'debian',
		size: 78_100_000,
		ageDays: 30,
	},
	debian: {
		repository: 'debian',
		tags: ['latest', '13', '12', 'trixie', 'bookworm'],
		cmd: ['bash'],
		entrypoint: [],
		env: [path],
		exposedPorts: [],
		workdir: '',
		behaviour: 'shell',
		family: 'debian',
		size: 120_000_000,
		ageDays: 25,
	},
	alpine: {
		repository: 'alpine',
		tags: ['latest', '3.23', '3.22', '3.20'],
		cmd: ['/bin/sh'],
		entrypoint: [],
		env: [path],
		exposedPorts: [],
		workdir: '',
		behaviour: 'shell',
		family: 'alpine',
		size: 8_440_000,
		ageDays: 40,
	},
	busybox: {
		repository: 'busybox',
		tags: ['latest', '1.37', 'musl', 'glibc'],
		cmd: ['sh'],
		entrypoint: [],
		env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
		exposedPorts: [],
		workdir: '',
		behaviour: 'shell',
		family: 'busybox',
		size: 4_430_000,
		ageDays: 60,
	},
	redis: {
		repository: 'redis',
		tags: ['latest', '8', '8.2', '7.4', 'alpine'],
		volumes: ['/data'],
		cmd: ['redis-server'],
		entrypoint: ['docker-entrypoint.sh'],
		env: [path, 'REDIS_VERSION=8.2.3'],
		exposedPorts: ['6379/tcp'],
		workdir: '/data',
		behaviour: 'redis',
		family: 'debian',
		size: 137_000_000,
		alpineSize: 61_400_000,
		ageDays: 9,
	},
	mariadb: {
		repository: 'mariadb',
		tags: ['latest', '12.3', '12', '11', '11.8', '11.4', 'lts'],
		volumes: ['/var/lib/mysql'],
		cmd: ['mariadbd'],
		entrypoint: ['docker-entrypoint.sh'],
		env: [path, 'MARIADB_VERSION=1:12.3.1+maria~ubu2404'],
		exposedPorts: ['3306/tcp'],
		workdir: '',
		behaviour: 'mariadb',
		family: 'debian',
		size: 336_000_000,
		ageDays: 15,
	},
	mysql: {
		repository: 'mysql',
		tags: ['latest', '9', '9.5', '8.4', 'lts'],
		volumes: ['/var/lib/mysql'],
		cmd: ['mysqld'],
		entrypoint: ['docker-entrypoint.sh'],
		env: [path, 'MYSQL_MAJOR=innovation', 'MYSQL_VERSION=9.5.0-1.el9'],
		exposedPorts: ['3306/tcp', '33060/tcp'],
		workdir: '',
		behaviour: 'mysql',
		family: 'debian',
		size: 922_000_000,
		ageDays: 35,
	},
	postgres: {
		repository: 'postgres',
		tags: ['latest', '18', '17', '16', 'alpine'],
		volumes: ['/var/lib/postgresql'],
		cmd: ['postgres'],
		entrypoint: ['docker-entrypoint.sh'],
		env: [path, 'PG_MAJOR=18', 'PGDATA=/var/lib/postgresql/18/docker'],
		exposedPorts: ['5432/tcp'],
		workdir: '',
		behaviour: 'postgres',
		family: 'debian',
		size: 456_000_000,
		alpineSize: 278_000_000,
		ageDays: 11,
	},
	node: {
		repository: 'node',
		tags: ['latest', '24', '22', 'lts', '24-alpine', 'alpine'],
		cmd: ['node'],
		entrypoint: ['docker-entrypoint.sh'],
		env: [path, 'NODE_VERSION=24.11.1', 'YARN_VERSION=1.22.22'],
		exposedPorts: [],
		workdir: '',
		behaviour: 'node',
		family: 'debian',
		size: 1_130_000_000,
		alpineSize: 163_000_000,
		ageDays: 7,
	},
	python: {
		repository: 'python',
		tags: ['latest', '3.14', '3.13', '3.12', 'slim', '3.14-alpine', 'alpine'],
		cmd: ['python3'],
		entrypoint: [],
		env: [path, 'PYTHON_VERSION=3.14.1', 'LANG=C.UTF-8'],
		exposedPorts: [],
		workdir: '',
		behaviour: 'python',
		family: 'debian',
		size: 1_120_000_000,
		alpineSize: 47_600_000,
		ageDays: 18,
	},
};

/** A reference split as Docker reads it: repository and tag (`latest` when none). */
export function splitReference(reference: string): { repository: string; tag: string } {
	const slash = reference.lastIndexOf('/');
	const colon = reference.lastIndexOf(':');
	if (colon > slash)
		return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
	return { repository: reference, tag: 'latest' };
}

/** The catalogue's repository name without `docker.io/` and `library/`. */
export function shortRepository(repository: string): string {
	return repository.replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
}

/** The catalogue entry and whether the tag exists, for a reference. */
export function lookUp(
	reference: string
):
	| { entry: CatalogueEntry; tag: string; repository: string }
	| { missing: 'repository' | 'tag'; repository: string; tag: string } {
	const { repository, tag } = splitReference(reference);
	const entry = catalogue[shortRepository(repository)];
	if (!entry) return { missing: 'repository', repository, tag };
	if (!entry.tags.includes(tag)) return { missing: 'tag', repository, tag };
	return { entry, tag, repository: shortRepository(repository) };
}
