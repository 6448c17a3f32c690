/**
 * The places in the classic program that make events. The engine's generators
 * and the Python exporter name the same sites, so every event can point at the
 * line of exported Python it came from.
 */
export const SITE = {
  none: 0,
  gather: 1,
  producerPut: 2,
  producerAdded: 3,
  producerSleep: 4,
  producerDone: 5,
  producerSentinel: 6,
  workerGet: 7,
  workerShutdown: 8,
  workerSentinelDone: 9,
  workerSleep: 10,
  workerProcessed: 11,
  workerTaskDone: 12,
  summary: 13,
} as const;

export type Site = (typeof SITE)[keyof typeof SITE];
