/**
 * The places in the scenario's program that make events. The engine's
 * generators and the Python exporter name the same sites, so every event can
 * point at the line of exported Python it came from.
 */
export const SITE = {
  none: 0,
  // main()
  gather: 1,
  createProducer: 2,
  createWorkers: 3,
  awaitProducer: 4,
  join: 5,
  cancelWorkers: 6,
  gatherWorkers: 7,
  summary: 8,
  deadLetterReport: 9,
  // producer()
  producerPut: 10,
  producerAdded: 11,
  producerSleep: 12,
  producerDone: 13,
  producerSentinel: 14,
  producerShutdown: 15,
  producerShutdownReport: 16,
  // worker()
  workerGet: 20,
  workerShutDown: 22,
  workerSentinel: 23,
  workerSentinelDone: 24,
  workerWork: 25,
  workerProcessed: 26,
  workerFailed: 27,
  workerAttemptFailed: 28,
  workerDeadLetter: 29,
  workerGaveUp: 30,
  workerTaskDone: 31,
  // process()
  processSleep: 40,
  processRaise: 41,
} as const;

export type Site = (typeof SITE)[keyof typeof SITE];
