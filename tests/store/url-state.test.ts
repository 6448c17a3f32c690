import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/engine/index';
import { formatUrlState, parseUrlState } from '../../src/store/url-state';

describe('link state', () => {
  it('reads every setting by its CLI option name, and the event index', () => {
    const state = parseUrlState({
      jobs: '12',
      workers: '4',
      maxsize: '1',
      seed: '7',
      queue: 'priority',
      shutdown: 'cancel',
      'on-error': 'retry',
      retries: '3',
      fail: '3,5',
      flaky: '7',
      'min-duration': '0.2',
      'max-duration': '1.5',
      'min-interval': '0',
      'max-interval': '0.3',
      at: '40',
    });
    expect(state.notices).toEqual([]);
    expect(state.at).toBe(40);
    expect(state.settings).toEqual({
      ...DEFAULT_SETTINGS,
      jobs: 12,
      workers: 4,
      maxsize: 1,
      seed: 7n,
      queue: 'priority',
      shutdown: 'cancel',
      onError: 'retry',
      retries: 3,
      fail: [3, 5],
      flaky: [7],
      minDuration: 0.2,
      maxDuration: 1.5,
      minInterval: 0,
      maxInterval: 0.3,
    });
  });

  it('round-trips through formatUrlState, writing only what differs from the defaults', () => {
    const settings = { ...DEFAULT_SETTINGS, workers: 9, queue: 'lifo' as const, fail: [2, 4] };
    const params = formatUrlState(settings, 17);
    expect(params).toEqual({ workers: '9', queue: 'lifo', fail: '2,4', at: '17' });
    expect(parseUrlState(params)).toEqual({ settings, at: 17, lesson: null, notices: [] });
    expect(formatUrlState(DEFAULT_SETTINGS, 0)).toEqual({});
  });

  it('names each bad parameter and the value used instead, and never throws', () => {
    const state = parseUrlState({ workers: '999', maxsize: 'lots', queue: 'stack', fail: '3,99', at: '-2', colour: 'blue' });
    expect(state.settings.workers).toBe(32);
    expect(state.settings.maxsize).toBe(DEFAULT_SETTINGS.maxsize);
    expect(state.settings.queue).toBe('fifo');
    expect(state.settings.fail).toEqual([3]);
    expect(state.at).toBeNull();
    expect(state.notices).toEqual([
      'Unknown link parameter "colour" was ignored.',
      'Link parameter workers: Workers must be from 1 to 32; using 32.',
      'Link parameter maxsize: Queue maxsize: "lots" is not a number; using 5.',
      'Link parameter queue: Queue kind: "stack" is not one of fifo, priority, lifo; using fifo.',
      'Link parameter fail: Failing jobs: kept 3 (job numbers run from 1 to 20).',
      'Link parameter at: "-2" is not an event number (0 or more); starting at event 0.',
    ]);
  });

  it('keeps ranges ordered and failing jobs within the job count, and says what it moved', () => {
    const state = parseUrlState({ jobs: '4', fail: '2,4', flaky: '4', 'min-duration': '3', 'max-duration': '1' });
    expect(state.settings.fail).toEqual([2, 4]);
    expect(state.settings.flaky).toEqual([]);
    expect(state.settings.minDuration).toBe(1);
    expect(state.settings.maxDuration).toBe(1);
    expect(state.notices).toEqual([
      'Link parameter flaky: Flaky jobs: kept none (a failing job is not also flaky).',
      'Link parameter min-duration: 3 does not fit with max-duration; using 1.',
    ]);
    // A range given in order moves nothing, and says nothing.
    expect(parseUrlState({ 'min-interval': '0.2', 'max-interval': '3' }).notices).toEqual([]);
  });
});
