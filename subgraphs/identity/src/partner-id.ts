/**
 * Partner IDs: the public handle that links customer accounts to a partner.
 *
 * A Partner ID "is automatically created from your organization name" ("Acme,
 * Inc." gives ACME_INC) and "can contain uppercase letters, numbers, and
 * underscores only". This module turns that into exact rules; it is pure (no
 * database), so the caller supplies the IDs already taken.
 *
 * A valid Partner ID (`isValidPartnerId`) is 2 to 40 characters of A-Z and 0-9
 * in words joined by single underscores: no leading, trailing or doubled
 * underscore. A leading digit is fine (3M_COMPANY).
 *
 * `derivePartnerId(name)` applies, in order:
 *  1. Unicode NFKD, then uppercase, then drop combining marks, so accents fold
 *     (Société → SOCIETE) and compatibility forms flatten (ｆｕｌｌ → FULL,
 *     ﬁ → FI, ＆ → &).
 *  2. Transliterate the Latin letters that NFKD does not decompose:
 *     Æ→AE, Œ→OE, Ø→O, ß/ẞ→SS, Ł→L, Đ/Ð→D, Þ→TH, Ħ→H, Ŋ→NG, Ŧ→T.
 *  3. "&" becomes the word AND (Smith & Sons → SMITH_AND_SONS, AT&T → AT_AND_T).
 *  4. Every run of characters other than A-Z and 0-9 becomes one underscore,
 *     including apostrophes (O'Brien → O_BRIEN) and every non-Latin letter:
 *     Greek, Cyrillic, CJK and so on are not transliterated and leave nothing
 *     (Acme 株式会社 → ACME).
 *  5. Leading and trailing underscores are trimmed.
 *  6. The result is capped at 40 characters, cut at the last underscore when
 *     that keeps at least half of the limit, otherwise cut mid-word; it never
 *     ends in an underscore.
 *  7. If fewer than 2 characters are left (a name of only symbols, or only a
 *     non-Latin script such as 株式会社 or Ωμέγα), it throws a PartnerIdError
 *     with code PARTNER_ID_UNUSABLE_NAME: the partner must choose an ID.
 *
 * `withCollisionSuffix(base, taken)` returns `base` if free, otherwise the
 * first free of BASE_2, BASE_3, …, shortening the base by rule 6 so the whole
 * stays within 40 characters.
 */

export const PARTNER_ID_MIN_LENGTH = 2;
export const PARTNER_ID_MAX_LENGTH = 40;

const PARTNER_ID_PATTERN = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;
const PARTNER_ID_CONTRACT = `${PARTNER_ID_MIN_LENGTH} to ${PARTNER_ID_MAX_LENGTH} uppercase letters A-Z, digits 0-9 and single underscores between them`;

/** Latin letters (already uppercased) that NFKD leaves as they are. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'O',
  ß: 'SS',
  ẞ: 'SS',
  Ł: 'L',
  Đ: 'D',
  Ð: 'D',
  Þ: 'TH',
  Ħ: 'H',
  Ŋ: 'NG',
  Ŧ: 'T',
};
const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'gu');
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_ALPHANUMERIC = /[^A-Z0-9]+/g;

export type PartnerIdErrorCode = 'PARTNER_ID_UNUSABLE_NAME' | 'PARTNER_ID_INVALID';

export class PartnerIdError extends Error {
  override readonly name = 'PartnerIdError';

  constructor(
    readonly code: PartnerIdErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isValidPartnerId(value: string): boolean {
  return (
    value.length >= PARTNER_ID_MIN_LENGTH && value.length <= PARTNER_ID_MAX_LENGTH && PARTNER_ID_PATTERN.test(value)
  );
}

export function derivePartnerId(organizationName: string): string {
  const words = organizationName
    .normalize('NFKD')
    .toUpperCase()
    .replace(COMBINING_MARKS, '')
    .replace(TRANSLITERATED, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .replaceAll('&', ' AND ')
    .replace(NOT_ALPHANUMERIC, '_')
    .replace(/^_+|_+$/g, '');
  const partnerId = shorten(words, PARTNER_ID_MAX_LENGTH);
  if (partnerId.length < PARTNER_ID_MIN_LENGTH) {
    throw new PartnerIdError(
      'PARTNER_ID_UNUSABLE_NAME',
      `Cannot derive a Partner ID from the organization name ${JSON.stringify(organizationName)}: ` +
        `it leaves ${JSON.stringify(partnerId)} once reduced to Latin letters and digits. ` +
        `Choose a Partner ID of ${PARTNER_ID_CONTRACT}.`,
    );
  }
  return partnerId;
}

export function withCollisionSuffix(base: string, taken: ReadonlySet<string>): string {
  if (!isValidPartnerId(base)) {
    throw new PartnerIdError(
      'PARTNER_ID_INVALID',
      `A Partner ID must be ${PARTNER_ID_CONTRACT}, got ${JSON.stringify(base)}.`,
    );
  }
  if (!taken.has(base)) return base;
  // Terminates: the text after the last underscore is exactly n, so every
  // candidate differs and at most taken.size of them can be taken.
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = shorten(base, PARTNER_ID_MAX_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Cuts `id` (already free of leading, trailing and doubled underscores) to at
 * most `max` characters, at the last underscore if that keeps at least half.
 */
function shorten(id: string, max: number): string {
  if (id.length <= max) return id;
  if (id[max] === '_') return id.slice(0, max);
  const head = id.slice(0, max);
  const lastUnderscore = head.lastIndexOf('_');
  return lastUnderscore >= Math.ceil(max / 2) ? head.slice(0, lastUnderscore) : head;
}
