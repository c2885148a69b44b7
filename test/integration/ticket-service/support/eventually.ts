/** Polls until `check` holds (bounded): emails and orchestrations land shortly after the answer. */
export async function eventually<T>(read: () => Promise<T> | T, check: (value: T) => boolean, attempts = 100, everyMs = 100): Promise<T> {
  let value = await read();
  for (let attempt = 0; attempt < attempts && !check(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await read();
  }
  return value;
}
