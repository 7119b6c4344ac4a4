/**
 * Small type guards for data read back from the learner's device or a shared link, where zod would
 * cost more bytes in the page than the checks themselves.
 */

/** A check of an unknown value. */
export type Check = (value: unknown) => boolean;

/** A mapping (a plain object), not a list nor a scalar. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
export const isString: Check = (value) => typeof value === 'string';
export const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
export const isBoolean: Check = (value) => typeof value === 'boolean';

/** The check, or `null`. */
export const nullable =
	(check: Check): Check =>
	(value) =>
		value === null || check(value);
/** A list whose every item passes the check. */
export const arrayOf =
	(check: Check): Check =>
	(value) =>
		Array.isArray(value) && value.every(check);
/** A mapping whose every value passes the check. */
export const recordOf =
	(check: Check): Check =>
	(value) =>
		isObject(value) && Object.values(value).every(check);
/** A mapping with these fields, each passing its check. */
export const shape =
	(fields: Record<string, Check>): Check =>
	(value) =>
		isObject(value) && Object.entries(fields).every(([key, check]) => check(value[key]));
