/**
 * A claim's screen: the wizard, composed with what other features give it (the reference data
 * stored in this browser, its status line, the export actions). Features do not import each other;
 * the app puts them together here.
 */
import { useMemo } from 'react';
import { localToday } from '../components/today';
import type { ReferenceVersion } from '../core/export/json-packet';
import { KIND_NAMES } from '../core/reference-data/tables';
import { ExportPanel } from '../features/export/export-panel';
import { useNdcFacts, useReferenceData } from '../features/reference-data/queries';
import { ReferenceStatus } from '../features/reference-data/reference-status';
import type { StepId } from '../features/wizard/steps';
import { Wizard } from '../features/wizard/wizard';
import type { WizardServices } from '../features/wizard/wizard-context';

export function ClaimScreen(props: { draftId: string; step: StepId; onStep: (step: StepId) => void; onClose: () => void }) {
  const { reference, files } = useReferenceData();
  const services = useMemo((): WizardServices => {
    const versions: readonly ReferenceVersion[] = files.map((f) => ({ kind: KIND_NAMES[f.kind], label: f.period.label }));
    return {
      reference,
      useDrugFacts: useNdcFacts,
      referenceStatus: (dateOfService) => <ReferenceStatus today={localToday()} dateOfService={dateOfService} />,
      exportPanel: (slot) => <ExportPanel {...slot} reference={versions} />,
    };
  }, [reference, files]);
  return <Wizard {...props} services={services} />;
}
