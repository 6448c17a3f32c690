import type { JobId, TaskView } from '../store/index';

/** A task's status as a short phrase for its panel; `label` names an item as the run does. */
export function statusText(task: TaskView, playTime: number, label: (job: JobId) => string, withWaits = true): string {
  // Running clocks re-lay out text every frame; at high speed nobody can read them anyway.
  // A no-break space: the unit never wraps onto a line of its own.
  const waited = withWaits ? ` for ${Math.max(0, playTime - task.since).toFixed(1)}\u00a0s` : '';
  switch (task.status) {
    case 'starting':
      return 'created; starts on the next loop iteration';
    case 'running':
      return task.job !== null ? `running with ${label(task.job)}` : 'running';
    case 'waiting-get':
      return `waiting in queue.get()${waited}`;
    case 'blocked-put':
      return `blocked in queue.put()${waited}: the queue is full`;
    case 'woken':
      return 'woken; resumes on the next loop iteration';
    case 'sleeping':
      // Asleep holding an item: working on it (a scenario's producer sleeps empty-handed between puts).
      if (task.job !== null && task.job > 0) return `processing ${label(task.job)}`;
      return `sleeping until t = ${(task.until ?? task.since).toFixed(1)} s`;
    case 'stopping':
      return task.job === null ? 'stopping' : 'got None: shutting down';
    case 'waiting-join':
      return `waiting in queue.join()${waited}`;
    case 'waiting':
      return task.awaiting === null ? 'waiting for other tasks' : `waiting for ${task.awaiting}${waited}`;
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'crashed':
      return `crashed: ${task.error ?? 'an exception'}`;
  }
}
