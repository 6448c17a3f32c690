import { useEffect, useRef, useState } from 'react';
import { LESSONS, type LessonGroup, lessonById, lessonSettings } from '../store/index';
import { useLab, useLabActions } from './lab-context';
import { useProgress } from './use-progress';

const GROUPS: readonly LessonGroup[] = ['Run it', 'Alter', 'Break', 'Fix', 'Explain'];

/**
 * Every lesson, grouped as the course groups them, with what this browser has
 * done: a menu in the header that opens over the page, so it never pushes the
 * stage down. Escape or a click elsewhere closes it; choosing a lesson does too.
 */
export function LessonsMenu() {
  const current = useLab((s) => s.lessonId);
  const { loadSettings } = useLabActions();
  const { progress, visit } = useProgress();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  // Listening all the time and reading the element's own state: listening only once React had seen the menu
  // open missed an Escape pressed before the details' toggle event came (a busy page, a quick key).
  useEffect(() => {
    const close = (event: Event): void => {
      const details = menu.current;
      if (details === null || !details.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !details.contains(event.target as Node)) {
        details.open = false;
        setOpen(false);
        if (event instanceof KeyboardEvent) details.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const choose = (id: string) => (event: React.MouseEvent) => {
    // A real link (it can be opened in a new tab); a plain click loads the lesson in place.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    loadSettings(lessonSettings(id), { lessonId: id });
    visit(id);
    setOpen(false);
  };
  const done = progress.done.filter((id) => LESSONS.some((l) => l.id === id)).length;
  const currentLesson = current === null ? undefined : lessonById(current);
  return (
    <details ref={menu} className="lessons-nav" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Lessons <span className="count">{done} of {LESSONS.length} done</span>
        {currentLesson !== undefined && <span className="current-lesson"> · {currentLesson.title}</span>}
      </summary>
      <nav aria-label="Lessons" className="lessons-popover">
        {GROUPS.map((group) => (
          <div key={group} className="lesson-group">
            <h3>{group}</h3>
            <ul>
              {LESSONS.filter((l) => l.group === group).map((lesson) => (
                <li key={lesson.id}>
                  <a href={`?lesson=${lesson.id}`} onClick={choose(lesson.id)} aria-current={lesson.id === current ? 'page' : undefined}>
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
              <a href="#mastery" onClick={() => setOpen(false)}>
                Mastery check
              </a>
            </li>
          </ul>
        </div>
      </nav>
    </details>
  );
}
