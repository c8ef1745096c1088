import { nameProblem, subgraphNames } from './names';

describe('a new subgraph\'s name', () => {
  it.each(['site-notes', 'rack-audits2', 'abc', 'a'.repeat(30)])('accepts %s', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ['ab', /3 to 30/],
    ['a'.repeat(31), /3 to 30/],
    ['Site-notes', /lowercase/],
    ['site--notes', /single hyphens/],
    ['-site', /lowercase/],
    ['site-', /lowercase/],
    ['2notes', /start with a letter/],
    ['site_notes', /lowercase/],
    ['gateway', /reserved/],
    ['organization', /reserved/],
    ['pg-notes', /reserved/],
  ])('refuses %s', (name, message) => {
    expect(nameProblem(name)).toMatch(message);
  });

  it('is spelled for types, fields, the database schema and sentences', () => {
    expect(subgraphNames('site-notes')).toEqual({
      name: 'site-notes',
      pascal: 'SiteNotes',
      camel: 'siteNotes',
      schema: 'site_notes',
      title: 'Site notes',
    });
  });
});
