import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../evaluate';
import type { ClaimPacket } from '../packet/schema';
import { NO_REFERENCE } from '../reference';
import { isPacket, SEEDS, validCase, validEditCounts } from '../../test-support/packet-arbitraries';
import { completePacket, evaluate } from '../test-fixtures';
import { buildClaimExport, claimExportJson, claimOfFile, readExport } from './json-packet';

const EXAMPLE = join(import.meta.dirname, '../../../examples/05-briumvi-partial-dose-waste.json');
const EXPORTED_AT = '2023-03-17T10:15:00.000Z';
const REFERENCE = [{ kind: 'CMS ASP NDC-HCPCS crosswalk', label: 'January 2023' }];

function exportText(packet: ClaimPacket): string {
  return claimExportJson(buildClaimExport(packet, evaluate(packet), { exportedAt: EXPORTED_AT, reference: REFERENCE }));
}

describe('JSON export', () => {
  it('writes the packet, its evaluation, the attachment manifest and the reference versions', () => {
    const packet = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as ClaimPacket;
    const evaluation = evaluateClaim(packet, NO_REFERENCE, '2023-03-17');
    const file = JSON.parse(claimExportJson(buildClaimExport(packet, evaluation, { exportedAt: EXPORTED_AT, reference: REFERENCE })));
    expect(file).toMatchObject({ format: 'noc-claim-export', version: 1, exportedAt: EXPORTED_AT, reference: REFERENCE });
    expect(file.packet).toEqual(packet);
    expect(file.evaluation).toEqual(JSON.parse(JSON.stringify({
      decision: evaluation.decision, lines: evaluation.lines, claimForm: evaluation.claimForm.strings, payment: evaluation.payment,
      timelyFiling: evaluation.timelyFiling, checklist: evaluation.checklist, findings: evaluation.findings, exportable: true,
    })));
    expect(file.attachments).toEqual([
      { id: 'att-1', drugId: 'drug-1', name: 'waste-record-2023-03-10.pdf', kind: 'waste-record', mediaType: 'application/pdf', size: 41208, sha256: 'ac2baf0caf66001da1e02bb48f221525fad0559df3e582e40c0f8016a26765a2' },
      { id: 'att-2', drugId: 'drug-1', name: 'invoice-mckesson-2023-03-01.pdf', kind: 'invoice', mediaType: 'application/pdf', size: 95873, sha256: 'db31031842f9644add3d10b240220934590df3ce04b3678c1b81fceda7aa5fc0' },
    ]);
  });

  it('reads an export back to the same packet, with what the file says about itself', () => {
    const packet = completePacket();
    const result = readExport(exportText(packet));
    expect(result).toEqual({ ok: true, packet, saved: { status: 'complete', exportedAt: EXPORTED_AT, attachments: [], reference: REFERENCE } });
  });

  it('saves a claim that is not complete as a draft, said first in the file, and reads it back whole', () => {
    const packet = completePacket({ dates: { service: undefined }, drugs: [{ administration: { dose: { value: '' } } }] });
    const text = exportText(packet);
    const file = JSON.parse(text);
    expect(Object.keys(file).slice(0, 4)).toEqual(['format', 'version', 'status', 'note']);
    expect(file.status).toBe('draft');
    expect(file.note).toMatch(/^DRAFT, NOT FOR SENDING: this claim is not complete; \d+ problems block it/);
    expect(file.evaluation.exportable).toBe(false);
    expect(readExport(text)).toMatchObject({ ok: true, packet, saved: { status: 'draft' } });
    expect(JSON.parse(exportText(completePacket()))).not.toHaveProperty('note');
  });

  it('reads a bare claim packet', () => {
    const packet = completePacket();
    expect(readExport(JSON.stringify(packet))).toEqual({ ok: true, packet, saved: null });
  });

  it('reads a file saved with a UTF-8 byte-order mark before the JSON, packet or export', () => {
    const packet = completePacket();
    expect(readExport(`\uFEFF${JSON.stringify(packet)}`)).toEqual({ ok: true, packet, saved: null });
    expect(readExport(`\uFEFF${exportText(packet)}`)).toMatchObject({ ok: true, packet });
  });

  it('finds the claim a file holds for the checks: the packet of an export, or the value itself', () => {
    const packet = completePacket();
    expect(claimOfFile(JSON.parse(exportText(packet)))).toEqual({ ok: true, claim: packet });
    expect(claimOfFile(packet)).toEqual({ ok: true, claim: packet });
    expect(claimOfFile([1])).toEqual({ ok: true, claim: [1] });
    expect(claimOfFile({ format: 'noc-claim-export', version: 2 })).toEqual({ ok: false, message: expect.stringContaining('claim export version 2') });
  });

  it.each([
    ['text that is not JSON', '{"format": "noc-claim-export", ', /is not JSON text/],
    ['JSON that is not ours', '{"hello": 1}', /is not a claim saved by NOC Claim Wizard/],
    ['a list', '[1, 2]', /is not a claim saved by NOC Claim Wizard/],
    ['an export from a newer version', '{"format": "noc-claim-export", "version": 2}', /^This file was saved by a newer version of NOC Claim Wizard \(claim export version 2\)\. Update the wizard/],
    ['a packet from a newer version', '{"format": "noc-claim-packet", "version": 3}', /^This file was saved by a newer version of NOC Claim Wizard \(claim packet version 3\)/],
    ['an export without a version', '{"format": "noc-claim-export"}', /has no version this wizard can read/],
    ['an export without a packet', '{"format": "noc-claim-export", "version": 1}', /the claim inside it cannot be read/],
  ])('refuses %s with a message for the biller', (_label, text, message) => {
    const result = readExport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('names the field when the packet has a value of the wrong shape, and when the manifest is damaged', () => {
    const file = JSON.parse(exportText(completePacket()));
    expect(readExport(JSON.stringify({ ...file, packet: { ...file.packet, dates: { service: 20230310 } } })))
      .toEqual({ ok: false, message: expect.stringMatching(/^The claim in this file has a value the wizard cannot read: Date of service\. The day the drug was given\. Written like 2024-05-06\.$/) });
    expect(readExport(JSON.stringify({ ...file, attachments: 'none' }))).toEqual({ ok: false, message: expect.stringContaining('attachment list') });
  });
});

// ── Property: export, then read, gives back the packet ─────────────────────────────────────────

describe('JSON export round trip (property)', () => {
  it('the generator reaches free text, sizes, flags and optional fields of every seed', () => {
    const counts = validEditCounts();
    expect(SEEDS.length).toBeGreaterThan(30);
    expect(counts.free).toBeGreaterThan(1000);
    expect(counts.sizes).toBeGreaterThan(0);
    expect(counts.flags).toBeGreaterThan(50);
    expect(counts.optional).toBeGreaterThan(1000);
  });

  it('export then read gives back a deep-equal packet, for 1,000 generated packets', () => {
    fc.assert(fc.property(validCase, ({ input, reference, today }) => {
      const packet = input as ClaimPacket;
      expect(isPacket(packet)).toBe(true);
      const text = claimExportJson(buildClaimExport(packet, evaluateClaim(packet, reference, today), { exportedAt: EXPORTED_AT, reference: REFERENCE }));
      const result = readExport(text);
      expect(result.ok && result.packet).toEqual(packet);
    }), { numRuns: 1000 });
  }, 120_000);
});
