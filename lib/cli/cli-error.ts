/** An error the CLI reports as one line and a given exit code (2 = bad usage or unknown reference). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
