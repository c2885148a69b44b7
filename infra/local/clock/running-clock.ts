/**
 * A virtual clock that runs at real speed: every tick it moves on by the real time gone by, one
 * advance at a time (an advance answers once the work it caused has settled, and the next one
 * catches up whatever passed meanwhile). So on a clock that starts at a chosen instant an
 * activity's retry, the outbox or the intake repair still fire as in production, and a jump with
 * `npm run clock` simply adds to the time gone by. `npm start -- --virtual-clock` and the browser
 * tests run the stack this way.
 */

/** How often the virtual clock catches up with the real time gone by. */
export const CLOCK_TICK_MS = 250;

/** Starts the ticking; answers a function that stops it and waits for the advance under way. */
export function keepClockRunning(
  stack: { advanceClock(ms: number): Promise<unknown> },
  tickMs: number = CLOCK_TICK_MS,
): () => Promise<void> {
  let caughtUpTo = Date.now();
  let advancing: Promise<void> | undefined;
  const tick = setInterval(() => {
    if (advancing !== undefined) return;
    const target = Date.now();
    advancing = stack.advanceClock(target - caughtUpTo).then(
      () => {
        caughtUpTo = target;
        advancing = undefined;
      },
      // A failed advance (the host restarting, say) is made up by the next one.
      () => {
        advancing = undefined;
      },
    );
  }, tickMs);
  return async () => {
    clearInterval(tick);
    await advancing;
  };
}
