/** Writes the claim packet's JSON Schema (generated from the zod schema) into public/schema/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PACKET_SCHEMA_FILE, packetJsonSchemaText } from '../src/core/packet/json-schema';

mkdirSync(dirname(PACKET_SCHEMA_FILE), { recursive: true });
writeFileSync(PACKET_SCHEMA_FILE, packetJsonSchemaText());
console.log(`wrote ${PACKET_SCHEMA_FILE}`);
