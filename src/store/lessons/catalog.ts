import type { ScenarioSettings } from '../../engine/index';
import type { ComparedSetting } from '../compare';

export type LessonGroup = 'Run it' | 'Alter' | 'Break' | 'Fix' | 'Explain';

/** A lesson: a preset of the lab, the question it answers, and the answer once the run has been watched. */
export interface Lesson {
  /** Also its link: `?lesson=<id>`. */
  readonly id: string;
  readonly group: LessonGroup;
  readonly title: string;
  readonly question: string;
  /** Settings on top of the classic exercise's. */
  readonly settings: Partial<ScenarioSettings>;
  /** What to watch while it runs. */
  readonly watch: string;
  /** The answer, shown once the run reaches its end (or on request). */
  readonly answer: string;
  /** Lessons answered by comparing runs: which setting varies. */
  readonly compare?: ComparedSetting;
  /** Show the threading version beside the asyncio one. */
  readonly threads?: boolean;
}

/** The course's Run / Alter / Break / Fix / Explain, each answered by an experiment. */
export const LESSONS: readonly Lesson[] = [
  {
    id: 'run-it',
    group: 'Run it',
    title: 'The classic exercise',
    question: 'A producer adds 20 jobs, 3 workers process them, sentinels shut them down. What does it print, and how long does it take?',
    settings: {},
    watch: 'Play it. Each worker takes the next job as soon as it is free; the queue never holds more than 5.',
    answer: 'About 8 seconds of (virtual) time: three workers share 20 jobs of 0.5 to 2 s while the producer adds one every 0.1 to 0.5 s. The last lines are the three "Shutting down" lines, one per sentinel, then the summary.',
  },
  {
    id: 'alter-workers',
    group: 'Alter',
    title: 'Workers: 1, 3, 10',
    question: 'How does the total time change from 1 to 10 workers?',
    settings: {},
    watch: 'Compare the runs below: total time and worker utilization for each worker count.',
    answer: 'One worker must do every job in turn, so the time is the sum of the durations. More workers overlap the work until the producer becomes the limit: past a few workers, the jobs arrive slower than they are done, extra workers mostly wait in get(), and the time stops falling.',
    compare: 'workers',
  },
  {
    id: 'alter-priority',
    group: 'Alter',
    title: 'Priority queue',
    question: 'With asyncio.PriorityQueue, do high priority jobs get processed first?',
    settings: { queue: 'priority', workers: 1, maxsize: 0, minInterval: 0, maxInterval: 0.1 },
    watch: 'Jobs are (priority, n, name) tuples; priority 1 comes out first. Watch the queue reorder as jobs arrive.',
    answer: 'Yes, among the jobs waiting at the moment a worker calls get(): the lowest (priority, n) tuple comes out. A job that arrives while a worker is busy can overtake older, lower priority jobs; a job already taken is never interrupted. The sentinels use priority 4 so they come last.',
  },
  {
    id: 'alter-dead-letter',
    group: 'Alter',
    title: 'Retries and a dead-letter queue',
    question: 'Job 3 always fails, jobs 5 and 8 fail once. What happens to each with two retries?',
    settings: { fail: [3], flaky: [5, 8], onError: 'retry', retries: 2 },
    watch: 'Watch the worker that holds job 3: three attempts, then the job moves to the dead-letter queue.',
    answer: 'Jobs 5 and 8 succeed on their second attempt. Job 3 fails three times (1 + 2 retries) and is put in the dead-letter queue, which main() reports at the end. task_done() is still called once per job, so the run finishes normally.',
  },
  {
    id: 'break-sentinels',
    group: 'Break',
    title: 'Remove the sentinels',
    question: 'The producer no longer puts None for each worker. Does the program end?',
    settings: { shutdown: 'none' },
    watch: 'Run it to the end and look at each worker: where is it waiting?',
    answer: 'No. Every job is processed, then each worker waits in await queue.get() on an empty queue, and main waits in asyncio.gather() for workers that never return. Nothing is ready and no timer is pending: CPython would hang forever (the lab reports the deadlock instead).',
  },
  {
    id: 'break-maxsize',
    group: 'Break',
    title: 'maxsize 1',
    question: 'With a queue of one slot and one worker, what happens to the producer?',
    settings: { maxsize: 1, workers: 1 },
    watch: 'Watch the producer panel and the timeline: the queue is full almost all the time.',
    answer: 'The producer blocks in await queue.put() on nearly every job: it can only add a job when the worker takes one out. Backpressure paces the producer to the worker; the total time is about the sum of the durations.',
  },
  {
    id: 'break-raise-gather',
    group: 'Break',
    title: 'A worker raises (gather)',
    question: 'Job 4 raises RuntimeError and nothing catches it. Does it crash the other workers?',
    settings: { fail: [4], onError: 'crash' },
    watch: 'Watch the worker that takes job 4, then main and the other tasks.',
    answer: 'The exception ends that worker and propagates out of asyncio.gather() into main one iteration later; main ends with it, and asyncio.run() cancels the producer and the other workers, then re-raises: the program exits with a traceback.',
  },
  {
    id: 'break-raise-join',
    group: 'Break',
    title: 'A worker raises (join)',
    question: 'The same failure, but main waits with await queue.join() and then cancels the workers. What now?',
    settings: { fail: [4], onError: 'crash', shutdown: 'cancel' },
    watch: 'Watch unfinished_tasks in the queue panel after the worker dies.',
    answer: 'The worker died before calling task_done() for job 4, so unfinished_tasks never reaches 0 and queue.join() never returns: a silent hang. CPython logs "Task exception was never retrieved" only when the task is freed, which never happens while main waits.',
  },
  {
    id: 'fix-sentinels',
    group: 'Fix',
    title: 'Sentinel handling',
    question: 'How does one None per worker stop every worker, and only after all the jobs?',
    settings: {},
    watch: 'Step to the end: each worker that gets None prints "Shutting down", calls task_done() and returns.',
    answer: 'The sentinels are put after the last job, and a FIFO queue hands out items in order, so every job is taken before any None. Each worker returns after one None, so W sentinels stop W workers exactly; then gather() returns.',
  },
  {
    id: 'fix-join',
    group: 'Fix',
    title: 'queue.join() then cancel',
    question: 'Instead of sentinels, main waits for every task_done() with queue.join() and then cancels the idle workers. Does it finish?',
    settings: { shutdown: 'cancel' },
    watch: 'Watch "waiting in join()" in the queue panel and the cancellations at the end.',
    answer: 'Yes. join() returns once task_done() has been called for every job; by then each worker waits in get(), so cancelling them raises CancelledError there and they end. gather(*workers, return_exceptions=True) collects them.',
  },
  {
    id: 'fix-try-except',
    group: 'Fix',
    title: 'try/except in the worker',
    question: 'Job 4 still fails, but the worker catches the exception, logs it and goes on. What changes?',
    settings: { fail: [4], onError: 'log' },
    watch: 'The worker that takes job 4 prints "Failed" and takes the next job.',
    answer: 'One failure no longer stops the pool: the worker logs it, still calls task_done(), and the program finishes with 19 jobs processed and one failed.',
  },
  {
    id: 'fix-shutdown',
    group: 'Fix',
    title: 'queue.shutdown() (Python 3.13)',
    question: 'The producer calls queue.shutdown() instead of putting sentinels. How do the workers stop?',
    settings: { shutdown: 'shutdown' },
    watch: 'After the shutdown, workers keep getting the queued jobs; once the queue is empty, get() raises QueueShutDown.',
    answer: 'shutdown() makes put() raise at once and get() raise QueueShutDown once the queue is empty, waking every waiting getter. Each worker catches it and breaks out of its loop: no sentinels to count, no cancellation.',
  },
  {
    id: 'explain-queue',
    group: 'Explain',
    title: 'Why a queue, not a list per worker?',
    question: 'Why do the workers share one queue instead of each getting its own list of jobs?',
    settings: { workers: 3, minDuration: 0.2, maxDuration: 3 },
    watch: 'Durations vary a lot here. Watch who takes each job: whoever is free first.',
    answer: 'With one shared queue a job goes to whichever worker is free, so a worker stuck on a long job does not hold back jobs another could do. Lists dealt out in advance would leave one worker with a backlog while others sit idle. The queue also gives backpressure (maxsize) and a way to wait (get() suspends instead of polling).',
  },
  {
    id: 'explain-sentinel',
    group: 'Explain',
    title: 'What is a sentinel?',
    question: 'What is a sentinel, and why is one needed per worker?',
    settings: {},
    watch: 'Step to the end and count the None items going through the queue.',
    answer: 'A sentinel is a value that is not a job, here None, meaning "no more work". A worker cannot tell that the producer is done from an empty queue (more jobs may come), so it needs a message; each None stops the one worker that gets it, so W workers need W.',
  },
  {
    id: 'explain-maxsize',
    group: 'Explain',
    title: 'How maxsize affects the producer',
    question: 'How long does the producer spend blocked in put() for each maxsize?',
    settings: { workers: 1 },
    watch: 'Compare the runs below: producer blocked time and the longest queue for each maxsize.',
    answer: 'A small maxsize makes put() wait whenever the queue is full, so the producer is held back to the workers\' pace (backpressure). A large or unbounded queue lets the producer run ahead; the jobs then wait in the queue instead, and memory grows with the backlog.',
    compare: 'maxsize',
  },
  {
    id: 'explain-threads',
    group: 'Explain',
    title: 'The same pattern with threads',
    question: 'How does this look with threading and queue.Queue?',
    settings: {},
    watch: 'Compare the two programs below; download the threads version and run it.',
    answer: 'The structure is the same: producer, workers, a bounded queue, sentinels, task_done(). Threads block in q.put()/q.get() and the OS switches between them at any moment; asyncio tasks switch only at await, on one thread. The threads version may print simultaneous lines in another order, and which worker takes which job depends on the OS.',
    threads: true,
  },
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
