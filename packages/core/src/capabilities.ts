import { ACCESS_POLICY, ACCESS_RELATIONS, type AccessRelation, type Capability } from './access-policy';
import { isFieldKind, type FieldKind } from './field-policy';

/**
 * Capabilities as the access matrix states them: each names the relations
 * (the matrix's columns, which identity's AccessDecision carries) that have
 * it. ACCESS_POLICY is the core table; a subgraph may add rows of its own
 * with defineCapabilities, without editing core.
 */
export type CapabilityTable<TCapability extends string = Capability> = Readonly<Record<TCapability, readonly AccessRelation[]>>;

/** The capability names of a table: `CapabilityOf<typeof notesCapabilities>`. */
export type CapabilityOf<TTable> = TTable extends CapabilityTable<infer TCapability> ? TCapability : never;

/** A subgraph's own rows: names the core table and the field kinds do not use, each a list of relations. */
export type OwnCapabilities<TOwn> = {
  readonly [TName in keyof TOwn]: TName extends Capability | FieldKind ? never : readonly AccessRelation[];
};

/**
 * The core table with a subgraph's own capabilities added, for its field
 * policy and shield rules (rulesFromPolicy's `capabilities`):
 * `defineCapabilities({ readNotes: ['CUSTOMER_ADMIN', 'CUSTOMER_VIEWER'] })`.
 * A name the core table or a field kind already uses, an unknown relation or
 * an empty row is refused (by the type checker, and at start-up).
 */
export function defineCapabilities<const TOwn extends Record<string, readonly AccessRelation[]>>(
  own: TOwn & OwnCapabilities<TOwn>,
): CapabilityTable<Capability | Extract<keyof TOwn, string>> {
  const problems: string[] = [];
  for (const [name, relations] of Object.entries(own) as [string, readonly string[]][]) {
    if (name in ACCESS_POLICY || isFieldKind(name as FieldKind)) problems.push(`${name}: the core access policy already uses this name`);
    if (relations.length === 0) problems.push(`${name}: no relation has it`);
    const unknown = relations.filter((relation) => !(ACCESS_RELATIONS as readonly string[]).includes(relation));
    if (unknown.length > 0) problems.push(`${name}: unknown relations ${unknown.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`invalid capabilities:\n  ${problems.join('\n  ')}`);
  return { ...ACCESS_POLICY, ...own } as CapabilityTable<Capability | Extract<keyof TOwn, string>>;
}

/** The table's cell: whether `relation` has `capability` in `table`. */
export function tableAllows<TCapability extends string>(table: CapabilityTable<TCapability>, capability: TCapability, relation: AccessRelation): boolean {
  const relations: readonly AccessRelation[] | undefined = table[capability];
  if (relations === undefined) throw new Error(`no capability ${capability} in the table`);
  return relations.includes(relation);
}
