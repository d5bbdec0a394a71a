/**
 * Field paths in the packet (`drugs.0.administration.dose.value`): whether one exists in the schema,
 * and the title and hint a field carries, for messages that name the field as the biller sees it.
 */
import * as z from 'zod/mini';
import { ZClaimPacket } from './schema';

type Node = z.ZodMiniType;

interface Def {
  readonly type: string;
  readonly innerType?: Node;
  readonly shape?: Record<string, Node>;
  readonly element?: Node;
  readonly options?: readonly Node[];
}

const defOf = (node: Node): Def => node._zod.def as unknown as Def;

function unwrap(node: Node): Node {
  let n = node;
  while (defOf(n).type === 'optional' || defOf(n).type === 'nullable') n = defOf(n).innerType!;
  return n;
}

function child(node: Node, segment: string): Node | undefined {
  const d = defOf(unwrap(node));
  if (d.type === 'object') return Object.hasOwn(d.shape!, segment) ? d.shape![segment] : undefined;
  if (d.type === 'array') return /^(?:0|[1-9]\d*)$/.test(segment) ? d.element : undefined;
  if (d.type === 'union') {
    for (const option of d.options!) {
      const found = child(option, segment);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The schema node at a dotted path; the empty path is the packet itself. */
export function schemaAt(path: string): Node | undefined {
  if (path === '') return ZClaimPacket;
  let node: Node | undefined = ZClaimPacket;
  for (const segment of path.split('.')) {
    node = child(node, segment);
    if (node === undefined) return undefined;
  }
  return node;
}

export function pathExists(path: string): boolean {
  return schemaAt(path) !== undefined;
}

/**
 * The title and hint registered for the field at a path (the nearest titled field above it), and
 * how a value is written when the field has an example (dates: "Written like 2024-05-06.").
 */
export function fieldMeta(path: string): { title: string; hint: string; written: string } {
  const segments = path === '' ? [] : path.split('.');
  for (let n = segments.length; n >= 0; n--) {
    const node = schemaAt(segments.slice(0, n).join('.'));
    if (node === undefined) continue;
    const meta = z.globalRegistry.get(node) ?? z.globalRegistry.get(unwrap(node));
    if (meta?.title !== undefined) {
      const example = Array.isArray(meta.examples) ? meta.examples[0] : undefined;
      return { title: meta.title, hint: meta.description ?? '', written: typeof example === 'string' ? `Written like ${example}.` : '' };
    }
  }
  return { title: 'This field', hint: '', written: '' };
}
