import os from 'node:os';
import { workerProcessCountOf } from '../../../infra/local/host/hosted-app';
import { describeError, HostToWorkerSchema, rebuildError, WorkerToHostSchema } from '../../../infra/local/host/worker/worker-messages';

describe('how many worker processes the local host runs', () => {
  it('runs as many as FUNCTIONS_WORKER_PROCESS_COUNT says', () => {
    expect(workerProcessCountOf({ FUNCTIONS_WORKER_PROCESS_COUNT: '3' })).toBe(3);
    expect(workerProcessCountOf({ FUNCTIONS_WORKER_PROCESS_COUNT: '1' })).toBe(1);
  });

  it('runs one per core without the setting, at most the ten Azure allows', () => {
    expect(workerProcessCountOf({})).toBe(Math.min(os.availableParallelism(), 10));
    expect(workerProcessCountOf({ FUNCTIONS_WORKER_PROCESS_COUNT: ' ' })).toBe(Math.min(os.availableParallelism(), 10));
  });

  it('refuses a count Azure would refuse, naming the setting', () => {
    for (const value of ['0', '11', '2.5', 'two']) {
      expect(() => workerProcessCountOf({ FUNCTIONS_WORKER_PROCESS_COUNT: value })).toThrow(/FUNCTIONS_WORKER_PROCESS_COUNT must be a whole number from 1 to 10/);
    }
  });
});

describe('the messages between the host and its workers', () => {
  it('carries bytes as bytes in an invocation request and its response', () => {
    const request = HostToWorkerSchema.parse({
      type: 'invoke',
      id: 1,
      functionName: 'upload',
      invocationId: 'a1',
      inputData: [{ name: 'request', data: { http: { method: 'POST', body: { bytes: new Uint8Array([1, 2, 3]) } } } }],
      triggerMetadata: {},
    });
    expect(request).toMatchObject({ type: 'invoke', inputData: [{ name: 'request' }] });
    const answer = WorkerToHostSchema.parse({ type: 'result', id: 1, response: { returnValue: { bytes: new Uint8Array([4]) } } });
    expect(answer).toEqual({ type: 'result', id: 1, response: { returnValue: { bytes: new Uint8Array([4]) } } });
  });

  it('refuses a message it does not know, or one missing what it needs', () => {
    expect(HostToWorkerSchema.safeParse({ type: 'reboot' }).success).toBe(false);
    expect(HostToWorkerSchema.safeParse({ type: 'clock' }).success).toBe(false);
    expect(WorkerToHostSchema.safeParse({ type: 'log', level: 'loud', source: 'worker', message: 'x' }).success).toBe(false);
    expect(WorkerToHostSchema.safeParse({ type: 'result', id: 1, response: { returnValue: { bytes: 'not bytes' } } }).success).toBe(false);
  });

  it('rebuilds the error a handler threw with its name, message and stack, whatever was thrown', () => {
    const thrown = new TypeError('no such ticket');
    expect(rebuildError(describeError(thrown))).toMatchObject({ name: 'TypeError', message: 'no such ticket', stack: thrown.stack });
    expect(rebuildError(describeError('plain text'))).toMatchObject({ name: 'Error', message: 'plain text' });
  });
});
