/**
 * Staff are named to customers by first name only: enough to be personal, not enough to look
 * someone up. `undefined` when the name has no word in it.
 */
export function firstNameOf(fullName: string): string | undefined {
  const first = fullName.trim().split(/\s+/)[0];
  return first === undefined || first === '' ? undefined : first;
}
