/** The largest program file the editor takes (a link of it is already ~350 kB). */
export const MAX_PROGRAM_BYTES = 256 * 1024;

/** Save text as a file, the browser's own download. */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-python' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** A chosen file's text, or why not: too big, or unreadable. */
export async function readProgramFile(file: File): Promise<{ text: string } | { problem: 'too-big' | 'unreadable' }> {
  if (file.size > MAX_PROGRAM_BYTES) return { problem: 'too-big' };
  try {
    return { text: await file.text() };
  } catch {
    return { problem: 'unreadable' };
  }
}
