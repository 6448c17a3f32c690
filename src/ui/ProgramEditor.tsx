import { type ChangeEvent, useContext, useEffect, useRef, useState } from 'react';
import { LabContext, useLab } from './lab-context';
import { downloadText, readProgramFile } from './program-files';
import { openingProgramLink, pendingProgramLink, programUrl } from './program-link';
import { PROGRAM_TEXT as T, phaseText } from './program-run-text';
import { useCodeEditor } from './use-code-editor';
import { useProgramRun } from './use-program-run';
import './program-editor.css';

/** Past this length a link may not survive being pasted around. */
const LONG_LINK = 8000;

/**
 * "Your own program": the learner edits, pastes or loads any asyncio program,
 * real CPython records it (Pyodide, in a worker), and the lab's panels show
 * the recording. Loaded after the page (CodeMirror is not in its first download).
 */
export function ProgramEditor() {
  const store = useContext(LabContext);
  const source = useLab((s) => s.run.shape.source);
  const programText = useLab((s) => s.program.text);
  const opening = openingProgramLink();
  // The lesson's (scenario's) exported program: what "Use the lesson's program" puts back.
  const lessonProgram = useRef(source === 'scenario' ? programText : '');
  const [initialText] = useState(() => opening.code ?? programText);
  const host = useRef<HTMLDivElement | null>(null);
  const [note, setNote] = useState<string | null>(opening.code === null ? null : T.fromLink);
  const [link, setLink] = useState<string | null>(null);
  // A program opened from a link is what the learner came for: its editor is made at once, not when scrolled to.
  const editor = useCodeEditor(host, initialText, T.editorLabel, () => setLink(null), opening.code !== null);
  const { phase, python, busy, run, stop } = useProgramRun(goToLinkedEvent);

  // An editor still holding the lesson's program follows the lesson. In a task of its own: a new
  // run's hand-over is one task, and the editor's update would lengthen it. A change that comes
  // before it runs cancels it, and the next one compares with the lesson's program it last followed.
  useEffect(() => {
    if (source !== 'scenario') return undefined;
    const later = setTimeout(() => {
      const previous = lessonProgram.current;
      if (previous === programText) return;
      lessonProgram.current = programText;
      if (editor.current?.text() === previous) {
        editor.current.setText(programText);
      }
    }, 0);
    return () => clearTimeout(later);
  }, [source, programText, editor]);

  // Mark the lines a traceback names.
  useEffect(() => {
    if (phase.kind !== 'shown' || phase.recording.errorLines.length === 0) return;
    const { ending } = phase.recording.result;
    editor.current?.markErrors(phase.recording.errorLines, ending.kind === 'raised' ? ending.lastLine : (phase.recording.stopped?.message ?? 'The program raised here.'));
  }, [phase, editor]);

  /** A `code` link's `at`, once its own program is on the stage. */
  function goToLinkedEvent(code: string): void {
    const linked = pendingProgramLink();
    if (store === null || linked === null || linked.code !== code || linked.at === null) return;
    store.getState().seek(Math.min(linked.at, store.getState().timeline.length));
  }

  function runProgram(): void {
    const code = editor.current?.text() ?? '';
    if (busy) return;
    if (code.trim() === '') {
      setNote(T.empty);
      return;
    }
    setNote(null);
    editor.current?.clearErrors();
    run(code);
  }

  async function loadFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    const read = await readProgramFile(file);
    input.value = ''; // the same file can be chosen again
    if ('problem' in read) {
      setNote(read.problem === 'too-big' ? T.tooBig(file.name, Math.ceil(file.size / 1024)) : T.unreadableFile(file.name));
      return;
    }
    editor.current?.setText(read.text);
    setNote(T.loadedFile(file.name));
  }

  async function copyLink(): Promise<void> {
    const text = editor.current?.text() ?? '';
    const state = store?.getState();
    const shown = phase.kind === 'shown' && phase.code === text && state?.run.shape.source === 'program' && state.program.text === text;
    const url = programUrl(text, shown ? state.view.cursor : 0);
    setLink(url);
    let said: string = T.copied;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      said = T.notCopied;
    }
    setNote(url.length > LONG_LINK ? `${said} ${T.longLink(url.length)}` : said);
  }

  function resetToLesson(): void {
    editor.current?.setText(lessonProgram.current);
    setNote(T.reset);
  }

  const status = phaseText(phase);
  const recording = phase.kind === 'shown' ? phase.recording : null;
  return (
    <section className="panel program-editor" aria-labelledby="pe-title">
      <h2 id="pe-title">
        {T.title} <span className="count">{python === null ? 'recorded by CPython in WebAssembly (Pyodide)' : `recorded by CPython ${python.version}`}</span>
      </h2>
      <p className="hint">{T.intro}</p>
      {opening.problems.length > 0 && (
        <div className="notices" role="alert">
          <ul>
            {opening.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="pe-editor-label" aria-hidden="true">
        {T.editorLabel}
      </p>
      <div className="pe-editor" ref={host} />
      <p className="hint pe-keys">{T.keys}</p>
      <div className="pe-controls">
        <button type="button" className="primary" onClick={runProgram} aria-disabled={busy}>
          Run my program
        </button>
        {busy && (
          <button type="button" onClick={stop}>
            Stop
          </button>
        )}
        <label className="pe-file">
          Load .py file
          <input type="file" accept=".py,text/x-python,text/plain" onChange={(event) => void loadFile(event)} />
        </label>
        <button type="button" onClick={() => downloadText('program.py', editor.current?.text() ?? '')}>
          Download
        </button>
        <button type="button" onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" onClick={resetToLesson}>
          Use the lesson&apos;s program
        </button>
      </div>
      <div role="status" aria-live="polite" className="pe-status">
        {note !== null && <p>{note}</p>}
        {status !== null && (
          <p className={phase.kind === 'failed' || phase.kind === 'ended' ? 'pe-problem' : undefined}>
            {status}
            {phase.kind === 'loading' && status !== T.starting && <progress aria-label="Loading Python" max={phase.total || 1} value={phase.total > 0 ? phase.loaded : undefined} />}
          </p>
        )}
      </div>
      {link !== null && (
        <p className="pe-link">
          <label>
            Link to this program <input type="text" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
          </label>
        </p>
      )}
      {recording?.result.ending.kind === 'deadlock' && (
        <button type="button" onClick={() => store?.getState().toEnd()}>
          Show where it hangs
        </button>
      )}
      {recording !== null && recording.traceback !== null && (
        <pre className="pe-traceback" tabIndex={0} aria-label="Traceback">
          {recording.traceback}
        </pre>
      )}
    </section>
  );
}
