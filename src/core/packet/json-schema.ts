/**
 * The JSON Schema of the claim packet, generated from the zod schema (never kept by hand), for
 * other systems that read or write packets. `npm run schema` writes it to public/schema/.
 */
import * as z from 'zod/mini';
import { ZClaimPacket } from './schema';

export const PACKET_SCHEMA_FILE = 'public/schema/noc-claim-packet.v1.schema.json';

export function packetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ZClaimPacket, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://noc-claim-wizard.local/schema/noc-claim-packet.v1.schema.json',
  };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function packetJsonSchemaText(): string {
  return `${JSON.stringify(packetJsonSchema(), null, 2)}\n`;
}
