import { describe, expect, it } from 'vitest';
import { suggestDocumentKind } from './document-kind';

describe('suggestDocumentKind', () => {
  it.each([
    ['invoice-mckesson-2023-03-01.pdf', 'invoice'], ['INV_4471.PDF', 'invoice'], ['McKessonInvoice.pdf', 'invoice'],
    ['waste-record-2023-03-10.pdf', 'waste-record'], ['Briumvi wastage.jpg', 'waste-record'],
    ['MAR 03-10.pdf', 'administration-record'], ['infusion_record.png', 'administration-record'],
    ['signed-order.pdf', 'order'], ['Rx Briumvi.pdf', 'order'],
    ['prior-auth-approval.pdf', 'prior-auth-approval'], ['PA letter 2023.pdf', 'prior-auth-approval'],
    ['Briumvi package insert.pdf', 'package-insert'], ['briumvi-label.pdf', 'package-insert'],
    ['ABN signed.pdf', 'abn'], ['FDA approval letter.pdf', 'fda-approval'], ['NCCN listing.pdf', 'compendia'],
    ['compounding worksheet.pdf', 'compound-worksheet'], ['NCT01234567 protocol.pdf', 'clinical-trial'],
    ['proof-of-delivery.pdf', 'proof-of-delivery'], ['progress note 03-10.pdf', 'medical-record'],
  ])('suggests %s is a %s', (name, kind) => {
    expect(suggestDocumentKind(name)).toBe(kind);
  });

  it('suggests nothing for a name that says nothing, and never from a word inside another word', () => {
    expect(suggestDocumentKind('scan0001.pdf')).toBeUndefined();
    expect(suggestDocumentKind('IMG_2044.JPG')).toBeUndefined();
    expect(suggestDocumentKind('marginal.pdf')).toBeUndefined();
    expect(suggestDocumentKind('reorder.pdf')).toBeUndefined();
  });
});
