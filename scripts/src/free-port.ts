import { createServer } from 'node:net';
import { PortInUseError } from '@partnergraph/core';

/** Fails with a message naming the port and the variable that moves it when something already listens there. */
export function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} is already in use. Stop what is using it, or set ${variable} to another port.`)
          : error,
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
