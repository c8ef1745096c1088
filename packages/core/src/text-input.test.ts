import { parse } from 'graphql';
import { displayedText, documentValuesProblem, hasInvalidCharacters, variablesProblem } from './text-input';

const limits = { maxDepth: 4, maxValues: 20 };
const codeOf = (error: { extensions: Record<string, unknown> } | undefined): unknown => error?.extensions.code;

describe('hasInvalidCharacters', () => {
  it.each(['\u0000', 'a\u0001', '\u000b', '\u001f', '\u007f', '\ud800', 'x\udc00', '\udc00\ud800'])('refuses %j', (text) => {
    expect(hasInvalidCharacters(text)).toBe(true);
  });
  it.each(['', 'plain', 'tab\tline\nreturn\r', 'é ü 漢字', '🙂 (a surrogate pair)', '\u202e (bidi is for names to refuse)'])('accepts %j', (text) => {
    expect(hasInvalidCharacters(text)).toBe(false);
  });
});

describe('displayedText', () => {
  it('trims and accepts ordinary names', () => {
    expect(displayedText('  Contoso Ltd.  ', 'name')).toBe('Contoso Ltd.');
  });
  it.each(['\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u0000'])('refuses %j with INVALID_CHARACTERS naming the field', (character) => {
    expect(() => displayedText(`Contoso${character}`, 'organizationName')).toThrow(
      expect.objectContaining({ extensions: { code: 'INVALID_CHARACTERS', field: 'organizationName' } }),
    );
  });
});

describe('variablesProblem', () => {
  it('passes variables within the limits', () => {
    expect(variablesProblem({ a: [1, 'two', { three: true }], b: null }, limits)).toBeUndefined();
  });
  it('refuses nesting past maxDepth without recursion', () => {
    expect(variablesProblem({ a: { b: { c: { d: 1 } } } }, limits)).toBeUndefined();
    expect(codeOf(variablesProblem({ a: { b: { c: { d: {} } } } }, limits))).toBe('VARIABLES_TOO_DEEP');
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(codeOf(variablesProblem({ deep }, limits))).toBe('VARIABLES_TOO_DEEP');
  });
  it('refuses more than maxValues values', () => {
    expect(codeOf(variablesProblem({ list: Array.from({ length: 20 }, () => 0) }, limits))).toBe('VARIABLES_TOO_LARGE');
  });
  it('refuses invalid characters in values and keys, and numbers that are not finite', () => {
    expect(codeOf(variablesProblem({ a: ['ok', 'not\u0000ok'] }, limits))).toBe('INVALID_CHARACTERS');
    expect(codeOf(variablesProblem({ 'k\u0000': 1 }, limits))).toBe('INVALID_CHARACTERS');
    expect(codeOf(variablesProblem({ a: JSON.parse('1e400') as number }, limits))).toBe('BAD_USER_INPUT');
  });
});

describe('documentValuesProblem', () => {
  it('refuses escaped controls in strings and block strings', () => {
    expect(codeOf(documentValuesProblem(parse('{ f(a: "x\\u0000") }')))).toBe('INVALID_CHARACTERS');
    expect(codeOf(documentValuesProblem(parse('{ f(a: { b: ["\\u0007"] }) }')))).toBe('INVALID_CHARACTERS');
    expect(codeOf(documentValuesProblem(parse('{ f(a: """x\u0001""") }')))).toBe('INVALID_CHARACTERS');
  });
  it('refuses a Float no double holds, in arguments and defaults', () => {
    expect(codeOf(documentValuesProblem(parse('{ f(a: 1e400) }')))).toBe('BAD_USER_INPUT');
    expect(codeOf(documentValuesProblem(parse('query($v: Float = -1e999) { f(a: $v) }')))).toBe('BAD_USER_INPUT');
  });
  it('passes ordinary values', () => {
    expect(documentValuesProblem(parse('{ f(a: "tab\\t", b: 1.5e300, c: -0, d: [1, 2], e: { x: "🙂" }) }'))).toBeUndefined();
  });
});
