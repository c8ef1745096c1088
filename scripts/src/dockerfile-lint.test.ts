import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileProblems } from './dockerfile-lint';

const DOCKERFILE = readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8');

/** The Dockerfile with `from` replaced by `to`, which must be in it. */
function broken(from: string | RegExp, to: string): string {
  const changed = DOCKERFILE.replace(from, to);
  if (changed === DOCKERFILE) throw new Error(`${String(from)} is not in the Dockerfile`);
  return changed;
}

describe('the Dockerfile, checked offline', () => {
  it('has nothing the validator or the image’s rules object to', () => {
    expect(dockerfileProblems(DOCKERFILE)).toEqual([]);
  });

  describe('refuses a broken copy', () => {
    it.each<[string, string | RegExp, string, RegExp]>([
      ['an unknown instruction', 'EXPOSE 4000', 'EXPOSE 4000\nCOPPY a b', /Unknown instruction: COPPY/],
      ['a port that is not one', 'EXPOSE 4000', 'EXPOSE http', /Invalid containerPort: http/],
      ['a base image of another Node.js', 'ARG NODE_IMAGE=node:22-bookworm-slim', 'ARG NODE_IMAGE=node:20-bookworm-slim', /base image node:20-bookworm-slim is not node:22/],
      ['a single stage', /FROM \$\{NODE_IMAGE\} AS build[\s\S]*FROM \$\{NODE_IMAGE\}\n/, 'FROM ${NODE_IMAGE}\n', /at least two FROM/],
      ['root', 'USER 1000:1000', 'USER root', /runs as root; give a non-root user by number/],
      ['a user by name', 'USER 1000:1000', 'USER node', /runs as node; give a non-root user by number/],
      ['no user', 'USER 1000:1000\n', '', /sets no USER/],
      ['the development dependencies in production', 'npm ci --omit=dev', 'npm ci', /npm ci --omit=dev/],
      ['a command in shell form', 'CMD ["gateway/dist/index.js"]', 'CMD node gateway/dist/index.js', /CMD in shell form/],
    ])('%s', (_name, from, to, problem) => {
      expect(dockerfileProblems(broken(from, to))).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
    });
  });
});
