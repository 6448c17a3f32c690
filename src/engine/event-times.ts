import { doubled } from './typed-arrays';
/**
 * The event log's time column, stored as runs: the virtual clock only moves
 * between loop iterations, so consecutive events mostly share one time. A run
 * is (first event index, time); a million-job run has about one run per job
 * instead of one float64 per event. Runs live in fixed-size chunks, so growing
 * never copies and never leaves more than one chunk of slack.
 */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/** The runs as plain data (typed arrays), to send a finished log to another thread. */
export interface EventTimesData {
  readonly starts: readonly Int32Array[];
  readonly times: readonly Float64Array[];
  readonly runs: number;
}

export class EventTimes {
  private readonly starts: Int32Array[] = [];
  private readonly times: Float64Array[] = [];
  private runs = 0;
  private last = Number.NaN;
  /** The first event of the last run: a run no event was recorded in yet is retimed, not followed. */
  private lastStart = -1;
  /** The chunk the next run goes in, and the run that needs the next chunk (or a bigger first one). */
  private currentStarts: Int32Array = new Int32Array(0);
  private currentTimes: Float64Array = new Float64Array(0);
  private limit = 0;
  /** The run the previous lookup landed in: decoding in order is O(1) per event. */
  private hint = 0;

  /**
   * Record that events from `index` (the next one appended) on happen at `t`.
   * Called when the clock moves, before any event at `t` exists: if none was
   * recorded since the previous call, that run (still empty) takes the new time.
   */
  note(index: number, t: number): void {
    // `===` (not Object.is, which costs more per event): the clock starts at 0.0 and only adds, so it never makes a -0.0.
    if (t === this.last) return;
    this.last = t;
    if (index === this.lastStart) {
      const empty = this.runs - 1;
      this.times[empty >>> SHIFT]![empty & MASK] = t;
      return;
    }
    this.lastStart = index;
    const run = this.runs;
    if (run === this.limit) this.grow();
    // 0x3fff is MASK: a literal, as V8 reloads and re-checks module-level `const`s on every call.
    this.currentStarts[run & 0x3fff] = index;
    this.currentTimes[run & 0x3fff] = t;
    this.runs = run + 1;
  }

  /** The time of event `index` (which must have been noted). */
  at(index: number): number {
    let run = this.hint;
    if (!(run < this.runs && this.start(run) <= index && (run + 1 === this.runs || index < this.start(run + 1)))) run = this.search(index);
    this.hint = run;
    return this.times[run >>> SHIFT]![run & MASK]!;
  }

  /** The first event at time `t` or later: where the first run timed at `t` or later starts (-1 for none). */
  firstAtOrAfter(t: number): number {
    let low = 0;
    let high = this.runs;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid >>> SHIFT]![mid & MASK]! < t) low = mid + 1;
      else high = mid;
    }
    return low === this.runs ? -1 : this.start(low);
  }

  toData(): EventTimesData {
    return { starts: this.starts, times: this.times, runs: this.runs };
  }

  /** The typed arrays behind `toData`'s result. */
  static buffersOf(data: EventTimesData): ArrayBufferLike[] {
    return [...data.starts, ...data.times].map((chunk) => chunk.buffer);
  }

  /** Times read back from `toData` (for reading: `note` after this would start a new run). */
  static fromData(data: EventTimesData): EventTimes {
    const times = new EventTimes();
    for (const chunk of data.starts) times.starts.push(chunk);
    for (const chunk of data.times) times.times.push(chunk);
    times.runs = data.runs;
    if (data.runs > 0) {
      times.last = data.times[(data.runs - 1) >>> SHIFT]![(data.runs - 1) & MASK]!;
      times.lastStart = times.start(data.runs - 1);
    }
    return times;
  }

  byteSize(): number {
    let bytes = 0;
    for (let c = 0; c < this.starts.length; c++) bytes += this.starts[c]!.byteLength + this.times[c]!.byteLength;
    return bytes;
  }

  private start(run: number): number {
    return this.starts[run >>> SHIFT]![run & MASK]!;
  }

  /** The last run starting at or before `index`. */
  private search(index: number): number {
    let low = 0;
    let high = this.runs - 1;
    const hint = this.hint;
    if (hint < this.runs && this.start(hint) <= index) {
      // Galloping forward from the last lookup: read in order with gaps (a chart's points), the run is a few steps on.
      low = hint;
      let step = 1;
      while (low + step <= high && this.start(low + step) <= index) {
        low += step;
        step *= 2;
      }
      high = Math.min(high, low + step - 1);
    }
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.start(mid) <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * Make room for run `runs`: a new chunk, or (the first chunk starts small, as
   * most logs are short) the first chunk doubled, up to CHUNK.
   */
  private grow(): void {
    const run = this.runs;
    const chunk = run >>> SHIFT;
    if (chunk === this.starts.length) {
      const size = run === 0 ? 64 : CHUNK;
      this.starts.push(new Int32Array(size));
      this.times.push(new Float64Array(size));
    } else if (run === (chunk << SHIFT) + this.starts[chunk]!.length) {
      this.starts[chunk] = doubled(this.starts[chunk]!);
      this.times[chunk] = doubled(this.times[chunk]!);
    }
    this.currentStarts = this.starts[chunk]!;
    this.currentTimes = this.times[chunk]!;
    this.limit = (chunk << SHIFT) + this.currentStarts.length;
  }
}
