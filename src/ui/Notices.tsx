import { useLab, useLabActions } from './lab-context';

/** Messages about refused or adjusted values (a link, a setting), at the top where they are seen. */
export function Notices() {
  const notices = useLab((s) => s.notices);
  const { dismissNotices } = useLabActions();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      <ul>
        {notices.map((notice, i) => (
          <li key={i}>{notice}</li>
        ))}
      </ul>
      <button type="button" onClick={dismissNotices}>
        Dismiss
      </button>
    </div>
  );
}
