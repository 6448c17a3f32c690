import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeLinkError, decodeProgram, encodeProgram } from '../../src/ui/code-link';

/** Node's own base64url (RFC 4648 §5, no padding): the reference. */
const reference = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

const texts = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 80 }), // any code point, astral ones too
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', 'é', '\u{1F40D} snake', '\uFEFFprint("BOM first")', 'queue = asyncio.Queue(2)\r\n', 'naïve → “quotes” 日本語 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'),
);

/** The message decodeProgram refuses `code` with. */
function why(code: string): string {
  try {
    decodeProgram(code);
  } catch (error) {
    expect(error).toBeInstanceOf(CodeLinkError);
    return (error as Error).message;
  }
  throw new Error(`"${code}" was accepted`);
}

describe('?code= links: base64url of the UTF-8 text', () => {
  it('encodes as RFC 4648 §5 without padding, exactly as Node does', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(encodeProgram(text)).toBe(reference(text));
      }),
    );
    expect(encodeProgram('print("hi")\n')).toBe('cHJpbnQoImhpIikK');
    expect(encodeProgram('>>>???')).toBe('Pj4-Pz8_'); // the two characters that differ from base64
  });

  it('decodes what it encodes, non-ASCII, astral characters and a leading BOM included', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(decodeProgram(encodeProgram(text))).toBe(text);
      }),
    );
  });

  it('has one link per program: every valid link is the encoding of what it decodes to', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
        const code = Buffer.from(bytes).toString('base64url');
        let text: string;
        try {
          text = decodeProgram(code);
        } catch (error) {
          expect(error).toBeInstanceOf(CodeLinkError); // bytes that are not UTF-8
          expect((error as Error).message).toMatch(/not UTF-8/);
          return;
        }
        expect(encodeProgram(text)).toBe(code);
      }),
    );
  });

  it('refuses what is not base64url, saying why', () => {
    expect(why('cHJp bnQ')).toBe('it is not base64url: character 5 is a space, and only A-Z, a-z, 0-9, - and _ can appear');
    expect(why('cHJpbnQ+')).toMatch(/character 8 is "\+"/);
    expect(why('cHJpbnQ=')).toMatch(/character 8 is "=" \(padding, which these links leave out\)/);
    expect(why('cHJpb')).toMatch(/5 characters cannot encode whole bytes/);
    expect(why('QR')).toMatch(/bits no encoder writes/); // 'A' is QQ
    expect(why('gA')).toMatch(/not UTF-8/); // 0x80 alone
    expect(why('7aCA')).toMatch(/not UTF-8/); // an encoded lone surrogate (ED A0 80)
  });
});
