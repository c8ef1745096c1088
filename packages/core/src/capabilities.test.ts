import { ACCESS_POLICY } from './access-policy';
import { defineCapabilities, tableAllows, type CapabilityOf } from './capabilities';
import type { FieldPolicy } from './field-policy';

describe('a subgraph\'s own capabilities', () => {
  const notes = defineCapabilities({ readNotes: ['CUSTOMER_ADMIN', 'CUSTOMER_VIEWER'], writeNotes: ['CUSTOMER_ADMIN'] });

  it('sit beside the core table, which they leave as it is', () => {
    expect(tableAllows(notes, 'readNotes', 'CUSTOMER_VIEWER')).toBe(true);
    expect(tableAllows(notes, 'writeNotes', 'CUSTOMER_VIEWER')).toBe(false);
    expect(tableAllows(notes, 'read', 'API_CLIENT')).toBe(true);
    expect(Object.keys(ACCESS_POLICY)).not.toContain('readNotes');
  });

  it('are names a field policy may use, with the core ones', () => {
    const policy: FieldPolicy<CapabilityOf<typeof notes>> = { Note: { id: 'readNotes', body: { owner: 'read', caller: 'writeNotes' } } };
    expect(Object.keys(policy.Note ?? {})).toEqual(['id', 'body']);
  });

  it.each([
    // @ts-expect-error: the core table already names it
    ['a core capability\'s name', () => defineCapabilities({ read: ['CUSTOMER_ADMIN'] }), /read: the core access policy already uses this name/],
    // @ts-expect-error: a field kind
    ['a field kind\'s name', () => defineCapabilities({ public: ['CUSTOMER_ADMIN'] }), /public: the core access policy already uses this name/],
    ['an empty row', () => defineCapabilities({ nobody: [] }), /nobody: no relation has it/],
    // @ts-expect-error: not a relation of the matrix
    ['an unknown relation', () => defineCapabilities({ odd: ['CUSTOMER_OWNER'] }), /odd: unknown relations CUSTOMER_OWNER/],
  ])('refuses %s', (_case, define, message) => {
    expect(define).toThrow(message);
  });
});
