import { useMemo, useState } from 'react';
import { exportThreads, lessonById } from '../store/index';
import { useLab } from './lab-context';
import { downloadText as download } from './program-files';

/** Copy or download the program for the current settings, asyncio or threads. */
export function ExportPanel() {
  const program = useLab((s) => s.program.text);
  const settings = useLab((s) => s.settings);
  const showThreads = useLab((s) => (s.lessonId === null ? false : lessonById(s.lessonId)?.threads === true));
  const threads = useMemo(() => exportThreads(settings), [settings]);
  const [said, setSaid] = useState('');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(program);
      setSaid('Copied the asyncio program.');
    } catch {
      setSaid('The browser did not allow copying; use Download instead.');
    }
  };
  return (
    <section className="panel export" aria-labelledby="export-title">
      <h2 id="export-title">Take the program with you</h2>
      <div className="buttons">
        <button type="button" onClick={() => void copy()}>
          Copy Python
        </button>
        <button type="button" onClick={() => download('program.py', program)}>
          Download program.py
        </button>
        <button type="button" onClick={() => download('program_threads.py', threads)}>
          Download the threads version
        </button>
      </div>
      <p className="hint" role="status">
        {said || 'python3 program.py runs it on real time (Python 3.13+ for queue.shutdown).'}
      </p>
      {showThreads && (
        <div className="threads-view">
          <h3>With threads: threading + queue.Queue</h3>
          <pre tabIndex={0} aria-label="The threads version of the program">
            {threads}
          </pre>
        </div>
      )}
    </section>
  );
}
