import type { Server } from 'node:http';

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/**
 * Starts listening and resolves with the bound port. A taken port becomes an
 * error that says which port and which variable changes it.
 */
export function listen(server: Server, options: { host: string; port: number; portVariable: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new PortInUseError(
            `Port ${options.port} on ${options.host} is already in use. Stop what is using it, or set ${options.portVariable} to another port.`,
          ),
        );
      } else {
        reject(error);
      }
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : options.port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, options.host);
  });
}
