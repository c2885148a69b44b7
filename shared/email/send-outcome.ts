/** How one send of an outbox message went, whatever its channel (email or Teams). */
export type SendOutcome =
  | { readonly kind: 'sent' }
  /** `permanent`: the service refused the message itself; sending it again cannot help. */
  | { readonly kind: 'failed'; readonly permanent: boolean; readonly error: string };
