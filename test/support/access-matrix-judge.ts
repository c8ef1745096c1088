import { capabilityRule, isFieldKind, type AccessRelation, type Capability, type FieldPolicy } from '@partnergraph/core';
import type { GraphQLResponse } from './http';
import type { SelectionNode } from './supergraph-selections';

/*
 * What a walk of the supergraph saw, field by field, and the access matrix's
 * verdict on it: each observation is one field of one object as one principal
 * received it (a value, FORBIDDEN, another error), with the organization that
 * owns the object; judge() compares each with what the table and the field
 * policy say for that principal's relation to that organization.
 */

export type Outcome =
  /** A value, null included, and no error at this path. */
  | { kind: 'value'; value: unknown }
  | { kind: 'error'; code: string }
  /** Null with no error of its own: an error below it made it null (a non-null field refused). */
  | { kind: 'nulled' };

export interface Observation {
  who: string;
  typeName: string;
  field: string;
  path: string;
  /** The organization that owns the object holding the field; null when nothing says. */
  owner: string | null;
  /** That object's id, when it was selected and seen. */
  objectId: string | null;
  /** For a root mutation: the organization its arguments name. */
  target: string | null;
  /** For the answer of a mutation that opens a session (signIn): its user and their organization. */
  session: Session | null;
  outcome: Outcome;
}

export interface Session {
  userId: string;
  organizationId: string;
}

/** An object that appeared in an answer: its type and id. */
export interface Appearance {
  who: string;
  typeName: string;
  id: string;
  path: string;
}

/** What the walk knows about the seeded objects. */
export interface Registry {
  /** The organization that owns an object, by type and id; an Organization owns itself. */
  ownerOf(typeName: string, id: string): string | null;
  /** Devices, and their sensors and incidents, that are not monitored. */
  isUnmonitored(typeName: string, id: string): boolean;
  /** A device's stored IP address. */
  ipAddressOf(deviceId: string): string | null;
}

/** Records the observations and appearances of one answer to a selection tree. */
export function observe(
  response: GraphQLResponse<Record<string, unknown>>,
  tree: SelectionNode,
  context: { who: string; registry: Registry; owner: string | null; target: string | null; session: Session | null },
): { observations: Observation[]; appearances: Appearance[]; requestErrors: string[] } {
  const errors = response.body.errors ?? [];
  const byPath = new Map<string, string>();
  const below = new Set<string>();
  const requestErrors: string[] = [];
  for (const error of errors) {
    const code = String(error.extensions?.code ?? 'NO_CODE');
    if (!error.path) {
      requestErrors.push(`${code}: ${error.message}`);
      continue;
    }
    const path = error.path.join('.');
    if (!byPath.has(path)) byPath.set(path, code);
    for (let end = 1; end < error.path.length; end += 1) below.add(error.path.slice(0, end).join('.'));
  }
  const observations: Observation[] = [];
  const appearances: Appearance[] = [];
  const { who, target, session } = context;
  const record = (typeName: string, field: string, path: string, owner: string | null, objectId: string | null, outcome: Outcome) =>
    observations.push({ who, typeName, field, path, owner, objectId, target: null, session, outcome });

  /**
   * The errors below a field an error made null: each is the outcome of the
   * field it names, on an object whose owner nothing tells any more.
   */
  const recordErrorsBelow = (node: SelectionNode, path: string) => {
    for (const [errorPath, code] of byPath) {
      if (!errorPath.startsWith(`${path}.`)) continue;
      let current: SelectionNode | undefined = node;
      let parentType = node.returnType;
      for (const segment of errorPath.slice(path.length + 1).split('.')) {
        if (/^\d+$/.test(segment) || current === undefined) continue;
        parentType = current.returnType;
        current = current.children?.find((candidate) => candidate.field === segment);
      }
      if (current) record(parentType, current.field, errorPath, null, null, { kind: 'error', code });
    }
  };

  const visit = (node: SelectionNode, holder: Record<string, unknown>, path: string, owner: string | null, objectId: string | null) => {
    for (const child of node.children ?? []) {
      const childPath = path === '' ? child.field : `${path}.${child.field}`;
      const code = byPath.get(childPath);
      const value = holder[child.field];
      const nulled = (value === null || value === undefined) && below.has(childPath);
      const outcome: Outcome = code !== undefined ? { kind: 'error', code } : nulled ? { kind: 'nulled' } : { kind: 'value', value };
      record(node.returnType, child.field, childPath, owner, objectId, outcome);
      if (code === undefined && nulled) recordErrorsBelow(child, childPath);
      if (child.children === null || value === null || value === undefined) continue;
      const items = Array.isArray(value) ? value.map((item, index) => [item, `${childPath}.${index}`] as const) : [[value, childPath] as const];
      for (const [item, itemPath] of items) {
        if (item === null || typeof item !== 'object') continue;
        const object = item as Record<string, unknown>;
        const id = typeof object.id === 'string' ? object.id : null;
        const typeName = typeof object.__typename === 'string' ? object.__typename : child.returnType;
        if (id !== null) appearances.push({ who, typeName, id, path: itemPath });
        const known = id === null ? null : context.registry.ownerOf(typeName, id);
        visit(child, object, itemPath, known ?? owner, id);
      }
    }
  };

  // A refused non-null root field leaves no data at all; its error still says what happened to it.
  const data = response.body.data ?? {};
  const root: SelectionNode = { ...tree, returnType: tree.parentType, children: [tree] };
  if (requestErrors.length === 0) visit(root, data, '', context.owner, null);
  const [rootObservation] = observations;
  if (rootObservation) rootObservation.target = target;
  return { observations, appearances, requestErrors };
}

/** The access matrix as the judge reads it: capability → relations that have it. */
export type AccessTable = Readonly<Record<Capability, readonly AccessRelation[]>>;

/** Who each principal is to each organization, as the seeded world makes them: the test's own statement, not the code's. */
export interface RelationOracle {
  /** How `who` stands to `organizationId`. */
  relation(who: string, organizationId: string): AccessRelation;
  /** How `who` stands on its own: to its own organization, or as the principal it is. */
  callerRelation(who: string): AccessRelation;
  /** For a principal that stands to no organization (anonymous, collector, operator): how it stands to every one. */
  unaffiliated(who: string): AccessRelation | null;
  /** Every organization of the world, for capabilities of any organization. */
  organizations: readonly string[];
  /** Whether `id` is `who`'s own user. */
  isSelf(who: string, typeName: string, id: string | null): boolean;
}

export interface Verdict {
  /** One line per field, principal and outcome that differ from the table. */
  mismatches: string[];
  /** Observations the table cannot judge, such as a null left by an error below it. */
  undecided: Observation[];
}

const NOT_FOUND = /NOT_FOUND$/;

function cell(table: AccessTable, capability: Capability, relation: AccessRelation): boolean {
  return table[capability].includes(relation);
}

/** Whether the table lets `observation.who` have the field, or a description of why it cannot say. */
function allowed(observation: Observation, policy: FieldPolicy, table: AccessTable, oracle: RelationOracle): boolean | string {
  const access = policy[observation.typeName]?.[observation.field];
  if (access === undefined) return 'no entry in the field policy';
  if (access === 'subgraphs-only') return 'reachable by clients, though the field policy says subgraphs only';
  if (isFieldKind(access)) return true;
  const rule = capabilityRule(access);
  const { who } = observation;
  const ownerRelation = () => (observation.owner === null ? oracle.unaffiliated(who) : oracle.relation(who, observation.owner));
  if (rule.owner) {
    const { session } = observation;
    // A session just opened: its user's record is theirs, and names their organization (README: Who sees what).
    const self = rule.orSelf === true && (oracle.isSelf(who, observation.typeName, observation.objectId) || observation.objectId === session?.userId);
    const sessionsOwn = rule.owner === 'knowOrganization' && session !== null && observation.owner === session.organizationId;
    const relation = ownerRelation();
    if (relation === null && !self && !sessionsOwn) return `no owning organization known for ${rule.owner}`;
    if (!self && !sessionsOwn && relation !== null && !cell(table, rule.owner, relation)) return false;
  }
  if (rule.caller && !cell(table, rule.caller, oracle.callerRelation(who))) return false;
  if (rule.target) {
    if (observation.target === null) return `no target organization known for ${rule.target}`;
    if (!cell(table, rule.target, oracle.relation(who, observation.target))) return false;
  }
  const anyOrganization = rule.anyOrganization;
  if (anyOrganization && !oracle.organizations.some((organization) => cell(table, anyOrganization, oracle.relation(who, organization)))) {
    return false;
  }
  return true;
}

function describe(outcome: Outcome): string {
  if (outcome.kind === 'error') return outcome.code;
  if (outcome.kind === 'nulled') return 'null from an error below';
  return `a value (${JSON.stringify(outcome.value)?.slice(0, 60)})`;
}

/**
 * Compares every observation with the table: an allowed field must carry a
 * value (for a mutation, anything but FORBIDDEN, UNAUTHENTICATED or, when it
 * names an organization, a not-found code), a refused one FORBIDDEN (a
 * mutation aimed at an organization the caller cannot read may answer
 * not-found instead); a cut field must be cut exactly when the table says.
 */
export function judge(
  observations: readonly Observation[],
  { policy, table, oracle, registry }: { policy: FieldPolicy; table: AccessTable; oracle: RelationOracle; registry: Registry },
): Verdict {
  const mismatches = new Set<string>();
  const undecided: Observation[] = [];
  const errorPaths = observations
    .filter((observation) => observation.outcome.kind === 'error')
    .map((observation) => `${observation.who} ${observation.path}`);
  for (const observation of observations) {
    const { who, typeName, field, outcome } = observation;
    const verdict = allowed(observation, policy, table, oracle);
    const relation = observation.owner === null ? oracle.callerRelation(who) : oracle.relation(who, observation.owner);
    const subject = `${typeName}.${field} for ${who} (${observation.target !== null ? oracle.relation(who, observation.target) : relation})`;
    if (typeof verdict === 'string') {
      mismatches.add(`${subject} at ${observation.path}: ${verdict}`);
      continue;
    }
    if (outcome.kind === 'nulled') {
      // Decided by the errors below it, each judged as the field it names; undecided only if none is.
      if (!errorPaths.some((path) => path.startsWith(`${observation.who} ${observation.path}.`))) undecided.push(observation);
      continue;
    }
    const isMutation = typeName === 'Mutation';
    const access = policy[typeName]?.[field];
    const targetCapability = access !== undefined && !isFieldKind(access) ? capabilityRule(access).target : undefined;
    const aimed = targetCapability !== undefined && observation.target !== null;
    const code = outcome.kind === 'error' ? outcome.code : null;
    let ok: boolean;
    if (verdict) {
      ok = isMutation ? code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED' && !(aimed && code !== null && NOT_FOUND.test(code)) : code === null;
    } else {
      const readsTarget = aimed && observation.target !== null && cell(table, 'read', oracle.relation(who, observation.target));
      ok = code === 'FORBIDDEN' || (isMutation && aimed && !readsTarget && code !== null && NOT_FOUND.test(code));
    }
    const expected = verdict ? (isMutation ? 'past the shield' : 'a value') : 'FORBIDDEN';
    if (!ok) {
      mismatches.add(`${subject}: expected ${expected}, got ${describe(outcome)}`);
      continue;
    }
    const cutWithout = access !== undefined && !isFieldKind(access) ? capabilityRule(access).cutWithout : undefined;
    if (verdict && cutWithout && outcome.kind === 'value' && typeof outcome.value === 'string' && observation.objectId !== null) {
      const full = registry.ipAddressOf(observation.objectId);
      const cut = outcome.value.startsWith('x.') || outcome.value.startsWith('x:');
      const shouldCut = !cell(table, cutWithout, relation);
      if (cut !== shouldCut || (!cut && outcome.value !== full)) {
        mismatches.add(`${subject}: expected ${shouldCut ? 'the value cut' : `the full value ${full}`}, got ${outcome.value}`);
      }
    }
  }
  return { mismatches: [...mismatches].sort(), undecided };
}

/** What an object needs to exist for a caller: the owner capability governing its `id`, and whether a caller's own record always does. */
function existenceOf(policy: FieldPolicy, typeName: string): { capability: Capability; orSelf: boolean } | null {
  const access = policy[typeName]?.id;
  if (access === undefined || isFieldKind(access)) return null;
  const rule = capabilityRule(access);
  return rule.owner ? { capability: rule.owner, orSelf: rule.orSelf === true } : null;
}

/** Whether the table lets `who` see the object at all: its type's existence capability, and unmonitoredEquipment for unmonitored equipment. */
export function mayExist(
  who: string,
  typeName: string,
  id: string,
  { policy, table, oracle, registry }: { policy: FieldPolicy; table: AccessTable; oracle: RelationOracle; registry: Registry },
): boolean | null {
  const existence = existenceOf(policy, typeName);
  const owner = registry.ownerOf(typeName, id);
  if (existence === null || owner === null) return null;
  if (existence.orSelf && oracle.isSelf(who, typeName, id)) return true;
  const relation = oracle.relation(who, owner);
  if (!cell(table, existence.capability, relation)) return false;
  return !registry.isUnmonitored(typeName, id) || cell(table, 'unmonitoredEquipment', relation);
}
