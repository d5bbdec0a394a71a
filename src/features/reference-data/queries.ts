/**
 * The TanStack Query layer over the reference-data store. Needs a `QueryClientProvider` above it.
 *   useReferenceData()  → { reference, files, isLoading, error }: pass `reference` to evaluateClaim.
 *   useNdcFacts(ndc11)  → the drug facts of an NDC (FDA files, else the built-in catalogue).
 *   useImportReferenceFiles() → a mutation that imports files in the worker, then refreshes the above.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { createReference } from '../../core/reference-data/memory-reference';
import type { DrugFacts, ReferenceData } from '../../core/reference';
import { importInWorker } from './import-client';
import type { FileToImport } from './import-job';
import type { ImportedFileInfo } from './store';
import { loadReference } from './store';

/** The query key of the stored reference data; invalidate it after anything writes the store. */
export const REFERENCE_QUERY_KEY = ['reference-data'] as const;

/** Until the store is read (or when it cannot be), lookups answer from the built-in catalogue only. */
const CATALOGUE_ONLY: { reference: ReferenceData; files: ImportedFileInfo[] } = { reference: createReference([]), files: [] };

const referenceQuery = { queryKey: REFERENCE_QUERY_KEY, queryFn: loadReference, staleTime: Infinity } as const;

export interface ReferenceDataState {
  readonly reference: ReferenceData;
  readonly files: readonly ImportedFileInfo[];
  readonly isLoading: boolean;
  readonly error: Error | null;
}

/** The reference data stored in this browser (catalogue-only while loading or on error). */
export function useReferenceData(): ReferenceDataState {
  const query = useQuery(referenceQuery);
  const data = query.data ?? CATALOGUE_ONLY;
  return { reference: data.reference, files: data.files, isLoading: query.isLoading, error: query.error };
}

/** The drug facts of an 11-digit NDC; `undefined` while loading or when no source knows it. */
export function useNdcFacts(ndc11: string | undefined): DrugFacts | undefined {
  const select = useCallback((data: { reference: ReferenceData }) => (ndc11 !== undefined && /^\d{11}$/.test(ndc11) ? data.reference.drugFacts(ndc11) : undefined), [ndc11]);
  const query = useQuery({ ...referenceQuery, select });
  return query.isSuccess ? query.data : select(CATALOGUE_ONLY);
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
