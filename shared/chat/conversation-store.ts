/**
 * Where conversations are kept: one Cosmos DB document each, under the hash of its resume token
 * (whoever reads the store cannot resume a conversation, as a stored ticket's access hash opens
 * nothing). Each write says when the conversation may go: `ttl` for Cosmos DB in Azure, `purgeAt`
 * for the purge that does the same where there is no TTL (the offline stand-in).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { ConversationSchema, type Conversation } from '../domain/chat/conversation';
import { InstantSchema } from '../domain/primitives';
import { createIfAbsent } from '../store/create-if-absent';
import { readDocument, type PointRead } from '../store/point-read';
import { queryDocuments } from '../store/query-documents';
import { classifyStoreError, type StoreFailure } from '../store/store-failure';
import { updateWithEtag, type EtagUpdate, type Mutation } from '../store/update-with-etag';

export const ConversationDocumentSchema = ConversationSchema.extend({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  purgeAt: InstantSchema,
  /** Seconds after the last write at which Cosmos DB deletes the document (the container's TTL is on). */
  ttl: z.number().int().positive(),
});
export type ConversationDocument = z.infer<typeof ConversationDocumentSchema>;

/** 256 random bits, URL-safe: the resume link's secret. */
export const ResumeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function newResumeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function conversationIdOf(resumeToken: string): string {
  return createHash('sha256').update(resumeToken, 'utf8').digest('hex');
}

export interface ConversationStore {
  create(resumeToken: string, conversation: Conversation): Promise<{ readonly kind: 'created' } | { readonly kind: 'exists' } | { readonly kind: 'failed'; readonly failure: StoreFailure }>;
  read(resumeToken: string): Promise<PointRead<ConversationDocument>>;
  /** ETag-guarded: `mutate` decides on the freshest copy, and runs again if another writer got there first. */
  update<R>(resumeToken: string, mutate: (current: Conversation) => Mutation<Conversation, R>): Promise<EtagUpdate<ConversationDocument, R>>;
  /** Deletes up to `limit` conversations whose keeping time is over; the index on `purgeAt` finds only those. */
  purgeDue(now: Date, limit: number): Promise<{ readonly kind: 'purged'; readonly count: number } | { readonly kind: 'failed'; readonly failure: StoreFailure }>;
}

export function cosmosConversationStore(container: Container, retentionHours: number): ConversationStore {
  const keepSeconds = retentionHours * 3600;
  const stamped = (id: string, conversation: Conversation): ConversationDocument => ({
    ...conversation,
    id,
    purgeAt: new Date(Date.parse(conversation.updatedAt) + keepSeconds * 1000).toISOString(),
    ttl: keepSeconds,
  });
  const withoutStamps = ({ id: _id, purgeAt: _purgeAt, ttl: _ttl, ...conversation }: ConversationDocument): Conversation => conversation;

  return {
    async create(resumeToken, conversation) {
      const created = await createIfAbsent(container, stamped(conversationIdOf(resumeToken), conversation));
      return created.kind === 'created' ? { kind: 'created' } : created;
    },
    read(resumeToken) {
      const id = conversationIdOf(resumeToken);
      return readDocument(container, id, id, ConversationDocumentSchema);
    },
    update(resumeToken, mutate) {
      const id = conversationIdOf(resumeToken);
      return updateWithEtag(
        container,
        id,
        id,
        (current: ConversationDocument) => {
          const mutation = mutate(withoutStamps(current));
          return mutation.kind === 'replace' ? { kind: 'replace', document: stamped(id, mutation.document) } : mutation;
        },
        { schema: ConversationDocumentSchema },
      );
    },
    async purgeDue(now, limit) {
      const due = await queryDocuments(
        container,
        { query: 'SELECT TOP @limit c.id FROM c WHERE c.purgeAt <= @now', parameters: [{ name: '@limit', value: limit }, { name: '@now', value: now.toISOString() }] },
        z.object({ id: z.string() }),
        { maxItems: limit },
      );
      if (due.kind === 'failed') return due;
      let count = 0;
      for (const { id } of due.documents) {
        try {
          await container.item(id, id).delete();
          count += 1;
        } catch (error: unknown) {
          const failure = classifyStoreError(error);
          // Gone already (Azure's TTL, or a purge on another instance): that is what was wanted.
          if (failure.kind !== 'not-found') return { kind: 'failed', failure };
        }
      }
      return { kind: 'purged', count };
    },
  };
}
