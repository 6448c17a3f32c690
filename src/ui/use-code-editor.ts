import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { type CodeEditor, createCodeEditor } from './code-editor';

/**
 * Mount a CodeEditor in `host` for as long as the component lives. The text
 * survives a remount (React's StrictMode mounts twice in development).
 */
export function useCodeEditor(host: RefObject<HTMLDivElement | null>, initial: string, label: string, onChange: () => void): RefObject<CodeEditor | null> {
  const editor = useRef<CodeEditor | null>(null);
  const text = useRef(initial);
  const changed = useRef(onChange);
  useLayoutEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    const parent = host.current;
    if (parent === null) return;
    const created = createCodeEditor(parent, text.current, label, () => changed.current());
    editor.current = created;
    return () => {
      text.current = created.text();
      editor.current = null;
      created.destroy();
    };
  }, [host, label]);
  return editor;
}
