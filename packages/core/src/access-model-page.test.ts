import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_POLICY, ACCESS_RELATIONS } from './access-policy';

/** docs/access-model.md is the repository's copy of the design: its matrix must be ACCESS_POLICY, cell for cell. */
const PAGE = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'access-model.md'), 'utf8');

/** The page's tables as rows of cells (header and separator rows included). */
function tableRows(): string[][] {
  return PAGE.split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('docs/access-model.md', () => {
  const rows = tableRows();
  /** Column abbreviation → relation, from the legend table (`| CA | \`CUSTOMER_ADMIN\` | … |`). */
  const legend = new Map(rows.filter((row) => /^`[A-Z_]+`$/.test(row[1] ?? '') && row.length === 3).map((row) => [row[0], row[1]?.slice(1, -1)]));
  const header = rows.find((row) => row[0] === 'capability') ?? [];

  it('names every relation in its legend and as a column of the matrix, in order', () => {
    expect([...legend.values()]).toEqual([...ACCESS_RELATIONS]);
    expect(header.slice(1).map((abbreviation) => legend.get(abbreviation))).toEqual([...ACCESS_RELATIONS]);
  });

  it('has the rows of ACCESS_POLICY, each with the cells the code has', () => {
    const matrix = Object.fromEntries(
      rows
        .filter((row) => row.length === header.length && /^`\w+`$/.test(row[0] ?? '') && row !== header)
        .map((row) => [row[0]?.slice(1, -1), ACCESS_RELATIONS.filter((_, index) => row[index + 1] === '✓')]),
    );
    const policy = Object.fromEntries(Object.entries(ACCESS_POLICY).map(([capability, relations]) => [capability, ACCESS_RELATIONS.filter((relation) => (relations as readonly string[]).includes(relation))]));
    expect(matrix).toEqual(policy);
  });

  it('says what each row means', () => {
    for (const capability of Object.keys(ACCESS_POLICY)) expect(PAGE).toContain(`- \`${capability}\`: `);
  });
});
