import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { type CodeEditor, createCodeEditor } from './code-editor';
import { DeferredCodeEditor } from './deferred-code-editor';

/**
 * Mount a CodeEditor in `host` for as long as the component lives: made when
 * it comes into view or gets the focus (DeferredCodeEditor), or at once
 * when `eager`. The text survives a remount (React's StrictMode mounts twice
 * in development).
 */
export function useCodeEditor(host: RefObject<HTMLDivElement | null>, initial: string, label: string, onChange: () => void, eager = false): RefObject<CodeEditor | null> {
  const editor = useRef<CodeEditor | null>(null);
  const text = useRef(initial);
  const changed = useRef(onChange);
  const eagerly = useRef(eager);
  useLayoutEffect(() => {
    changed.current = onChange;
  });
  useEffect(() => {
    const parent = host.current;
    if (parent === null) return;
    const created = new DeferredCodeEditor(parent, text.current, label, (box, doc) => createCodeEditor(box, doc, label, () => changed.current()));
    if (eagerly.current) created.create();
    editor.current = created;
    return () => {
      text.current = created.text();
      editor.current = null;
      created.destroy();
    };
  }, [host, label]);
  return editor;
}
