/**
 * The Pyodide worker the page starts (src/pyodide/worker.ts), with one change:
 * a recording comes back as the run the lab shows, made here (the store's
 * computeRecordedRunData: event log, index, checkpoints, layout, chart), its
 * arrays transferred and its checkpoints in slices. So showing a learner's
 * program costs the page's thread no walk of its events, as a large run's
 * hand-over does not (run-worker.ts). The pyodide layer knows nothing of the
 * store; this entry, in the UI, joins the two.
 */
import { answerRecordingsWith } from '../pyodide/worker';
import { computeRecordedRunData, transferablesOf } from '../store/index';
import { checkpointSlices } from './checkpoint-slices';
import type { RecordedRunReply } from './program-messages';

answerRecordingsWith((id, program, recording, send) => {
  let data;
  try {
    // The lab's settings are the page's: it keeps its own (showRecordedRun).
    data = computeRecordedRunData(recording, program);
  } catch (error) {
    // The recording as it is: the page shows it the slow way, or says why it cannot.
    send({ type: 'recording', id, recording }, []);
    console.error(error);
    return;
  }
  const { events, ...summary } = recording;
  for (const slice of checkpointSlices(data.checkpoints)) send({ type: 'recorded-checkpoints', id, slice } satisfies RecordedRunReply, []);
  send({ type: 'recorded-run', id, summary: { ...summary, eventCount: events.length }, data: { ...data, checkpoints: [] } } satisfies RecordedRunReply, transferablesOf(data) as ArrayBuffer[]);
});
