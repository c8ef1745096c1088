import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ingressAllowed,
  nameOf,
  readKustomizations,
  readManifests,
  schemaProblems,
  unknownFieldProblems,
  type KubernetesObject,
  type Manifest,
  type Source,
} from './deployment-manifests';

const ROOT = join(__dirname, '..', '..');
const MANIFESTS = join(ROOT, 'deploy', 'kubernetes');
/** Shows the Secrets' shape for people to create them; applying it would overwrite real keys. */
const SECRETS_EXAMPLE = 'secrets.example.yaml';

const SERVICES = { gateway: 4000, identity: 4001, subscriptions: 4002, 'device-telemetry': 4003 } as const;
type ServiceName = keyof typeof SERVICES;
const SUBGRAPHS = ['identity', 'subscriptions', 'device-telemetry'] as const;
/** Every pod has its own network namespace, so every service serves its metrics on the same port. */
const METRICS_PORT = 9400;
/** Where the metrics policy assumes Prometheus runs. */
const PROMETHEUS: Source = { labels: { 'app.kubernetes.io/name': 'prometheus' }, namespace: { name: 'monitoring' } };

interface Probe {
  httpGet?: { path?: string; port?: number | string };
}
interface Container {
  name: string;
  image?: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  restartPolicy?: string;
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

const { manifests, problems: readProblems } = readManifests(MANIFESTS);

function find(kind: string, name: string, from: readonly Manifest[] = manifests): Manifest {
  const found = from.find(({ object }) => object.kind === kind && object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in deploy/kubernetes`);
  return found;
}
function spec<T>(manifest: Manifest): T {
  return manifest.object.spec as T;
}
function podTemplate(kind: 'Deployment' | 'Job', name: string): PodTemplate {
  return spec<{ template: PodTemplate }>(find(kind, name)).template;
}
function labelsOf(name: ServiceName): Record<string, string> {
  return podTemplate('Deployment', name).metadata?.labels ?? {};
}
const policies = manifests.filter(({ object }) => object.kind === 'NetworkPolicy');
const settings = find('ConfigMap', 'partnergraph-settings').object.data as Record<string, string>;

/** A copy of the manifests with `change` made to one object's copy. */
function changed(kind: string, name: string, change: (object: KubernetesObject) => void): Manifest[] {
  return manifests.map((manifest) => {
    if (manifest.object.kind !== kind || manifest.object.metadata?.name !== name) return manifest;
    const object = structuredClone(manifest.object);
    change(object);
    return { ...manifest, object };
  });
}

describe('the Kubernetes manifests (deploy/kubernetes), checked offline', () => {
  it('parse, and every object is valid against its kind’s schema with no field the kind lacks', () => {
    expect(readProblems).toEqual([]);
    expect(manifests.length).toBeGreaterThan(20);
    expect(schemaProblems(manifests)).toEqual([]);
    expect(unknownFieldProblems(manifests)).toEqual([]);
  });

  it('are all applied by a kustomization, but the example Secrets, whose real ones are created by hand', () => {
    const kustomizations = readKustomizations(MANIFESTS);
    const listed = kustomizations.flatMap((kustomization) => kustomization.resources);
    for (const resource of listed) expect(existsSync(join(MANIFESTS, resource))).toBe(true);
    const files = [...new Set(manifests.map((manifest) => manifest.file))].filter((file) => file !== SECRETS_EXAMPLE);
    expect([...listed].sort()).toEqual(files.sort());
    // The migration Job has a kustomization of its own: it is applied, and waited for, before the rest.
    expect(kustomizations.find((kustomization) => kustomization.resources.includes('migrate/job.yaml'))?.resources).toEqual(['migrate/job.yaml']);
  });

  describe.each(Object.entries(SERVICES) as [ServiceName, number][])('%s', (name, port) => {
    const template = podTemplate('Deployment', name);
    const container = template.spec.containers[0];

    it('runs its build output from the one image, on its port', () => {
      expect(template.spec.containers).toHaveLength(1);
      expect(container?.image).toBe('partnergraph');
      const entry = container?.args?.[0] ?? '';
      expect(entry).toMatch(/^(gateway|subgraphs\/[\w-]+)\/dist\/index\.js$/);
      expect(entry).toContain(name === 'gateway' ? 'gateway/' : `subgraphs/${name}/`);
      expect(existsSync(join(ROOT, entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
      expect(container?.ports).toEqual([
        { name: 'http', containerPort: port },
        { name: 'metrics', containerPort: METRICS_PORT },
      ]);
      expect(container?.env?.find((variable) => variable.name === 'PORT')?.value).toBe(String(port));
    });

    it('serves its metrics on the pod’s address, on the port its scrape annotations name', () => {
      expect(container?.env?.find((variable) => variable.name === 'METRICS_PORT')?.value).toBe(String(METRICS_PORT));
      expect(settings.METRICS_HOST).toBe('0.0.0.0');
      expect(template.metadata?.annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(METRICS_PORT),
        'prometheus.io/path': '/metrics',
      });
    });

    it('is probed on the health routes: live for liveness and start-up, ready for readiness', () => {
      expect(container?.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container?.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container?.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    });

    it('asks for resources, caps its memory, and runs as a non-root user on a read-only root filesystem', () => {
      expect(container?.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(container?.resources?.limits?.memory).toEqual(expect.any(String));
      expect(template.spec.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, runAsUser: 1000 }));
      expect(container?.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    });

    it('has a Service onto its pods’ port, an autoscaler of its Deployment and a disruption budget over its pods', () => {
      const labels = labelsOf(name);
      const service = spec<{ selector: Record<string, string>; ports: { port: number; targetPort: string }[] }>(find('Service', name));
      expect(labels).toEqual(expect.objectContaining(service.selector));
      expect(service.ports).toEqual([expect.objectContaining({ port, targetPort: 'http' })]);
      const autoscaler = spec<{ scaleTargetRef: unknown; minReplicas: number; maxReplicas: number }>(find('HorizontalPodAutoscaler', name));
      expect(autoscaler.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(autoscaler.minReplicas).toBeGreaterThanOrEqual(2);
      const budget = spec<{ selector: { matchLabels: Record<string, string> }; minAvailable: number }>(find('PodDisruptionBudget', name));
      expect(labels).toEqual(expect.objectContaining(budget.selector.matchLabels));
      expect(budget.minAvailable).toBeLessThan(autoscaler.minReplicas);
      // The autoscaler owns the replica count: applying the Deployment again must not reset it.
      expect(spec<{ replicas?: number }>(find('Deployment', name)).replicas).toBeUndefined();
    });
  });

  it('let only the gateway reach the subgraphs, and subscriptions and device-telemetry reach identity for access decisions', () => {
    const otherPod = { 'app.kubernetes.io/name': 'somebody-else' };
    const migrationPod = podTemplate('Job', 'partnergraph-migrate').metadata?.labels ?? {};
    const reach = (from: Record<string, string>, to: ServiceName) => ingressAllowed(policies, { labels: from }, labelsOf(to), SERVICES[to]);
    for (const subgraph of SUBGRAPHS) {
      expect(reach(labelsOf('gateway'), subgraph)).toBe(true);
      expect(reach(otherPod, subgraph)).toBe(false);
      expect(reach(migrationPod, subgraph)).toBe(false);
      // Another port of an allowed peer stays closed: the metrics port is for Prometheus.
      expect(ingressAllowed(policies, { labels: labelsOf('gateway') }, labelsOf(subgraph), METRICS_PORT)).toBe(false);
      // A peer named by pod labels alone is a pod of the namespace: the gateway's labels elsewhere open nothing.
      expect(ingressAllowed(policies, { ...PROMETHEUS, labels: labelsOf('gateway') }, labelsOf(subgraph), SERVICES[subgraph])).toBe(false);
    }
    expect(reach(labelsOf('subscriptions'), 'identity')).toBe(true);
    expect(reach(labelsOf('device-telemetry'), 'identity')).toBe(true);
    expect(reach(labelsOf('subscriptions'), 'device-telemetry')).toBe(false);
    expect(reach(labelsOf('device-telemetry'), 'subscriptions')).toBe(false);
    expect(reach(labelsOf('identity'), 'subscriptions')).toBe(false);
    expect(reach(labelsOf('identity'), 'device-telemetry')).toBe(false);
    expect(reach(otherPod, 'gateway')).toBe(true);
    // The subgraphs find identity where the policy lets them reach it.
    expect(settings.IDENTITY_URL).toBe(`http://identity:${SERVICES.identity}/graphql`);
  });

  it('let pods of the monitoring namespace reach every service’s metrics port, and nothing else new', () => {
    const elsewhere: Source = { ...PROMETHEUS, namespace: { name: 'observability' } };
    for (const name of Object.keys(SERVICES) as ServiceName[]) {
      expect(ingressAllowed(policies, PROMETHEUS, labelsOf(name), METRICS_PORT)).toBe(true);
      expect(ingressAllowed(policies, elsewhere, labelsOf(name), METRICS_PORT)).toBe(false);
      expect(ingressAllowed(policies, { labels: labelsOf('gateway') }, labelsOf(name), METRICS_PORT)).toBe(false);
    }
    for (const subgraph of SUBGRAPHS) expect(ingressAllowed(policies, PROMETHEUS, labelsOf(subgraph), SERVICES[subgraph])).toBe(false);
    // The migration Job's pods serve no metrics and still accept nothing.
    const migrationPod = podTemplate('Job', 'partnergraph-migrate').metadata?.labels ?? {};
    expect(ingressAllowed(policies, PROMETHEUS, migrationPod, METRICS_PORT)).toBe(false);
  });

  it('give the gateway the database its field usage is written to, and device-telemetry its retention and an optional replica', () => {
    const gateway = podTemplate('Deployment', 'gateway').spec.containers[0];
    // FIELD_USAGE (on by default) adds its counts to FIELD_USAGE_DATABASE_URL, which defaults to DATABASE_URL.
    expect(gateway?.env?.find((variable) => variable.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({ name: 'partnergraph-connections', key: 'DATABASE_URL' });
    expect(Object.keys(settings).filter((setting) => setting.startsWith('FIELD_USAGE'))).toEqual([]);
    expect(settings.READING_RETENTION_DAYS).toBe('400');
    const telemetry = podTemplate('Deployment', 'device-telemetry').spec.containers[0];
    expect(telemetry?.env?.find((variable) => variable.name === 'DATABASE_READ_URL')?.valueFrom?.secretKeyRef).toEqual({
      name: 'partnergraph-connections',
      key: 'DATABASE_READ_URL',
      optional: true,
    });
  });

  it('read every secret from a Secret of secrets.example.yaml, each private key only where it signs', () => {
    const secrets = manifests.filter((manifest) => manifest.file === SECRETS_EXAMPLE);
    const keysOf = (name: string) => Object.keys((find('Secret', name, secrets).object.stringData ?? {}) as Record<string, string>);
    const containers = [
      ...(Object.keys(SERVICES) as ServiceName[]).flatMap((name) => podTemplate('Deployment', name).spec.containers.map((container) => ({ pod: name as string, container }))),
      ...podTemplate('Job', 'partnergraph-migrate').spec.containers.map((container) => ({ pod: 'migrate', container })),
    ];
    const readers = new Map<string, string[]>();
    for (const { pod, container } of containers) {
      for (const variable of container.env ?? []) {
        const reference = variable.valueFrom?.secretKeyRef;
        if (!reference) continue;
        expect(keysOf(reference.name)).toContain(reference.key);
        expect(reference.key).toBe(variable.name);
        readers.set(reference.key, [...(readers.get(reference.key) ?? []), pod]);
      }
    }
    expect(readers.get('INTERNAL_TOKEN_PRIVATE_KEY')).toEqual(['gateway']);
    expect(readers.get('INTERNAL_TOKEN_PUBLIC_KEY')).toEqual([...SUBGRAPHS]);
    expect(readers.get('ACCESS_TOKEN_PRIVATE_KEY')).toEqual(['identity']);
    expect(readers.get('SECRET_ENCRYPTION_KEYS')).toEqual(['identity']);
    expect(readers.get('DATABASE_READ_URL')).toEqual(['device-telemetry']);
  });

  it('set only settings that docs/operations.md documents', () => {
    const operations = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8');
    expect(Object.keys(settings).filter((setting) => !operations.includes(`\`${setting}\``))).toEqual([]);
  });

  it('migrate every subgraph in a Job that runs each one’s migrations alone, once', () => {
    const job = podTemplate('Job', 'partnergraph-migrate').spec;
    expect(job.restartPolicy).toBe('Never');
    expect(job.containers.map((container) => container.args)).toEqual(SUBGRAPHS.map((name) => [`subgraphs/${name}/dist/migrate.js`]));
    for (const name of SUBGRAPHS) expect(existsSync(join(ROOT, 'subgraphs', name, 'src', 'migrate.ts'))).toBe(true);
  });

  describe('refuse a broken copy', () => {
    it('a file that is not YAML', () => {
      const directory = mkdtempSync(join(tmpdir(), 'partnergraph-manifests-'));
      try {
        const identity = readFileSync(join(MANIFESTS, 'identity.yaml'), 'utf8');
        writeFileSync(join(directory, 'identity.yaml'), identity.replace('  selector:\n', '  selector:\n   - oops\n'));
        const { problems } = readManifests(directory);
        expect(problems).toEqual([expect.stringMatching(/^identity\.yaml#0: /)]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });

    it('a port that is not a number, a probe without a port, a memory limit that is no quantity', () => {
      const broken = changed('Deployment', 'identity', (object) => {
        const container = (object.spec as { template: PodTemplate }).template.spec.containers[0] as unknown as Record<string, unknown>;
        container.ports = [{ name: 'http', containerPort: 'four thousand and one' }];
        container.livenessProbe = { httpGet: { path: '/health/live' } };
        container.resources = { limits: { memory: 'plenty' } };
      });
      const problems = schemaProblems(broken);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^identity\.yaml#0 Deployment\/identity: /);
      expect(problems[0]).toContain('containerPort must be integer');
      expect(problems[0]).toContain('livenessProbe/httpGet must have required property');
      expect(problems[0]).toContain('memory must match format "quantity"');
    });

    it('a field the kind does not have, which the JSON schemas let through', () => {
      const broken = changed('Deployment', 'gateway', (object) => {
        const container = (object.spec as { template: PodTemplate }).template.spec.containers[0] as unknown as Record<string, unknown>;
        container.imagePullPolice = 'Always';
      });
      expect(schemaProblems(broken)).toEqual([]);
      expect(unknownFieldProblems(broken)).toEqual([expect.stringMatching(/^gateway\.yaml#0 Deployment\/gateway: .*'"?imagePullPolice"?' does not exist in type 'IContainer'/)]);
    });

    it('a kind with no schema here', () => {
      const broken = [...manifests, { file: 'ingress.yaml', index: 0, object: { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'old' } } }];
      expect(schemaProblems(broken)).toEqual(['ingress.yaml#0 Ingress/old: no schema for extensions/v1beta1 Ingress']);
    });

    it('a network policy that lets any pod in', () => {
      const broken = changed('NetworkPolicy', 'subscriptions-from-gateway', (object) => {
        (object.spec as { ingress: unknown[] }).ingress = [{ ports: [{ protocol: 'TCP', port: 4002 }] }];
      }).filter(({ object }) => object.kind === 'NetworkPolicy');
      expect(ingressAllowed(broken, { labels: labelsOf('device-telemetry') }, labelsOf('subscriptions'), 4002)).toBe(true);
      expect(nameOf(find('NetworkPolicy', 'subscriptions-from-gateway', broken))).toBe('network-policy.yaml#3 NetworkPolicy/subscriptions-from-gateway');
    });

    it('a metrics policy open to every namespace, or to the migration Job', () => {
      const migrationPod = podTemplate('Job', 'partnergraph-migrate').metadata?.labels ?? {};
      const elsewhere: Source = { labels: {}, namespace: { name: 'observability' } };
      const broken = changed('NetworkPolicy', 'metrics-from-monitoring', (object) => {
        const metricsSpec = object.spec as { podSelector: { matchExpressions: { values: string[] }[] }; ingress: unknown[] };
        metricsSpec.podSelector.matchExpressions[0]?.values.push('migration');
        metricsSpec.ingress = [{ from: [{ namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: METRICS_PORT }] }];
      }).filter(({ object }) => object.kind === 'NetworkPolicy');
      expect(ingressAllowed(broken, elsewhere, labelsOf('identity'), METRICS_PORT)).toBe(true);
      expect(ingressAllowed(broken, PROMETHEUS, migrationPod, METRICS_PORT)).toBe(true);
      expect(ingressAllowed(policies, elsewhere, labelsOf('identity'), METRICS_PORT)).toBe(false);
    });
  });
});
