import { useEffect, useMemo, useState } from 'react';
import { masteryQuestionMakers } from '../store/index';
import { useLabActions } from './lab-context';
import { useProgress } from './use-progress';

/** What `makers` make, one a task: the list grows until all are made. */
function useMadeOneATask<T>(makers: readonly (() => T)[]): T[] {
  const [made, setMade] = useState<T[]>([]);
  useEffect(() => {
    if (made.length >= makers.length) return undefined;
    const later = setTimeout(() => setMade([...made, makers[made.length]!()]), 0);
    return () => clearTimeout(later);
  }, [made, makers]);
  return made;
}

/** Predict, then run: each question loads its experiment and says whether the prediction was right. */
export function MasteryPanel() {
  const makers = useMemo(() => masteryQuestionMakers(), []);
  const questions = useMadeOneATask(makers);
  const { loadSettings } = useLabActions();
  const { progress, answer } = useProgress();
  const right = questions.filter((q) => progress.answers[q.id] === q.answer).length;
  return (
    <section className="panel mastery" id="mastery" aria-labelledby="mastery-title">
      <h2 id="mastery-title">
        Mastery check <span className="count">{right} of {makers.length} right</span>
      </h2>
      <p className="hint">Predict what the lab will show, then load the experiment and run it.</p>
      <ol>
        {questions.map((q) => {
          const chosen = progress.answers[q.id];
          return (
            <li key={q.id}>
              <fieldset>
                <legend>{q.prompt}</legend>
                {q.options.map((option, i) => (
                  <label key={option} className="option">
                    <input type="radio" name={`q-${q.id}`} checked={chosen === i} onChange={() => answer(q.id, i)} /> {option}
                  </label>
                ))}
              </fieldset>
              {chosen !== undefined && (
                <p className={chosen === q.answer ? 'right' : 'wrong'} aria-live="polite">
                  {chosen === q.answer ? 'Right. ' : `Not quite: ${q.options[q.answer]}. `}
                  {q.why}
                </p>
              )}
              <button type="button" onClick={() => loadSettings(q.settings, { at: q.at })}>
                Load this experiment
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
