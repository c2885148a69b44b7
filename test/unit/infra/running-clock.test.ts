import { keepClockRunning } from '../../../infra/local/clock/running-clock';

const T0 = Date.parse('2026-12-24T09:00:00Z');

describe('a virtual clock running at real speed', () => {
  beforeEach(() => jest.useFakeTimers({ now: T0 }));
  afterEach(() => jest.useRealTimers());

  it('moves on by exactly the real time gone by', async () => {
    const moves: number[] = [];
    const stop = keepClockRunning({ advanceClock: async (ms) => moves.push(ms) }, 250);

    await jest.advanceTimersByTimeAsync(1_000);
    await stop();

    expect(moves).toEqual([250, 250, 250, 250]);
  });

  it('runs one advance at a time, the next catching up whatever passed while one settled', async () => {
    const moves: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const slowAdvance = (ms: number): Promise<void> => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      moves.push(ms);
      return new Promise((resolve) =>
        setTimeout(() => {
          inFlight -= 1;
          resolve();
        }, 600),
      );
    };
    const stop = keepClockRunning({ advanceClock: slowAdvance }, 250);

    await jest.advanceTimersByTimeAsync(2_000);
    const stopping = stop();
    await jest.advanceTimersByTimeAsync(600);
    await stopping;

    expect(moves).toEqual([250, 750, 750]);
    expect(mostInFlight).toBe(1);
    expect(inFlight).toBe(0);
  });

  it('makes up a failed advance with the next one', async () => {
    const moves: number[] = [];
    let failNext = true;
    const stop = keepClockRunning(
      {
        advanceClock: async (ms) => {
          moves.push(ms);
          if (failNext) {
            failNext = false;
            throw new Error('the host is restarting');
          }
        },
      },
      250,
    );

    await jest.advanceTimersByTimeAsync(500);
    await stop();

    expect(moves).toEqual([250, 500]);
  });
});
