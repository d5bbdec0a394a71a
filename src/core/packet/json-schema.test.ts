import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKET_SCHEMA_FILE, packetJsonSchema, packetJsonSchemaText } from './json-schema';

describe('the published JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing the packet)', () => {
    const published = readFileSync(join(import.meta.dirname, '../../..', PACKET_SCHEMA_FILE), 'utf8');
    expect(published).toBe(packetJsonSchemaText());
  });
  it('describes the packet: format, version, drugs with their fields, and titles for people', () => {
    const schema = packetJsonSchema() as { required: string[]; properties: Record<string, { title?: string; items?: { properties: Record<string, unknown> } }> };
    expect(schema.required).toEqual(['format', 'version']);
    expect(schema.properties.careSetting?.title).toBe('Care setting');
    expect(Object.keys(schema.properties.drugs?.items?.properties ?? {})).toEqual(expect.arrayContaining(['ndc', 'container', 'administration', 'waste', 'modifiers', 'invoice', 'priorAuth', 'codeOverride']));
  });
});
