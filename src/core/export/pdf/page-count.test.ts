import { describe, expect, it } from 'vitest';
import { samplePdf } from '../../../test-support/sample-files';
import { pdfPageCount } from './page-count';

describe('pdfPageCount', () => {
  it('counts the pages of a PDF, and says nothing of a file that is not one', async () => {
    expect(await pdfPageCount(await samplePdf('INVOICE', 3))).toBe(3);
    expect(await pdfPageCount(await samplePdf('ORDER', 1))).toBe(1);
    expect(await pdfPageCount(new TextEncoder().encode('%PDF-1.4\nnot really a PDF'))).toBeUndefined();
  });
});
