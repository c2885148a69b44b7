/**
 * Whether the company a requester names is the one on the contract. Case, accents, punctuation,
 * spacing and a trailing legal form do not matter ("Fabrikam, Inc." is "fabrikam inc" is
 * "Fabrikam"); every other letter does, so "Contoso Labs" or "Contosso" is not "Contoso Ltd".
 */

/** Trailing legal forms people leave out or spell differently; they never tell two customers apart. */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'plc', 'corp', 'corporation', 'co',
  'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'oy', 'pty', 'kk',
]);

export function companyKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  // The name itself always stays, even a company called "Limited".
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] ?? '')) {
    words.pop();
  }
  return words.join(' ');
}

export function sameCompany(named: string, onContract: string): boolean {
  const key = companyKey(named);
  return key !== '' && key === companyKey(onContract);
}
