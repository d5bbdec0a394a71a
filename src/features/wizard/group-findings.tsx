/**
 * Findings about a group of fields rather than one input (the diagnoses, the documents of a
 * drug): shown at the top of the group, which is where a finding's link moves the focus. A named
 * group (a bare div may not carry aria-label).
 */
import { FindingList } from './fields';
import { fieldId } from './steps';
import { isStillToFill, sameFindings, useWizardData } from './wizard-context';

export function GroupFindings({ path, label }: { path: string; label: string }) {
  const findings = useWizardData((d) => (d.findingsByPath.get(path) ?? []).filter((f) => d.isStepAttempted || !isStillToFill(f)), sameFindings);
  return (
    <div id={fieldId(path)} role="group" tabIndex={-1} aria-label={label} className="focus:outline-2 focus:outline-blue-700">
      <FindingList findings={findings} />
    </div>
  );
}
