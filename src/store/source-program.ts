import type { ExportedProgram } from '../engine/index';

/** A recorded program's sites are its own line numbers: the code panel lights line n for site n. */
export function sourceAsProgram(code: string): ExportedProgram {
  const lineOf = new Map<number, number>();
  const count = code.split('\n').length;
  for (let line = 1; line <= count; line++) lineOf.set(line, line);
  return { text: code, lineOf: lineOf as ReadonlyMap<number, number> as ExportedProgram['lineOf'] };
}
