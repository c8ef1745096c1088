import { CODE_LENGTH, newCode, parseCode } from './license-key';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const compact = (code: string) => code.replaceAll('-', '');

describe('licence key and voucher codes', () => {
  const codes = Array.from({ length: 20 }, newCode);

  it('are five groups of five characters of Crockford base32 that parse back to themselves', () => {
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
      expect(parseCode(code)).toEqual({ code });
    }
  });

  it('are read leniently: lowercase, spaces, missing hyphens, and O, I, L for 0, 1, 1', () => {
    const [code = ''] = codes;
    expect(parseCode(` ${compact(code).toLowerCase()} `)).toEqual({ code });
    const spaced = compact(code).replace(/(.{5})/g, '$1 ');
    expect(parseCode(spaced)).toEqual({ code });
    const withLookalikes = code.replaceAll('0', 'O').replaceAll('1', 'l');
    expect(parseCode(withLookalikes)).toEqual({ code });
  });

  it('catch every single mistyped character', () => {
    for (const code of codes.slice(0, 5)) {
      const characters = compact(code);
      for (let position = 0; position < CODE_LENGTH; position++) {
        for (const replacement of ALPHABET) {
          if (replacement === characters[position]) continue;
          const typo = characters.slice(0, position) + replacement + characters.slice(position + 1);
          expect(parseCode(typo)).toEqual({ problem: 'CHECK_FAILED' });
        }
      }
    }
  });

  it('catch every swap of two different neighbouring characters', () => {
    for (const code of codes) {
      const characters = compact(code);
      for (let position = 0; position + 1 < CODE_LENGTH; position++) {
        if (characters[position] === characters[position + 1]) continue;
        const swapped =
          characters.slice(0, position) + (characters[position + 1] ?? '') + (characters[position] ?? '') + characters.slice(position + 2);
        expect(parseCode(swapped)).toEqual({ problem: 'CHECK_FAILED' });
      }
    }
  });

  it.each(['', 'ABC', `${compact(newCode())}0`, compact(newCode()).slice(1), 'UUUUU-UUUUU-UUUUU-UUUUU-UUUUU', 'ABCDE-FGHJK-MNPQR-STVWX-YZ01!'])(
    'refuse %j as malformed',
    (input) => {
      expect(parseCode(input)).toEqual({ problem: 'MALFORMED' });
    },
  );
});
