import { rm } from 'node:fs/promises';
import process from 'node:process';
import { SHARED_DATABASE } from './global-setup.mjs';

/** Releases global-setup.mjs's reference; the last one stops the embedded server and removes its directory. */
export default async function globalTeardown() {
  const shared = globalThis[SHARED_DATABASE];
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  delete globalThis[SHARED_DATABASE];
  if (!shared.embedded) return;
  delete process.env.DATABASE_URL;
  await shared.embedded.server.stop();
  await rm(shared.embedded.dir, { recursive: true, force: true });
}
