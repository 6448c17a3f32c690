"""Run an exported Queue Lab program under real CPython (Pyodide) on a virtual clock.

A port of the oracle's `vclock.py` and `run_virtual.py` (../shared/oracle) for
CPython 3.14 in WebAssembly.  CPython's own event loop code does all the
scheduling: `VirtualClockLoop` subclasses `asyncio.base_events.BaseEventLoop`,
so `_run_once`, `call_soon`, Task/Future (the C accelerated ones), Queue
(3.13+ `shutdown()` included), gather and sleep are the real ones.  As in the
oracle, only this changes:

1. `time()` is a virtual clock (a float from 0.0) that only moves in `select()`.
2. The selector is fake: when `_run_once` would wait for the next timer, the
   clock jumps to exactly that timer's `when`; when nothing is ready and no
   timer is pending (real CPython would block forever) it raises
   `VirtualClockDeadlock`.
3. Timers due at exactly the same `when` run in the order they were scheduled
   (each handle carries a sequence number; ordering is `(when, seq)`).
4. `clock_resolution` is pinned to 1e-9 (Linux's monotonic clock).

Two things are particular to running many programs in one Pyodide interpreter:

- Pyodide's own `WebLoop` is registered as the running loop, and
  `asyncio.Runner.run()` refuses to start inside a running loop: the runner
  unsets it for the run and puts it back afterwards.
- Default task names (`Task-1`, `Task-2`, ...) come from a process-wide counter
  in CPython; each run here names its tasks from 1 as a fresh `python3
  program.py` process would, so deadlock reports name the same tasks.

A deadlock ends the visible run where real CPython would hang: what asyncio.run
prints while cancelling the leftover tasks on the virtual clock is not part of
the output (real CPython never gets there).

Entry point: `run_program(source) -> str` (JSON, see its docstring).
"""

from __future__ import annotations

import asyncio
import builtins
import gc
import heapq
import itertools
import json
import linecache
import platform
import sys
import time
import traceback
from asyncio import base_events, events

# time.get_clock_info('monotonic').resolution on Linux; pinned so that the
# "due" test in BaseEventLoop._run_once is the same on every machine.
CLOCK_RESOLUTION = 1e-9


class VirtualClockDeadlock(RuntimeError):
    """Nothing is ready and no timer is pending: real CPython would hang here."""


class VirtualClockLimit(RuntimeError):
    """The run passed the max_iterations given to the loop."""


class _SeqTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (when, scheduling order) instead of when alone."""

    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context=None, seq=0):
        super().__init__(when, callback, args, loop, context)
        self._seq = seq

    def __lt__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return (self._when, self._seq) < (other._when, other._seq)
        return super().__lt__(other)

    def __le__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return (self._when, self._seq) <= (other._when, other._seq)
        return super().__le__(other)

    def __gt__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return (self._when, self._seq) > (other._when, other._seq)
        return super().__gt__(other)

    def __ge__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return (self._when, self._seq) >= (other._when, other._seq)
        return super().__ge__(other)


class _VirtualSelector:
    """Stands in for a selectors.BaseSelector: no I/O, no sleeping."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout=None):
        self._loop._advance(timeout)
        return []

    def register(self, fileobj, events, data=None):
        raise NotImplementedError("the virtual clock loop does no I/O")

    unregister = modify = register

    def get_map(self):
        return {}

    def close(self):
        self._loop = None


def _pending_task(task):
    """Name, coroutine and the line it waits at, as the task's repr shows them."""
    coro = task.get_coro()
    frame = getattr(coro, "cr_frame", None)
    return {
        "name": task.get_name(),
        "coroutine": getattr(coro, "__name__", type(coro).__name__),
        "line": frame.f_lineno if frame is not None else 0,
        "repr": repr(task),
    }


class VirtualClockLoop(base_events.BaseEventLoop):
    """BaseEventLoop whose clock is virtual and whose selector never blocks."""

    def __init__(self, *, max_iterations=None, on_stop=None):
        super().__init__()
        self._vtime = 0.0
        self._clock_resolution = CLOCK_RESOLUTION
        self._selector = _VirtualSelector(self)
        self._timer_seq = itertools.count()
        self._task_names = itertools.count(1)
        self._max_iterations = max_iterations
        self._on_stop = on_stop
        #: Number of _run_once calls (event loop iterations) so far.
        self.iteration = 0
        #: Set at the first deadlock: what CPython would be stuck on.
        self.deadlock = None

    # -- the clock ---------------------------------------------------------

    def time(self):
        return self._vtime

    def _advance(self, timeout):
        """Called from select(timeout) inside BaseEventLoop._run_once."""
        if timeout is None:
            self._stuck()
        if timeout <= 0:
            return
        target = self._vtime + timeout
        if self._scheduled:
            when = self._scheduled[0]._when
            # _run_once computed timeout = min(max(0, when - now), 24h); when
            # it was not capped, land on `when` itself so no float error
            # creeps into the clock.
            if when - self._vtime <= timeout:
                target = when
        if target > self._vtime:
            self._vtime = target

    def _stuck(self):
        pending = sorted(
            (t for t in asyncio.all_tasks(self) if not t.done()),
            key=lambda t: t.get_name())
        lines = [
            f"deadlock at t={self._vtime!r} (iteration {self.iteration}): "
            "no callback is ready and no timer is pending, so CPython would "
            "block forever. Pending tasks:"
        ]
        lines.extend(f"  {task!r}" for task in pending)
        message = "\n".join(lines)
        if self.deadlock is None:
            self.deadlock = {
                "kind": "deadlock",
                "t": self._vtime,
                "iteration": self.iteration,
                "tasks": [_pending_task(task) for task in pending],
                "message": message,
            }
            if self._on_stop is not None:
                self._on_stop()
        raise VirtualClockDeadlock(message)

    # -- timers: (when, scheduling order) ----------------------------------

    def call_at(self, when, callback, *args, context=None):
        # Same steps as BaseEventLoop.call_at, with the ordered handle.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _SeqTimerHandle(when, callback, args, self, context,
                                next(self._timer_seq))
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    # -- task names as in a fresh process ------------------------------------

    def create_task(self, coro, **kwargs):
        if kwargs.get("name") is None:
            kwargs["name"] = f"Task-{next(self._task_names)}"
        return super().create_task(coro, **kwargs)

    # -- one iteration -----------------------------------------------------

    def _run_once(self):
        self.iteration += 1
        if (self._max_iterations is not None
                and self.iteration > self._max_iterations):
            if self._on_stop is not None:
                self._on_stop()
            raise VirtualClockLimit(
                f"stopped after {self._max_iterations} event loop iterations "
                f"(t={self._vtime!r}): the run looks like it would never end")
        super()._run_once()

    # -- things a selector loop would do with real file descriptors --------

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass  # call_soon_threadsafe: nothing to wake, select() never blocks


class _Capture:
    """A text stream that keeps what is written; after freeze() it drops it."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self):
        self._parts = []
        self._frozen = False

    def write(self, text):
        if not self._frozen:
            self._parts.append(text)
        return len(text)

    def append(self, text):
        """Write even when frozen (the runner's own report)."""
        self._parts.append(text)

    def freeze(self):
        self._frozen = True

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def getvalue(self):
        return "".join(self._parts)


def _program_traceback(exc, filename):
    """The traceback as `python3 program.py` prints it: from the program's frames on."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    lines = traceback.format_exception(type(exc), exc, tb or exc.__traceback__)
    return "".join(lines)


def run_program(source, filename="program.py", max_iterations=None):
    """Run `source` as `__main__` with asyncio.run on the virtual clock.

    Returns JSON: {"stdout", "stderr", "exit_code", "ending", "python", "seconds"}.
    exit_code: 0 done, 1 the program raised (ending {"kind": "raised",
    "last_line": "RuntimeError: ..."}), 3 deadlock (ending {"kind": "deadlock",
    "t", "iteration", "tasks": [{"name", "coroutine", "line", "repr"}],
    "message"}), 4 past max_iterations (ending {"kind": "limit", "message"}),
    or the code the program passed to sys.exit (ending {"kind": "exit"}).
    """
    stdout = _Capture()
    stderr = _Capture()
    loops = []

    def freeze():
        stdout.freeze()
        stderr.freeze()

    def virtual_run(main, *, debug=None, loop_factory=None):
        def factory():
            loop = VirtualClockLoop(max_iterations=max_iterations, on_stop=freeze)
            loops.append(loop)
            return loop

        with asyncio.Runner(debug=debug, loop_factory=factory) as runner:
            return runner.run(main)

    saved_streams = (sys.stdout, sys.stderr)
    saved_run = asyncio.run
    saved_loop = events._get_running_loop()
    saved_argv = sys.argv
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
    exit_code = 0
    ending = {"kind": "returned"}
    started = time.perf_counter()
    try:
        sys.stdout, sys.stderr = stdout, stderr
        sys.argv = [filename]
        asyncio.run = virtual_run
        events._set_running_loop(None)
        try:
            exec(compile(source, filename, "exec"), namespace)
        except VirtualClockDeadlock:
            deadlock = next(loop.deadlock for loop in loops if loop.deadlock is not None)
            stderr.append(f"{deadlock['message']}\n")
            exit_code, ending = 3, deadlock
        except VirtualClockLimit as exc:
            stderr.append(f"{exc}\n")
            exit_code, ending = 4, {"kind": "limit", "message": str(exc)}
        except SystemExit as exc:
            if isinstance(exc.code, int) or exc.code is None:
                exit_code = exc.code or 0
            else:
                stderr.write(f"{exc.code}\n")
                exit_code = 1
            ending = {"kind": "exit", "code": exit_code}
        except BaseException as exc:  # what `python3 program.py` would die of
            text = _program_traceback(exc, filename)
            stderr.write(text)
            exit_code = 1
            ending = {"kind": "raised", "last_line": text.rstrip("\n").rsplit("\n", 1)[-1]}
        namespace.clear()
        loops.clear()
        # Tasks freed now log "Task exception was never retrieved", as at interpreter exit.
        gc.collect()
    finally:
        sys.stdout, sys.stderr = saved_streams
        sys.argv = saved_argv
        asyncio.run = saved_run
        events._set_running_loop(saved_loop)
        linecache.cache.pop(filename, None)
    return json.dumps({
        "stdout": stdout.getvalue(),
        "stderr": stderr.getvalue(),
        "exit_code": exit_code,
        "ending": ending,
        "python": platform.python_version(),
        "seconds": time.perf_counter() - started,
    })
