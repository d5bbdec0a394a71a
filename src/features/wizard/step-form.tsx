/**
 * One react-hook-form form per step, with a zod resolver on the step's schema (picked from the
 * packet schema). The form starts from the draft and writes every change straight back to it, so
 * the core re-evaluates as the biller types and leaving a step never loses anything.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { FormProvider, useForm } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { Drug } from '../../core/packet/schema';
import { useWizard } from './wizard-context';

/** Where a step's form sits in the packet: '' for the claim, 'drugs.0.' for a drug. */
const PrefixContext = createContext('');

export function usePrefix(): string {
  return useContext(PrefixContext);
}

export function useStepForm<S extends z.ZodMiniObject>(schema: S, values: z.input<S>, commit: (values: z.input<S>) => void): UseFormReturn<z.input<S>> {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    defaultValues: values as never,
    resolver: zodResolver(schema as never) as never,
    mode: 'onTouched',
  });
  useEffect(() => {
    // RHF hands out its own, mutable values object: the draft gets a copy.
    const subscription = form.watch((current) => commit(structuredClone(current) as z.input<S>));
    return () => subscription.unsubscribe();
  }, [form, commit]);
  return form as unknown as UseFormReturn<z.input<S>>;
}

export function StepForm<V extends FieldValues>({ form, prefix, children }: { form: UseFormReturn<V>; prefix: string; children: ReactNode }) {
  return (
    <FormProvider {...form}>
      <PrefixContext.Provider value={prefix}>
        <form noValidate onSubmit={(e) => e.preventDefault()} className="space-y-6">
          {children}
        </form>
      </PrefixContext.Provider>
    </FormProvider>
  );
}

/** The form of a drug-level step: the fields its schema picks from the selected drug, written back to that drug. */
const unchanged = <T,>(values: T): T => values;

export function useDrugStepForm<S extends z.ZodMiniObject>(schema: S, transform: (values: z.input<S>) => z.input<S> = unchanged): UseFormReturn<z.input<S>> {
  const { store, drugIndex, update } = useWizard();
  // The form starts from the draft as it is now; it does not re-render when the draft changes.
  const drug = store.get().packet.drugs?.[drugIndex] ?? {};
  const keys = Object.keys(schema.shape) as (keyof Drug)[];
  const values = Object.fromEntries(keys.map((k) => [k, drug[k]])) as z.input<S>;
  const commit = useCallback((next: z.input<S>) => update((p) => ({
    ...p,
    drugs: (p.drugs ?? []).map((d, i) => (i === drugIndex ? { ...d, ...transform(next) } : d)),
  })), [update, drugIndex, transform]);
  return useStepForm(schema, values, commit);
}
