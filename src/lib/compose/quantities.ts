/**
 * Numbers, sizes and durations, read as Compose reads them when it loads a file: `cpus` is a
 * decimal number of CPUs (`0.5`), counts are whole numbers, memory is bytes or a number with a
 * unit (`512m`, `1.5g`, `1GiB`), durations are numbers with units (`1m30s`, `10s`, `1d`). A value
 * holding a `${VARIABLE}` is read only when Compose runs, and left alone here.
 */
import { isObject } from '../guards.ts';
import type { Localized } from '../i18n/locale.ts';
import type { Issue, Path } from './finding.ts';
import { isInterpolated } from './interpolation.ts';
import type { ComposeFile } from './schema.ts';

/** How a value is read: a decimal number, a whole number (a count: not below zero), a size in bytes or a duration. */
export type Quantity = 'decimal' | 'integer' | 'count' | 'size' | 'duration';

const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const integer = /^[+-]?\d+$/;
/** Bytes, or a number with a unit of 1024: `k`, `m`, `g`, `t`, `p`, with an optional `i` and `b`. */
const size = /^\d+(?:\.\d+)? ?[kKmMgGtTpP]?[iI]?[bB]?$/;
/** Go's durations, with days and weeks too: `1h30m`, `1.5s`, `500ms`, `2d`. */
const duration = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h|d|w))+$/;

/** Whether a written value is a valid quantity of this kind. */
export function isQuantity(value: unknown, kind: Quantity): boolean {
	if (typeof value === 'number') {
		if (kind === 'count') return Number.isInteger(value) && value >= 0;
		return kind === 'integer' ? Number.isInteger(value) : kind !== 'duration' || value === 0;
	}
	if (typeof value !== 'string') return false;
	const text = value.trim() === value ? value : '';
	switch (kind) {
		case 'decimal':
			return decimal.test(text);
		case 'integer':
			return integer.test(text);
		case 'count':
			return integer.test(text) && !text.startsWith('-');
		case 'size':
			return integer.test(text) || size.test(text);
		case 'duration':
			return text === '0' || duration.test(text);
	}
}

/** What a value of each kind looks like, said in a message. */
const expected: Record<Quantity, Localized<string>> = {
	decimal: { it: 'un numero, ad esempio 0.5 o 2', en: 'a number, for example 0.5 or 2' },
	integer: { it: 'un numero intero, ad esempio 3', en: 'a whole number, for example 3' },
	count: {
		it: 'un numero intero da 0 in su, ad esempio 3',
		en: 'a whole number from 0 up, for example 3',
	},
	size: {
		it: 'una quantità di byte, anche con unità: 512m, 1g, 1.5g (k, m, g, t in multipli di 1024)',
		en: 'a number of bytes, with a unit if you like: 512m, 1g, 1.5g (k, m, g, t in multiples of 1024)',
	},
	duration: {
		it: 'una durata con la sua unità, ad esempio 10s, 1m30s, 500ms o 1h (un numero senza unità non basta)',
		en: 'a duration with its unit, for example 10s, 1m30s, 500ms or 1h (a number without a unit will not do)',
	},
};

/** Where each kind of value sits in a service, relative to it. */
const serviceFields: [Path, Quantity][] = [
	[['cpus'], 'decimal'],
	[['cpu_percent'], 'decimal'],
	[['cpu_count'], 'integer'],
	[['cpu_period'], 'integer'],
	[['cpu_quota'], 'integer'],
	[['cpu_rt_period'], 'integer'],
	[['cpu_rt_runtime'], 'integer'],
	[['cpu_shares'], 'integer'],
	[['oom_score_adj'], 'integer'],
	[['pids_limit'], 'integer'],
	[['scale'], 'count'],
	[['mem_limit'], 'size'],
	[['mem_reservation'], 'size'],
	[['memswap_limit'], 'size'],
	[['shm_size'], 'size'],
	[['build', 'shm_size'], 'size'],
	[['stop_grace_period'], 'duration'],
	[['healthcheck', 'interval'], 'duration'],
	[['healthcheck', 'timeout'], 'duration'],
	[['healthcheck', 'start_period'], 'duration'],
	[['healthcheck', 'start_interval'], 'duration'],
	[['healthcheck', 'retries'], 'integer'],
	[['deploy', 'replicas'], 'count'],
	[['deploy', 'resources', 'limits', 'cpus'], 'decimal'],
	[['deploy', 'resources', 'limits', 'memory'], 'size'],
	[['deploy', 'resources', 'limits', 'pids'], 'integer'],
	[['deploy', 'resources', 'reservations', 'cpus'], 'decimal'],
	[['deploy', 'resources', 'reservations', 'memory'], 'size'],
	[['deploy', 'restart_policy', 'delay'], 'duration'],
	[['deploy', 'restart_policy', 'window'], 'duration'],
	[['deploy', 'restart_policy', 'max_attempts'], 'integer'],
	[['deploy', 'update_config', 'delay'], 'duration'],
	[['deploy', 'update_config', 'monitor'], 'duration'],
	[['deploy', 'update_config', 'parallelism'], 'integer'],
	[['deploy', 'rollback_config', 'delay'], 'duration'],
	[['deploy', 'rollback_config', 'monitor'], 'duration'],
	[['deploy', 'rollback_config', 'parallelism'], 'integer'],
];

const rules = {
	decimal: 'invalid-number',
	integer: 'invalid-number',
	count: 'invalid-number',
	size: 'invalid-size',
	duration: 'invalid-duration',
} as const;

/** The value at a path inside a mapping, or `undefined`. */
export function valueAt(root: unknown, path: Path): unknown {
	let value = root;
	for (const segment of path) {
		if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
		else if (isObject(value) && typeof segment === 'string' && Object.hasOwn(value, segment))
			value = value[segment];
		else return undefined;
	}
	return value;
}

/** Every number, size and duration of every service that Compose could not read. */
export function checkQuantities(file: ComposeFile): Issue[] {
	const issues: Issue[] = [];
	for (const [name, service] of Object.entries(file.services ?? {})) {
		const fields: [Path, Quantity][] = [...serviceFields];
		(service.volumes ?? []).forEach((entry, i) => {
			if (typeof entry !== 'string') fields.push([['volumes', i, 'tmpfs', 'size'], 'size']);
		});
		for (const [at, kind] of fields) {
			const value = valueAt(service, at);
			if (value === undefined || value === null || isInterpolated(value)) continue;
			if (isQuantity(value, kind)) continue;
			const key = at.filter((segment) => typeof segment === 'string').join('.');
			const shown = JSON.stringify(value);
			issues.push({
				rule: rules[kind],
				severity: 'error',
				path: ['services', name, ...at],
				message: {
					it: `${key} del servizio ${name} deve essere ${expected[kind].it}: Docker Compose non sa leggere ${shown} e rifiuta il file.`,
					en: `${key} of service ${name} must be ${expected[kind].en}: Docker Compose cannot read ${shown} and refuses the file.`,
				},
			});
		}
	}
	return issues;
}

/** A literal number written at a path, or `undefined` when absent, interpolated or not a number. */
export function literalNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || isInterpolated(value) || !decimal.test(value)) return undefined;
	return Number(value);
}
