/**
 * Whether the company a requester names is the one on the contract. Case, accents, punctuation,
 * spacing, dots between initials and a trailing legal form do not matter ("Fabrikam, Inc." is
 * "fabrikam inc" is "Fabrikam", "Nestlé S.A." is "Nestle"); every other letter does, so "Contoso Labs" or "Contosso" is not "Contoso Ltd".
 */

/** Trailing legal forms people leave out or spell differently; they never tell two customers apart. */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'plc', 'corp', 'corporation', 'co',
  'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'oy', 'pty', 'kk',
]);

/**
 * Initials are one word however they are written: "S.A.", "S A" and "SA" are all the legal form
 * "sa", and "A.P. Moller" is "AP Moller".
 */
function withInitialsJoined(words: readonly string[]): string[] {
  const joined: string[] = [];
  let initials = '';
  for (const word of words) {
    if (word.length === 1) {
      initials += word;
      continue;
    }
    if (initials !== '') joined.push(initials);
    initials = '';
    joined.push(word);
  }
  if (initials !== '') joined.push(initials);
  return joined;
}

export function companyKey(name: string): string {
  const separated = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Stryker disable next-line Regex: without `+` a run of separators leaves empty words, which the filter drops all the same
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const words = withInitialsJoined(separated);
  // The name itself always stays, even a company called "Limited".
  // Stryker disable next-line StringLiteral: the fallback is never read, as the loop runs only while two words remain
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] ?? '')) {
    words.pop();
  }
  return words.join(' ');
}

export function sameCompany(named: string, onContract: string): boolean {
  const key = companyKey(named);
  return key !== '' && key === companyKey(onContract);
}
