/**
 * Calls `stop` on Ctrl-C (SIGINT), on SIGTERM, and when this process's parent
 * goes away. npm does not pass SIGTERM on to the script it runs: when
 * `npm start` is terminated, this process is re-parented. Noticing that
 * within a second keeps a supervisor's SIGTERM from leaving the services and
 * database behind.
 */
export function whenStopRequested(stop: () => void): void {
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1_000).unref();
}

export interface Shutdown {
  /** True once a stop has begun. */
  readonly started: boolean;
  /**
   * Runs the stop, once however often it is asked for (a signal and the parent's
   * end may both ask), and exits, when it is done, with the code of whoever asked first.
   */
  stopAndExit(exitCode: number): Promise<never>;
}

export function shutdownOnce(stop: () => Promise<void>): Shutdown {
  let stopped: Promise<void> | undefined;
  return {
    get started() {
      return stopped !== undefined;
    },
    async stopAndExit(exitCode) {
      stopped ??= stop();
      await stopped;
      process.exit(exitCode);
    },
  };
}
