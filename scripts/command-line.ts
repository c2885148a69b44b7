/**
 * What every `npm run` command shares: where it writes, and how it ends. A command resolves with
 * its exit code; one that fails unexpectedly prints its message, never a stack trace, and exits 1.
 */

/** Where a command writes its text: standard output and standard error, or a test's buffers. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs `command` as the process's command: its resolved code is the exit code. */
export function runFromCommandLine(command: () => Promise<number>): void {
  command().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The exit code of a command called with arguments it cannot read. */
export const BAD_ARGUMENTS = 2;

/**
 * The command's arguments as `parse` reads them (node:util's parseArgs throws on an unknown or
 * ill-formed option); `undefined` once the problem and the usage are written to standard error.
 */
export function readArguments<T>(parse: () => T, usage: string, output: CommandOutput): T | undefined {
  try {
    return parse();
  } catch (error: unknown) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return undefined;
  }
}
