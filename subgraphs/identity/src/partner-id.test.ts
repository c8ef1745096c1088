import { PartnerIdError, derivePartnerId, isValidPartnerId, withCollisionSuffix } from './partner-id';

describe('derivePartnerId', () => {
  it.each<[name: string, partnerId: string]>([
    // The example from the Partner ID article.
    ['Acme, Inc.', 'ACME_INC'],
    // Punctuation and spacing: every run of other characters is one underscore.
    ["O'Brien & Co.", 'O_BRIEN_AND_CO'],
    ['  spaced   out  ', 'SPACED_OUT'],
    ['dots.and-dashes/slashes', 'DOTS_AND_DASHES_SLASHES'],
    ['Smith & Sons', 'SMITH_AND_SONS'],
    ['AT&T', 'AT_AND_T'],
    ['__Acme__Inc__', 'ACME_INC'],
    ['already_VALID_42', 'ALREADY_VALID_42'],
    // Accents fold; letters NFKD leaves alone are transliterated.
    ['Société Générale', 'SOCIETE_GENERALE'],
    ['Müller GmbH', 'MULLER_GMBH'],
    ['Ærø Data', 'AERO_DATA'],
    ['Straße IT', 'STRASSE_IT'],
    ['Łódź Systems', 'LODZ_SYSTEMS'],
    ['Þór Œuvres', 'THOR_OEUVRES'],
    ['Đorđević d.o.o.', 'DORDEVIC_D_O_O'],
    // Compatibility forms: full-width letters, digits, space and ampersand.
    ['３Ｍ　Ｃｏｍｐａｎｙ', '3M_COMPANY'],
    ['Ｒ＆Ｄ Labs', 'R_AND_D_LABS'],
    // Non-Latin scripts leave nothing; the Latin part stays.
    ['Acme 株式会社', 'ACME'],
    ['Привет Acme', 'ACME'],
    // Digits are allowed anywhere, first included.
    ['3M Company', '3M_COMPANY'],
    ['123', '123'],
    // Capped at 40, at an underscore when that keeps at least half.
    ['International Business Machines Corporation of America', 'INTERNATIONAL_BUSINESS_MACHINES'],
    ['Alpha Bravo Charlie Delta Echo Foxtrots Golf', 'ALPHA_BRAVO_CHARLIE_DELTA_ECHO_FOXTROTS'],
    ['Alpha Bravo Charlie Delta Echo Foxtrot 1 Golf', 'ALPHA_BRAVO_CHARLIE_DELTA_ECHO_FOXTROT_1'],
    ['X Pneumonoultramicroscopicsilicovolcanoconiosis Labs', 'X_PNEUMONOULTRAMICROSCOPICSILICOVOLCANOC'],
  ])('%j → %s', (name, partnerId) => {
    const derived = derivePartnerId(name);
    expect(derived).toBe(partnerId);
    expect(isValidPartnerId(derived)).toBe(true);
  });

  it('cuts a long name to at most 40 characters and never leaves a trailing underscore', () => {
    // Cutting this at exactly 40 characters would end in "_".
    const derived = derivePartnerId('Alpha Bravo Charlie Delta Echo Foxtrots Golf');
    expect(derived.length).toBeLessThanOrEqual(40);
    expect(derived.endsWith('_')).toBe(false);
    expect(derivePartnerId('X Pneumonoultramicroscopicsilicovolcanoconiosis Labs')).toHaveLength(40);
  });

  it.each<[name: string]>([
    ['株式会社'],
    ['Ωμέγα'],
    ['Привет'],
    ['!!!'],
    ['---'],
    ['   '],
    [''],
    // One character is below the minimum length of 2.
    ['X'],
    ['A株式会社'],
  ])('refuses %j with PARTNER_ID_UNUSABLE_NAME', (name) => {
    expect(() => derivePartnerId(name)).toThrow(PartnerIdError);
    expect(() => derivePartnerId(name)).toThrow(
      expect.objectContaining({ name: 'PartnerIdError', code: 'PARTNER_ID_UNUSABLE_NAME' }),
    );
  });

  it('says which name could not be used and what a Partner ID must be', () => {
    expect(() => derivePartnerId('株式会社')).toThrow(
      'Cannot derive a Partner ID from the organization name "株式会社": it leaves "" once reduced to Latin letters and digits. ' +
        'Choose a Partner ID of 2 to 40 uppercase letters A-Z, digits 0-9 and single underscores between them.',
    );
  });
});

describe('isValidPartnerId', () => {
  it.each<[value: string, valid: boolean]>([
    ['ACME_INC', true],
    ['3M_COMPANY', true],
    ['123', true],
    ['AB', true],
    ['A_B', true],
    ['ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ', true],
    ['acme_inc', false],
    ['Acme_Inc', false],
    ['ACME INC', false],
    ['ACME-INC', false],
    ['_ACME', false],
    ['ACME_', false],
    ['ACME__INC', false],
    ['_', false],
    ['', false],
    ['A', false],
    ['ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJK', false],
    ['ÉCOLE', false],
  ])('%j → %s', (value, valid) => {
    expect(isValidPartnerId(value)).toBe(valid);
  });
});

describe('withCollisionSuffix', () => {
  const fortyLetters = 'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJ';

  it.each<[base: string, taken: string[], partnerId: string]>([
    ['ACME_INC', [], 'ACME_INC'],
    ['ACME_INC', ['OTHER', 'ACME_INC_2'], 'ACME_INC'],
    ['ACME_INC', ['ACME_INC'], 'ACME_INC_2'],
    ['ACME_INC', ['ACME_INC', 'ACME_INC_2'], 'ACME_INC_3'],
    ['ACME_INC', ['ACME_INC', 'ACME_INC_3'], 'ACME_INC_2'],
    [
      'ACME_INC',
      ['ACME_INC', 'ACME_INC_2', 'ACME_INC_3', 'ACME_INC_4', 'ACME_INC_5', 'ACME_INC_6', 'ACME_INC_7', 'ACME_INC_8', 'ACME_INC_9'],
      'ACME_INC_10',
    ],
    // A long base is shortened at an underscore so the suffix fits in 40.
    [
      'ALPHA_BRAVO_CHARLIE_DELTA_ECHO_FOXTROT_1',
      ['ALPHA_BRAVO_CHARLIE_DELTA_ECHO_FOXTROT_1'],
      'ALPHA_BRAVO_CHARLIE_DELTA_ECHO_FOXTROT_2',
    ],
    ['INTERNATIONAL_BUSINESS_MACHINES_CORP_AB', ['INTERNATIONAL_BUSINESS_MACHINES_CORP_AB'], 'INTERNATIONAL_BUSINESS_MACHINES_CORP_2'],
    // …or mid-word when it has no underscore to cut at.
    [fortyLetters, [fortyLetters], 'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_2'],
    [
      fortyLetters,
      [
        fortyLetters,
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_2',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_3',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_4',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_5',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_6',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_7',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_8',
        'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGH_9',
      ],
      'ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFG_10',
    ],
  ])('%s with %j taken → %s', (base, taken, partnerId) => {
    const result = withCollisionSuffix(base, new Set(taken));
    expect(result).toBe(partnerId);
    expect(result.length).toBeLessThanOrEqual(40);
    expect(isValidPartnerId(result)).toBe(true);
  });

  it.each<[base: string]>([['acme_inc'], [''], ['ACME_'], ['ACME__INC'], ['ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJK']])(
    'refuses the invalid base %j with PARTNER_ID_INVALID',
    (base) => {
      expect(() => withCollisionSuffix(base, new Set())).toThrow(
        expect.objectContaining({ name: 'PartnerIdError', code: 'PARTNER_ID_INVALID' }),
      );
    },
  );

  it('names the invalid base in its message', () => {
    expect(() => withCollisionSuffix('acme_inc', new Set())).toThrow(
      'A Partner ID must be 2 to 40 uppercase letters A-Z, digits 0-9 and single underscores between them, got "acme_inc".',
    );
  });
});
