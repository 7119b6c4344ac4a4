/**
 * Suggestions for the builder's inputs, offered through `<datalist>`: the learner may pick one or
 * type anything else. Tags are pinned versions or variants, never `latest` (the linter warns on it).
 */

/** Common base images and some of their tags, most used first. */
export const imageTags: Readonly<Record<string, readonly string[]>> = {
	ubuntu: ['24.04', '22.04', 'noble', 'jammy'],
	debian: ['bookworm', 'bookworm-slim', '12', '12-slim'],
	alpine: ['3.21', '3.20'],
	node: ['22', '22-alpine', '22-slim', '20-alpine'],
	python: ['3.13-slim', '3.12', '3.12-slim', '3.12-alpine'],
	golang: ['1.24', '1.23', '1.23-alpine'],
	nginx: ['1.27', '1.27-alpine', 'stable-alpine'],
	httpd: ['2.4', '2.4-alpine'],
	php: ['8.3-apache', '8.3-fpm'],
	'eclipse-temurin': ['21-jre', '21-jdk'],
	postgres: ['17', '16-alpine'],
	mysql: ['8.4'],
	redis: ['7.4', '7-alpine'],
	busybox: ['1.37'],
	'gcr.io/distroless/static-debian12': ['nonroot'],
	scratch: [],
};

/** Flags each instruction accepts, without the leading dashes. */
export const knownFlags: Readonly<Record<string, readonly string[]>> = {
	run: ['mount', 'network', 'security'],
	copy: ['chown', 'chmod', 'link', 'parents', 'exclude'],
	add: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir'],
	healthcheck: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

/** Signals for STOPSIGNAL. */
export const signals: readonly string[] = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGWINCH', 'SIGKILL'];

/** EXPOSE protocols; the empty one means "not written", which Docker reads as tcp. */
export const protocols: readonly string[] = ['', 'tcp', 'udp', 'sctp'];
