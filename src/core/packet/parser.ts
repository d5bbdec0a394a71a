/**
 * The parser evaluateClaim reads packets with. By default the packet schema as is (what the
 * browser uses: its Content-Security-Policy forbids compiling code). Node programs that evaluate
 * many packets (the command line, the benchmarks) can switch to zod's ahead-of-time compiled
 * parser, about eight times faster; it is only imported where it is used, so the browser bundle
 * does not carry the compiler.
 */
import * as z from 'zod/mini';
import { ZClaimPacket } from './schema';

let parser: typeof ZClaimPacket = ZClaimPacket;

export function packetParser(): typeof ZClaimPacket {
  return parser;
}

/** Compiles the packet parser (uses `new Function`: never call it under a CSP without eval). */
export function compilePacketParser(): void {
  parser = z.compile(ZClaimPacket);
}
