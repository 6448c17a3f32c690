import { useState } from 'react';
import { lessonById } from '../store/index';
import { useLab } from './lab-context';
import { useProgress } from './use-progress';

/** The lesson being followed: its question, what to watch, and the answer once the run has been seen. */
export function LessonCard() {
  const lessonId = useLab((s) => s.lessonId);
  const atEnd = useLab((s) => s.view.cursor >= s.timeline.length);
  const { progress, setDone } = useProgress();
  const [revealed, setRevealed] = useState<string | null>(null);
  const lesson = lessonId === null ? undefined : lessonById(lessonId);
  if (lesson === undefined) return null;
  const showAnswer = atEnd || revealed === lesson.id;
  return (
    <section className="panel lesson-card" aria-labelledby="lesson-title">
      <p className="lesson-group-name">{lesson.group}</p>
      <h2 id="lesson-title">{lesson.title}</h2>
      <p className="question">{lesson.question}</p>
      <p className="watch">{lesson.watch}</p>
      {showAnswer ? (
        <p className="answer" aria-live="polite">
          <strong>Answer. </strong>
          {lesson.answer}
        </p>
      ) : (
        <button type="button" onClick={() => setRevealed(lesson.id)}>
          Show the answer now
        </button>
      )}
      <label className="done-check">
        <input type="checkbox" checked={progress.done.includes(lesson.id)} onChange={(e) => setDone(lesson.id, e.currentTarget.checked)} /> I have done this lesson
      </label>
    </section>
  );
}
