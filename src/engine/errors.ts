/**
 * Python exceptions as the engine raises them. `pyType` is the class name Python
 * prints (`asyncio.exceptions.CancelledError` prints as `CancelledError`), so an
 * uncaught one can be reported the way CPython reports it.
 */
export class PyBaseException extends Error {
  readonly pyType: string = 'BaseException';

  /** `repr(exc)`, e.g. `RuntimeError('boom')`. */
  get pyRepr(): string {
    return this.message === '' ? `${this.pyType}()` : `${this.pyType}('${this.message}')`;
  }
}

export class PyException extends PyBaseException {
  override readonly pyType: string = 'Exception';
}

/** asyncio.CancelledError derives from BaseException since Python 3.8. */
export class CancelledError extends PyBaseException {
  override readonly pyType = 'CancelledError';
}

export class InvalidStateError extends PyException {
  override readonly pyType = 'InvalidStateError';
}

export class QueueEmpty extends PyException {
  override readonly pyType = 'QueueEmpty';
}

export class QueueFull extends PyException {
  override readonly pyType = 'QueueFull';
}

export class ValueError extends PyException {
  override readonly pyType = 'ValueError';
}

export class RuntimeError extends PyException {
  override readonly pyType = 'RuntimeError';
}

/** Python 3.13's asyncio.QueueShutDown: put/get on a shut-down queue. */
export class QueueShutDown extends PyException {
  override readonly pyType = 'QueueShutDown';
}
