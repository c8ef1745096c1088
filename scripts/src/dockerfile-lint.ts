import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/**
 * Offline checks of the Dockerfile: what dockerfile-utils (the validator of
 * the Dockerfile language server) reports, errors and warnings alike, then the
 * image's own rules: several stages, every base image Node.js 22, the
 * production dependencies installed without the development ones, and a last
 * stage that runs as a numeric non-root user with exec-form commands.
 */

/** The Node.js major version every stage builds on. */
export const NODE_MAJOR = 22;

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** An image reference with `${NAME}` and `$NAME` replaced by the initial ARGs' defaults. */
function expand(reference: string, defaults: ReadonlyMap<string, string>): string {
  return reference.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => defaults.get(braced ?? bare ?? '') ?? whole);
}

export function dockerfileProblems(text: string): string[] {
  const problems = validate(text).map((diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  const dockerfile = DockerfileParser.parse(text);
  const defaults = new Map(
    dockerfile.getInitialARGs().flatMap((arg) => {
      const property = arg.getProperty();
      const value = property?.getValue();
      return property && value ? [[property.getName(), value] as const] : [];
    }),
  );
  const froms = dockerfile.getFROMs();
  const stages = new Set(froms.flatMap((from) => from.getBuildStage() ?? []));
  if (froms.length < 2) problems.push('a multi-stage build has at least two FROM instructions');
  for (const from of froms) {
    const image = expand(from.getImage() ?? '', defaults);
    if (stages.has(image)) continue;
    if (!new RegExp(`^node:${NODE_MAJOR}(\\.[\\d.]+)?(-[\\w.-]+)?(@sha256:[0-9a-f]{64})?$`).test(image)) {
      problems.push(`line ${lineOf(from)}: base image ${image || '(none)'} is not node:${NODE_MAJOR}`);
    }
  }
  const instructions = dockerfile.getInstructions();
  const runs = instructions.filter((instruction) => instruction.getKeyword() === 'RUN').map((run) => run.getRawArgumentsContent() ?? '');
  if (!runs.some((run) => /\bnpm ci\b[^&;]*--omit=dev/.test(run))) {
    problems.push('no RUN installs the production dependencies alone (npm ci --omit=dev)');
  }
  const lastFrom = froms.at(-1);
  const finalStage = lastFrom ? instructions.filter((instruction) => lineOf(instruction) > lineOf(lastFrom)) : [];
  const user = finalStage.filter((instruction) => instruction.getKeyword() === 'USER').at(-1);
  const uid = user?.getRawArgumentsContent()?.trim() ?? '';
  if (!/^[1-9]\d*(:\d+)?$/.test(uid)) {
    problems.push(
      user
        ? `line ${lineOf(user)}: the image runs as ${uid}; give a non-root user by number (Kubernetes checks runAsNonRoot against it)`
        : 'the last stage sets no USER: the image would run as root',
    );
  }
  for (const command of finalStage.filter((instruction) => ['CMD', 'ENTRYPOINT'].includes(instruction.getKeyword()))) {
    if (!(command.getRawArgumentsContent() ?? '').trim().startsWith('[')) {
      problems.push(`line ${lineOf(command)}: ${command.getKeyword()} in shell form: a shell would receive SIGTERM, not Node.js`);
    }
  }
  return problems;
}
