import type { Capability } from './access-policy';

/**
 * How each field of the supergraph is governed: by a capability of the
 * access matrix (access-policy.ts), or by one of these kinds. Each subgraph
 * lists every field of its schema; its shield rules are built from that list,
 * and the access-matrix test walks the composed supergraph against the
 * merged lists.
 */
export type FieldKind =
  /** Anyone, anonymous callers included; the resolver returns only what the caller may know of. */
  | 'public'
  /** The caller's own session or identity. */
  | 'self'
  /** Reached only through a field whose own entry decides; objects inside are checked as their own types. */
  | 'parent'
  /** An entity's key in a subgraph that extends the entity: the gateway already holds it, and the owning subgraph's entry decides what clients see. */
  | 'gateway-key'
  /** Hidden from clients (@inaccessible): for the gateway and the subgraphs only. */
  | 'subgraphs-only';

/**
 * Capabilities a field needs, and of whom; all that are given must allow.
 * `TCapability`: the core table's names, or a subgraph's own table's
 * (defineCapabilities in capabilities.ts).
 */
export interface CapabilityRule<TCapability extends string = Capability> {
  /** Of the organization that owns the parent object. */
  owner?: TCapability;
  /** Of the caller's own standing: its own organization, or its principal kind when it has none. */
  caller?: TCapability;
  /** Of the organization an argument names, directly or through the object it names. */
  target?: TCapability;
  /** Of at least one organization: feeds that span every organization the caller may read. */
  anyOrganization?: TCapability;
  /** With `owner`: a caller's own record is theirs to read whatever the capability says. */
  orSelf?: true;
  /** With `owner`: without this capability the value is cut rather than refused (IP addresses to their last two segments). */
  cutWithout?: TCapability;
}

/** A bare capability is shorthand for `{ owner: capability }`. */
export type FieldAccess<TCapability extends string = Capability> = FieldKind | TCapability | CapabilityRule<TCapability>;

/** Type name → field name → how it is governed. */
export type FieldPolicy<TCapability extends string = Capability> = Readonly<Record<string, Readonly<Record<string, FieldAccess<TCapability>>>>>;

/** Entries for fields governed alike, such as every field of a type that only a checked field reaches. */
export function allFields<const TFields extends readonly string[], const TAccess extends FieldAccess<string> = FieldAccess>(
  access: TAccess,
  fields: TFields,
): Record<TFields[number], TAccess> {
  return Object.fromEntries(fields.map((field) => [field, access])) as Record<TFields[number], TAccess>;
}

const KINDS: readonly string[] = ['public', 'self', 'parent', 'gateway-key', 'subgraphs-only'] satisfies FieldKind[];

export function isFieldKind<TCapability extends string>(access: FieldAccess<TCapability>): access is FieldKind {
  return typeof access === 'string' && KINDS.includes(access);
}

/** The capability form of an entry that is not a kind. */
export function capabilityRule<TCapability extends string>(access: Exclude<FieldAccess<TCapability>, FieldKind>): CapabilityRule<TCapability> {
  return typeof access === 'string' ? { owner: access } : access;
}

/**
 * The supergraph's policy from each subgraph's: a field several subgraphs
 * resolve (a shared value type, an entity's key) must be governed alike, save
 * that `gateway-key` yields to the owning subgraph's entry.
 */
export function mergeFieldPolicies<TCapability extends string = Capability>(policies: readonly FieldPolicy<TCapability>[]): FieldPolicy<TCapability> {
  const merged: Record<string, Record<string, FieldAccess<TCapability>>> = {};
  for (const policy of policies) {
    for (const [typeName, fields] of Object.entries(policy)) {
      const into = (merged[typeName] ??= {});
      for (const [field, access] of Object.entries(fields)) {
        const known = into[field];
        if (known === undefined || known === 'gateway-key') into[field] = access;
        else if (access !== 'gateway-key' && JSON.stringify(known) !== JSON.stringify(access)) {
          throw new Error(`${typeName}.${field} is governed by ${JSON.stringify(known)} in one subgraph and ${JSON.stringify(access)} in another`);
        }
      }
    }
  }
  return merged;
}
