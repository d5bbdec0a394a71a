/**
 * The TanStack Query layer over the reference-data store. Needs a `QueryClientProvider` above it.
 *   useReferenceData()  → { reference, files, isLoading, error, builtInError }: pass `reference` to evaluateClaim.
 *   useNdcFacts(ndc11)  → the drug facts of an NDC (FDA files, else the built-in catalogue).
 * The reference data are the built-in snapshot with the imported files over it (see `withBuiltIn`);
 * a crosswalk that is a part of a quarter is marked partial in the list (crosswalk-completeness.ts).
 *   prefetchReferenceData(client) → starts reading them as the app starts.
 *   useImportReferenceFiles() → a mutation that imports files in the worker, then refreshes the above.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReferenceFileInfo } from '../../core/reference-data/coverage';
import { withPartialMarked } from '../../core/reference-data/coverage';
import { partialByKey } from '../../core/reference-data/crosswalk-completeness';
import { createReference } from '../../core/reference-data/memory-reference';
import { withBuiltIn } from '../../core/reference-data/snapshot';
import type { DrugFacts, ReferenceData } from '../../core/reference';
import { asNdc11 } from '../../core/ndc';
import { importInWorker } from './import-client';
import type { FileToImport } from './import-job';
import { loadBuiltIn, prefetchBuiltIn } from './builtin';
import type { NdcDirectoryStore } from './store';
import { loadStored } from './store';

/** The query key of the reference data; invalidate it after anything writes the store. */
export const REFERENCE_QUERY_KEY = ['reference-data'] as const;

/** What the wizard answers from: the imported files over the built-in data, and the list of both. */
interface LoadedReference {
  readonly reference: ReferenceData;
  readonly files: readonly ReferenceFileInfo[];
  readonly directory: NdcDirectoryStore | undefined;
  /** Why the built-in data are missing, when they could not be loaded. */
  readonly builtInError: string | null;
}

/** Until the data are read (or when they cannot be), lookups answer from the built-in catalogue only. */
const CATALOGUE_ONLY: LoadedReference = { reference: createReference([]), files: [], directory: undefined, builtInError: null };

async function loadReference(): Promise<LoadedReference> {
  const start = performance.now();
  prefetchBuiltIn();
  const stored = await loadStored();
  const builtIn = await loadBuiltIn(new Set(stored.files.map((f) => f.key))).catch((error: unknown) => error as Error);
  const isBuiltIn = !(builtIn instanceof Error);
  const tables = isBuiltIn ? withBuiltIn(stored.tables, builtIn.tables) : stored.tables;
  // Read by the benchmarks (bench/reference-browser.ts): when the reference data are ready to answer, and how long reading them took.
  performance.mark('noc:reference-ready');
  performance.measure('noc:reference-load', { start });
  return {
    reference: createReference(tables, stored.directory),
    files: withPartialMarked(isBuiltIn ? withBuiltIn<ReferenceFileInfo>(stored.files, builtIn.files) : stored.files, partialByKey(tables)),
    directory: stored.directory,
    builtInError: isBuiltIn ? null : builtIn.message,
  };
}

const referenceQuery = { queryKey: REFERENCE_QUERY_KEY, queryFn: loadReference, staleTime: Infinity } as const;

/**
 * Starts reading the reference data as the app starts, not when the first screen has appeared
 * (React reveals a lazily loaded screen up to 300 ms after its fallback, time the reading can use).
 */
export function prefetchReferenceData(client: QueryClient): void {
  void client.prefetchQuery(referenceQuery);
}

export interface ReferenceDataState {
  readonly reference: ReferenceData;
  /** The imported files and the built-in tables they do not supersede (`builtIn: true`). */
  readonly files: readonly ReferenceFileInfo[];
  readonly isLoading: boolean;
  readonly error: Error | null;
  readonly builtInError: string | null;
}

/** The reference data of this browser (catalogue-only while loading or on error). */
export function useReferenceData(): ReferenceDataState {
  const query = useQuery(referenceQuery);
  const data = query.data ?? CATALOGUE_ONLY;
  return { reference: data.reference, files: data.files, isLoading: query.isLoading, error: query.error, builtInError: data.builtInError };
}

/**
 * The drug facts of an 11-digit NDC; `undefined` while loading or when no source knows it. The
 * FDA directory entry of the NDC is read from the store first (it is not kept in memory whole).
 */
export function useNdcFacts(typed: string | undefined): DrugFacts | undefined {
  const client = useQueryClient();
  const { data } = useQuery(referenceQuery);
  const ndc11 = asNdc11(typed);
  const facts = useQuery({
    queryKey: [...REFERENCE_QUERY_KEY, 'ndc', ndc11],
    queryFn: async () => {
      // Never run without both (see `enabled`); the check narrows them.
      if (data === undefined || ndc11 === undefined) return null;
      if (data.directory !== undefined) {
        await data.directory.load(ndc11);
        // The directory now answers for this NDC's labeler (its other container sizes too): a new
        // reference object, the same lookups, so that the claim is evaluated again with them.
        client.setQueryData<LoadedReference>(REFERENCE_QUERY_KEY, (old) => (old === undefined ? old : { ...old, reference: { ...old.reference } }));
      }
      return data.reference.drugFacts(ndc11) ?? null;
    },
    enabled: data !== undefined && ndc11 !== undefined,
    staleTime: Infinity,
  });
  if (ndc11 === undefined) return undefined;
  return facts.isSuccess ? (facts.data ?? undefined) : CATALOGUE_ONLY.reference.drugFacts(ndc11);
}

/** Imports files in the worker; `onProgress(fileIndex, done)` reports each file. Refreshes the reference data when done. */
export function useImportReferenceFiles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ files, onProgress }: { files: readonly FileToImport[]; onProgress?: (fileIndex: number, done: number) => void }) => importInWorker(files, onProgress),
    // Even a run with failed files may have stored others: read the store again either way.
    onSettled: () => client.invalidateQueries({ queryKey: REFERENCE_QUERY_KEY }),
  });
}
