/**
 * The kind of an attached document, suggested from its file name ("invoice-mckesson-2023-03-01.pdf"
 * is an invoice): billers name scans by what they are. The words are looked for whole, in any case,
 * between the separators of a file name; the biller confirms or changes the suggestion.
 */
import type { DocumentKind } from './packet/schema';

/** Words (and runs of words) that name each kind, the most telling first. */
const WORDS: readonly (readonly [DocumentKind, readonly string[]])[] = [
  ['waste-record', ['waste', 'wastage', 'discard', 'discarded', 'jw']],
  ['administration-record', ['mar', 'administration', 'admin record', 'infusion record', 'infusion log', 'nursing note', 'flowsheet']],
  ['prior-auth-approval', ['prior auth', 'prior authorization', 'preauth', 'pre auth', 'authorization', 'auth approval', 'pa approval', 'pa letter']],
  ['abn', ['abn', 'advance beneficiary notice']],
  ['package-insert', ['package insert', 'insert', 'pi', 'label', 'prescribing information']],
  ['compendia', ['compendia', 'compendium', 'nccn', 'drugdex', 'micromedex']],
  ['fda-approval', ['fda', 'approval letter', 'fda approval', 'listing']],
  ['compound-worksheet', ['compound', 'compounding', 'worksheet']],
  ['clinical-trial', ['trial', 'nct', 'protocol', 'sponsor']],
  ['proof-of-delivery', ['pod', 'proof of delivery', 'delivery']],
  ['invoice', ['invoice', 'inv', 'receipt', 'bill of sale', 'packing slip']],
  ['order', ['order', 'orders', 'rx', 'prescription', 'script', 'referral']],
  ['medical-record', ['medical record', 'record', 'records', 'chart', 'progress note', 'notes', 'note', 'visit']],
];

/** The file name as words: "Invoice_McKesson-2023.03.01.PDF" → " invoice mckesson 2023 03 01 " (the extension dropped). */
function words(fileName: string): string {
  const base = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return ` ${base.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** The kind the file name suggests, `undefined` when it names none. */
export function suggestDocumentKind(fileName: string): DocumentKind | undefined {
  const text = words(fileName);
  return WORDS.find(([, names]) => names.some((name) => text.includes(` ${name} `)))?.[0];
}
