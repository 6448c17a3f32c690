import { LESSONS, type LessonGroup, lessonSettings } from '../store/index';
import { useLab, useLabActions } from './lab-context';
import { useProgress } from './use-progress';

const GROUPS: readonly LessonGroup[] = ['Run it', 'Alter', 'Break', 'Fix', 'Explain'];

/** Every lesson, grouped as the course groups them, with what this browser has done. */
export function LessonsNav() {
  const current = useLab((s) => s.lessonId);
  const { loadSettings } = useLabActions();
  const { progress, visit } = useProgress();
  const open = (id: string) => (event: React.MouseEvent) => {
    // A real link (it can be opened in a new tab); a plain click loads the lesson in place.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    loadSettings(lessonSettings(id), { lessonId: id });
    visit(id);
  };
  return (
    <details className="panel lessons-nav" open={current === null}>
      <summary>
        Lessons <span className="count">{progress.done.filter((id) => LESSONS.some((l) => l.id === id)).length} of {LESSONS.length} done</span>
      </summary>
      <nav aria-label="Lessons">
        {GROUPS.map((group) => (
          <div key={group} className="lesson-group">
            <h3>{group}</h3>
            <ul>
              {LESSONS.filter((l) => l.group === group).map((lesson) => (
                <li key={lesson.id}>
                  <a href={`?lesson=${lesson.id}`} onClick={open(lesson.id)} aria-current={lesson.id === current ? 'page' : undefined}>
                    {lesson.title}
                  </a>
                  {progress.done.includes(lesson.id) ? <span className="tick" aria-label="done"> ✓</span> : progress.visited.includes(lesson.id) ? <span className="seen" aria-label="visited"> ·</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <div className="lesson-group">
          <h3>Check</h3>
          <ul>
            <li>
              <a href="#mastery">Mastery check</a>
            </li>
          </ul>
        </div>
      </nav>
    </details>
  );
}
