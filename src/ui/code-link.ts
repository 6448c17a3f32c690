/**
 * A program in a link: `?code=` is the base64url (RFC 4648 §5, no padding) of
 * the program's UTF-8 text. Pure, no DOM: the page and Node tests use it alike.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((char, value) => [char, value]));

/** Why a `code` parameter could not be read, in words for the learner. */
export class CodeLinkError extends Error {
  override readonly name = 'CodeLinkError';
}

/** The link form of a program: base64url of its UTF-8 bytes, no `=` padding. */
export function encodeProgram(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
    if (i + 1 < bytes.length) out += ALPHABET[((b & 15) << 2) | (c >> 6)]!;
    if (i + 2 < bytes.length) out += ALPHABET[c & 63]!;
  }
  return out;
}

/**
 * The program in a `code` parameter. Throws CodeLinkError when it is not
 * base64url (a character outside A-Z a-z 0-9 - _, a length no encoding has,
 * stray bits at the end) or its bytes are not UTF-8 text.
 */
export function decodeProgram(code: string): string {
  const bad = [...code].findIndex((char) => !VALUE.has(char));
  if (bad >= 0) {
    const char = [...code][bad]!;
    const shown = char === ' ' ? 'a space' : `"${char}"${char === '=' ? ' (padding, which these links leave out)' : ''}`;
    throw new CodeLinkError(`it is not base64url: character ${bad + 1} is ${shown}, and only A-Z, a-z, 0-9, - and _ can appear`);
  }
  if (code.length % 4 === 1) throw new CodeLinkError(`it is not base64url: ${code.length} characters cannot encode whole bytes (the link may have been cut short)`);
  const bytes = new Uint8Array(Math.floor((code.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let n = 0;
  for (const char of code) {
    bits = (bits << 6) | VALUE.get(char)!;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[n++] = (bits >> held) & 0xff;
      bits &= (1 << held) - 1;
    }
  }
  // RFC 4648 §3.5: the bits after the last whole byte must be zero, so each program has one link.
  if (bits !== 0) throw new CodeLinkError('it is not base64url: its last character has bits no encoder writes (the link may have been changed or cut short)');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CodeLinkError('its bytes are not UTF-8 text (the link may have been changed or cut short)');
  }
}
