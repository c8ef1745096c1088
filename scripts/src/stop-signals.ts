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
