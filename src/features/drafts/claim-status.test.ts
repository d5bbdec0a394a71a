/** The claims list's status of a claim: exported, ready, blocked or draft, from its evaluation and exports. */
import { describe, expect, it } from 'vitest';
import { completePacket, evaluate } from '../../core/test-fixtures';
import type { ExportRecord } from '../../storage/db';
import { packetFingerprint } from '../../storage/exports';
import { claimRow, claimStatus, matchesSearch, statusText } from './claim-status';

const exported = (packet: Parameters<typeof packetFingerprint>[0], at = '2023-03-21T15:00:00'): ExportRecord =>
  ({ draftId: 'd', at, format: 'pdf', fingerprint: packetFingerprint(packet) });

describe('claimStatus', () => {
  it('is ready when nothing blocks export, and exported (with the date) once a payer export was downloaded', () => {
    const packet = completePacket();
    expect(claimStatus(evaluate(packet), undefined, packetFingerprint(packet))).toEqual({ kind: 'ready' });
    const status = claimStatus(evaluate(packet), exported(packet), packetFingerprint(packet));
    expect(status).toEqual({ kind: 'exported', at: '2023-03-21T15:00:00', format: 'pdf' });
    expect(statusText(status)).toBe('Exported 03/21/2023 (PDF packet)');
  });

  it('is no longer exported once the claim changed, and says when it was', () => {
    const packet = completePacket();
    const changed = completePacket({ patient: { accountReference: 'ACCT-9' } });
    const row = claimRow('d', changed, evaluate(changed), exported(packet), packetFingerprint(changed));
    expect(row.status).toEqual({ kind: 'ready' });
    expect(row.changedSinceExport).toBe('2023-03-21T15:00:00');
    expect(packetFingerprint({ ...packet, updatedAt: 'later' })).toBe(packetFingerprint(packet));
  });

  it('is a draft, with what is left to fill in, while only missing values block it', () => {
    const missing = completePacket({ dates: { service: undefined } });
    const blocking = evaluate(missing).findings.filter((f) => f.severity === 'block');
    expect(blocking.every((f) => f.kind === 'missing')).toBe(true);
    const status = claimStatus(evaluate(missing), undefined, packetFingerprint(missing));
    expect(status).toEqual({ kind: 'draft', toFill: blocking.length });
    expect(statusText(status)).toBe(`Draft: ${blocking.length} to fill in`);
  });

  it('is blocked, with the count, when a value entered is wrong', () => {
    const wrong = completePacket({ providers: { billing: { npi: '1234567890' } }, dates: { service: undefined } });
    const status = claimStatus(evaluate(wrong), undefined, packetFingerprint(wrong));
    expect(status).toEqual({ kind: 'blocked', problems: evaluate(wrong).findings.filter((f) => f.severity === 'block').length });
    expect(statusText({ kind: 'blocked', problems: 1 })).toBe('Blocked: 1 problem');
  });
});

describe('claimRow and the search', () => {
  const packet = completePacket();
  const row = claimRow('d', packet, evaluate(packet), undefined, packetFingerprint(packet));

  it('gives the account, the drug, the code and the date of service as a biller reads them', () => {
    expect(row).toMatchObject({ account: 'ACC-0001', drug: 'Briumvi', ndc: '73150-0150-06', codes: 'J3590', dateOfService: '03/10/2023' });
    expect(row.title).toBe('ACC-0001 · Briumvi · 03/10/2023');
  });

  it('names the drug by its NDC when it has no name yet', () => {
    const unnamed = completePacket({ drugs: [{ brandName: '', genericName: '' }] });
    expect(claimRow('d', unnamed, evaluate(unnamed), undefined, '').drug).toBe('NDC 73150-0150-06');
  });

  it('finds a claim by account, drug, NDC (with or without hyphens), code or date, in any case', () => {
    for (const search of ['acc-0001', 'BRIUMVI', '73150-0150', '7315001500', 'j3590', '03/10/2023', '']) expect(matchesSearch(row, search), search).toBe(true);
    for (const search of ['ACCT-2', 'Remicade', 'J1745']) expect(matchesSearch(row, search), search).toBe(false);
  });
});
