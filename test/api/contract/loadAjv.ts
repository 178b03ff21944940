import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type Ajv = Ajv2020;
export type AjvOptions = ConstructorParameters<typeof Ajv2020>[0];
export type { ValidateFunction } from 'ajv/dist/2020';

/** A new Ajv for JSON Schema 2020-12 (the dialect of OpenAPI 3.1), with `date-time` checked. */
export function createAjv2020(options: AjvOptions): Ajv {
	const ajv = new Ajv2020(options);
	addFormats(ajv, ['date-time']);
	return ajv;
}
