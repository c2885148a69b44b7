/**
 * The vendor stand-in's case records: creation (once per MS-RequestId), notes, status and scope
 * changes, each reported to a change listener, and the whole book kept in a JSON data file.
 */
import { z } from 'zod';
import {
  ServiceRequestSchema,
  type NewNote,
  type NewServiceRequest,
  type ServiceRequest,
  type VendorCaseChange,
  type VendorCaseStatus,
  type VendorScope,
} from '../../../shared/vendor';
import { readJsonFile, writeJsonAtomically } from './json-file';

const BOOK_FORMAT = 'baton.vendor-standin.cases/1';

const CaseBookFileSchema = z.object({
  format: z.literal(BOOK_FORMAT),
  lastSequence: z.number().int().min(0),
  cases: z.array(ServiceRequestSchema),
  /** MS-RequestId → what it did ("create:<caseId>" or "note:<caseId>"), so a retried call is applied once. */
  appliedRequests: z.record(z.string(), z.string()),
  /** Per case, how many changes have been announced (the callback event's `sequence`). */
  changeCounts: z.record(z.string(), z.number().int()),
});
type CaseBookFile = z.infer<typeof CaseBookFileSchema>;

export type CaseChangeListener = (serviceRequest: ServiceRequest, change: VendorCaseChange, sequence: number) => void;

export interface CaseBook {
  all(): ServiceRequest[];
  find(caseId: string): ServiceRequest | undefined;
  /** Opens a case; a request id seen before returns the case it opened instead of a second one. */
  create(request: NewServiceRequest, requestId: string | undefined): { serviceRequest: ServiceRequest; replayed: boolean };
  /** Adds a note; a request id seen before adds nothing. Undefined when the case is unknown. */
  addNote(caseId: string, note: NewNote, requestId: string | undefined): ServiceRequest | undefined;
  setStatus(caseId: string, status: VendorCaseStatus): ServiceRequest | undefined;
  declareScope(caseId: string, scope: VendorScope): ServiceRequest | undefined;
  /** Resolves the case with the vendor engineer's closing note. */
  resolve(caseId: string, note: NewNote): ServiceRequest | undefined;
  /** Resolves when every change so far is on disk. */
  flush(): Promise<void>;
}

export interface CaseBookOptions {
  readonly dataFile?: string;
  readonly now: () => number;
  readonly onChange: CaseChangeListener;
  readonly onError: (error: unknown) => void;
}

export async function openCaseBook(options: CaseBookOptions): Promise<CaseBook> {
  const { dataFile, now, onChange, onError } = options;
  const content = dataFile ? await readJsonFile(dataFile) : undefined;
  const state: CaseBookFile =
    content === undefined
      ? { format: BOOK_FORMAT, lastSequence: 0, cases: [], appliedRequests: {}, changeCounts: {} }
      : CaseBookFileSchema.parse(content);
  const cases = new Map(state.cases.map((serviceRequest) => [serviceRequest.id, serviceRequest]));
  let writing: Promise<void> = Promise.resolve();

  const persist = (): void => {
    if (!dataFile) return;
    const snapshot: CaseBookFile = { ...state, cases: [...cases.values()] };
    writing = writing.then(() => writeJsonAtomically(dataFile, snapshot)).catch(onError);
  };

  const stamp = (): string => new Date(now()).toISOString();

  /** Applies `update` to a known case, records and announces the change. */
  const change = (
    caseId: string,
    kind: VendorCaseChange,
    update: (current: ServiceRequest, at: string) => ServiceRequest,
  ): ServiceRequest | undefined => {
    const current = cases.get(caseId);
    if (!current) return undefined;
    const updated = update(current, stamp());
    cases.set(caseId, updated);
    const sequence = (state.changeCounts[caseId] ?? 0) + 1;
    state.changeCounts[caseId] = sequence;
    persist();
    onChange(updated, kind, sequence);
    return updated;
  };

  return {
    all: () => [...cases.values()],
    find: (caseId) => cases.get(caseId),
    create(request, requestId) {
      const earlier = requestId ? state.appliedRequests[requestId] : undefined;
      const earlierCase = earlier?.startsWith('create:') ? cases.get(earlier.slice('create:'.length)) : undefined;
      if (earlierCase) return { serviceRequest: earlierCase, replayed: true };
      state.lastSequence += 1;
      // Partner Center case numbers are long digit strings; keep the look.
      const id = String(2_600_000_000_000_000 + state.lastSequence);
      const at = stamp();
      const serviceRequest: ServiceRequest = {
        ...request,
        id,
        status: 'open',
        scope: null,
        notes: [],
        createdDate: at,
        lastModifiedDate: at,
        lastClosedDate: null,
      };
      cases.set(id, serviceRequest);
      if (requestId) state.appliedRequests[requestId] = `create:${id}`;
      persist();
      return { serviceRequest, replayed: false };
    },
    addNote(caseId, note, requestId) {
      if (requestId && state.appliedRequests[requestId] === `note:${caseId}`) return cases.get(caseId);
      const updated = change(caseId, 'note-added', (current, at) => ({
        ...current,
        notes: [...current.notes, { ...note, createdDate: at }],
        lastModifiedDate: at,
      }));
      if (updated && requestId) {
        state.appliedRequests[requestId] = `note:${caseId}`;
        persist();
      }
      return updated;
    },
    setStatus: (caseId, status) =>
      change(caseId, 'status-changed', (current, at) => ({
        ...current,
        status,
        lastModifiedDate: at,
        lastClosedDate: status === 'closed' ? at : current.lastClosedDate,
      })),
    declareScope: (caseId, scope) =>
      change(caseId, 'scope-declared', (current, at) => ({ ...current, scope, lastModifiedDate: at })),
    resolve: (caseId, note) =>
      change(caseId, 'status-changed', (current, at) => ({
        ...current,
        status: 'resolved',
        notes: [...current.notes, { ...note, createdDate: at }],
        lastModifiedDate: at,
      })),
    flush: () => writing,
  };
}
