import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';

/**
 * Offline checks of the Kubernetes manifests under deploy/kubernetes, against
 * the official API schemas as the kubernetes-models package ships them (its
 * JSON-schema validators, compiled from Kubernetes' OpenAPI document, and its
 * TypeScript types of the same objects): no cluster, no network.
 */

/** One object of a manifest file, where it was read. */
export interface Manifest {
  /** The file, relative to the directory read. */
  file: string;
  /** Its place among the file's documents, from 0. */
  index: number;
  object: KubernetesObject;
}

/** What every Kubernetes object has; the rest is checked against its kind's schema. */
export interface KubernetesObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** A kind the checks know: its model (JSON-schema validation) and the module and interface of its type. */
interface KnownKind {
  model: new (data: never) => { validate(): void };
  module: string;
  type: string;
}

/** The kinds the manifests may use, by `apiVersion/kind`; another kind is a problem until it is added here. */
const KINDS: Readonly<Record<string, KnownKind>> = {
  'v1/Namespace': { model: Namespace, module: 'kubernetes-models/v1/Namespace', type: 'INamespace' },
  'v1/ConfigMap': { model: ConfigMap, module: 'kubernetes-models/v1/ConfigMap', type: 'IConfigMap' },
  'v1/Secret': { model: Secret, module: 'kubernetes-models/v1/Secret', type: 'ISecret' },
  'v1/Service': { model: Service, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'apps/v1/Deployment': { model: Deployment, module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'batch/v1/Job': { model: Job, module: 'kubernetes-models/batch/v1/Job', type: 'IJob' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
  'networking.k8s.io/v1/NetworkPolicy': {
    model: NetworkPolicy,
    module: 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
    type: 'INetworkPolicy',
  },
};

export const KUSTOMIZATION_FILE = 'kustomization.yaml';

/** `file#index kind/name`, how a problem names the object it is about. */
export function nameOf({ file, index, object }: Manifest): string {
  return `${file}#${index} ${String(object.kind)}/${object.metadata?.name ?? '(no name)'}`;
}

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)))
    .sort();
}

/** Every object of every YAML file under `directory` but the kustomizations, and the files that do not parse. */
export function readManifests(directory: string): { manifests: Manifest[]; problems: string[] } {
  const manifests: Manifest[] = [];
  const problems: string[] = [];
  for (const file of yamlFiles(directory).filter((path) => !path.endsWith(KUSTOMIZATION_FILE))) {
    parseAllDocuments(readFileSync(join(directory, file), 'utf8')).forEach((document, index) => {
      if (document.errors.length > 0) {
        problems.push(...document.errors.map((error) => `${file}#${index}: ${error.message}`));
        return;
      }
      const object: unknown = document.toJS();
      if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        problems.push(`${file}#${index}: not a Kubernetes object`);
        return;
      }
      manifests.push({ file, index, object: object as KubernetesObject });
    });
  }
  return { manifests, problems };
}

/** Each kustomization under `directory` (its path, and the files it lists as resources). */
export function readKustomizations(directory: string): { file: string; resources: string[] }[] {
  return yamlFiles(directory)
    .filter((path) => path.endsWith(KUSTOMIZATION_FILE))
    .map((file) => {
      const parsed = parseAllDocuments(readFileSync(join(directory, file), 'utf8'))[0]?.toJS() as { resources?: string[] } | undefined;
      const folder = file.slice(0, -KUSTOMIZATION_FILE.length);
      return { file, resources: (parsed?.resources ?? []).map((resource) => `${folder}${resource}`) };
    });
}

function knownKind(object: KubernetesObject): KnownKind | undefined {
  return KINDS[`${String(object.apiVersion)}/${String(object.kind)}`];
}

/**
 * What the schemas refuse: an unknown kind, and whatever the kind's JSON
 * schema does (a missing required field, a wrong type, a quantity or port that
 * is not one).
 */
export function schemaProblems(manifests: readonly Manifest[]): string[] {
  return manifests.flatMap((manifest) => {
    const kind = knownKind(manifest.object);
    if (!kind) return [`${nameOf(manifest)}: no schema for ${String(manifest.object.apiVersion)} ${String(manifest.object.kind)}`];
    try {
      new kind.model(manifest.object as never).validate();
      return [];
    } catch (error) {
      return [`${nameOf(manifest)}: ${error instanceof Error ? error.message : String(error)}`];
    }
  });
}

/**
 * What the JSON schemas let through: a field the kind does not have (a typo
 * such as `imagePullPolice`), which a cluster ignores or refuses. Each object is
 * type-checked, as an object literal, against its kind's TypeScript type, whose
 * excess-property check names the unknown field and the type it is not in.
 */
export function unknownFieldProblems(manifests: readonly Manifest[]): string[] {
  const checked = manifests.filter((manifest) => knownKind(manifest.object));
  // One line per object, so a diagnostic's line is the object's place in `checked`.
  const source = checked
    .map(({ object }, line) => {
      const kind = knownKind(object);
      return `export const object${line}: import('${kind?.module}').${kind?.type} = ${JSON.stringify(object)};`;
    })
    .join('\n');
  const file = join(__dirname, '__deployment-manifests__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : readSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const sourceFile = program.getSourceFile(file);
  return program.getSemanticDiagnostics(sourceFile).map((diagnostic) => {
    const line = sourceFile && diagnostic.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line : -1;
    const manifest = checked[line];
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    return manifest ? `${nameOf(manifest)}: ${message}` : message;
  });
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}
interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  ports?: { port?: number | string; protocol?: string }[];
}

/** A pod that opens a connection: its labels, and its namespace when that is not the policies' own. */
export interface Source {
  labels: Record<string, string>;
  /** Its namespace's name and labels; Kubernetes labels every namespace with its name, as `kubernetes.io/metadata.name`. */
  namespace?: { name: string; labels?: Record<string, string> };
}

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function matches({ key, operator, values = [] }: { key: string; operator: string; values?: string[] }, labels: Record<string, string>): boolean {
  const value = labels[key];
  switch (operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      throw new Error(`label selector operator ${operator} is not one Kubernetes knows`);
  }
}

function selects(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  return (
    Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value) &&
    (selector?.matchExpressions ?? []).every((requirement) => matches(requirement, labels))
  );
}

/**
 * Whether a peer of a rule names the source pod: a podSelector alone names
 * pods of the policy's namespace, a namespaceSelector alone every pod of the
 * namespaces it selects, both together the selected pods of those namespaces.
 * An ipBlock names addresses, which the checks take as naming no pod.
 */
function peerIncludes(peer: NetworkPolicyPeer, source: Source, policyNamespace: string | undefined): boolean {
  if (peer.ipBlock !== undefined || (peer.podSelector === undefined && peer.namespaceSelector === undefined)) return false;
  const namespace = source.namespace;
  const inNamespace =
    peer.namespaceSelector === undefined
      ? namespace === undefined || namespace.name === policyNamespace
      : selects(peer.namespaceSelector, { ...namespace?.labels, [NAMESPACE_NAME_LABEL]: namespace?.name ?? policyNamespace ?? '' });
  return inNamespace && (peer.podSelector === undefined || selects(peer.podSelector, source.labels));
}

/**
 * Whether the NetworkPolicies let the pod `from` open a TCP connection to port
 * `port` of a pod labelled `to` in the policies' namespace, as Kubernetes
 * decides it: a pod no policy selects for ingress accepts anything; a selected
 * pod accepts what one of the selecting policies' rules allows. Only the forms
 * the manifests use are understood (label selectors, numeric ports); a peer
 * with an ipBlock counts as allowing no pod.
 */
export function ingressAllowed(policies: readonly Manifest[], from: Source, to: Record<string, string>, port: number): boolean {
  const selecting = policies
    .map(({ object }) => ({
      namespace: object.metadata?.namespace,
      spec: object.spec as { podSelector?: LabelSelector; policyTypes?: string[]; ingress?: NetworkPolicyRule[] },
    }))
    .filter(({ spec }) => selects(spec.podSelector, to) && (spec.policyTypes ?? ['Ingress']).includes('Ingress'));
  if (selecting.length === 0) return true;
  return selecting.some(({ namespace, spec }) =>
    (spec.ingress ?? []).some((rule) => {
      const peerAllowed = rule.from === undefined || rule.from.some((peer) => peerIncludes(peer, from, namespace));
      const portAllowed = rule.ports === undefined || rule.ports.some((allowed) => (allowed.protocol ?? 'TCP') === 'TCP' && (allowed.port === undefined || allowed.port === port));
      return peerAllowed && portAllowed;
    }),
  );
}
