/**
 * What the Compose checker reports: one finding per problem, with a stable rule id (tests, docs
 * and the island key on it), a message in both languages and the place in the file.
 */
import type { Severity } from '../findings.ts';
import type { Localized } from '../i18n/locale.ts';

/** Every rule the checker knows, in the order the course introduces them. */
export const rules = [
	'input-limit',
	'yaml-syntax',
	'invalid-value',
	'unknown-key',
	'invalid-interpolation',
	'required-variable',
	'obsolete-version',
	'no-services',
	'no-image-or-build',
	'invalid-port',
	'port-conflict',
	'ports-with-host-network',
	'undefined-service',
	'depends-on-cycle',
	'undefined-network',
	'invalid-cidr',
	'ip-outside-subnet',
	'undefined-volume',
	'undefined-secret',
	'undefined-config',
	'undefined-model',
	'resource-source',
	'external-with-options',
	'conflicting-keys',
	'container-name-with-replicas',
	'port-on-internal-network',
	'duplicate-mount-target',
	'invalid-number',
	'invalid-size',
	'invalid-duration',
	'invalid-project-name',
] as const;
export type RuleId = (typeof rules)[number];

/** A key of a mapping or an index of a list, from the document root to the node concerned. */
export type Path = (string | number)[];

/** A problem found in a Compose file, placed at the YAML node it concerns (1-based). */
export interface Finding {
	rule: RuleId;
	severity: Severity;
	message: Localized<string>;
	line: number;
	column: number;
	endLine?: number;
	endColumn?: number;
	path: Path;
}

/**
 * A finding before it is placed: the checks know the path, only the parser knows the lines.
 * `at: 'key'` points at the key of the last path segment rather than at its value.
 */
export interface Issue {
	rule: RuleId;
	severity: Severity;
	message: Localized<string>;
	path: Path;
	at?: 'key' | 'value';
	/** The part of a string value concerned (`${PORT` in `"${PORT:80"`), as offsets into it. */
	within?: { start: number; end: number };
}

/** Writes a path the way a student reads it: `services.web.ports[0]`. */
export function formatPath(path: readonly (string | number)[]): string {
	return path
		.map((segment, index) =>
			typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`
		)
		.join('');
}
