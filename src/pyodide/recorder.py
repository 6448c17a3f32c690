"""Record a learner's asyncio program inside CPython, event by event.

Loaded into the namespace of vclock_runner.py (after it): a recording is one
call of that module's own `run_program`, so what the program prints, its
traceback (frames of vclock_runner.py included), deadlock report and exit code
are those of the uninstrumented run, byte for byte.  For that one call the
names `run_program` looks up are swapped (`VirtualClockLoop`, `_Capture`,
`_program_traceback`, `compile`, `gc`), and asyncio is patched; everything is
put back afterwards, because the interpreter runs many programs.

What is instrumented, and how each keeps CPython's behaviour:

- Tasks: the loop's `create_task` wraps each coroutine in `_TaskCoro`, which
  delegates `send`/`throw` (recording `task.step`, `task.done`, `task.await`)
  and everything `repr(task)` reads (`__qualname__`, `cr_frame`, ...) to the
  real coroutine; `asyncio.tasks.Task` is a subclass whose `cancel()` records
  `task.cancel`.  `BaseEventLoop.create_task` still builds the task, so its
  frames in a traceback are the real ones.
- Queues: `asyncio.queues.Queue` and subclasses are patched at class level,
  each wrapper calling the real 3.14 method: `_put`/`_get` (a shadow of the
  queue's item numbers), `_wakeup_next`, `task_done`, `shutdown`; the waiter
  deques are deque subclasses whose `append`/`remove` mark a wait and its
  cancellation; `QueueShutDown.__init__` notes a refusal where it is raised.
- `asyncio.sleep` is not wrapped at all: `sys.monitoring` PY_START on its code
  object records it when it starts running, in the task that runs it.
- A wrapper's own frame must not show in a traceback: each removes its entry
  from the exception's traceback before re-raising (a bare `raise` adds none).
- Limits end the run with `_RecordingStop`, a SystemExit: the C Task re-raises
  it out of the loop, `except Exception` in the program does not catch it, and
  after it every backward jump in the learner's code raises it again.

Entry point: `record_program(source, ...) -> str` (JSON, see its docstring).
"""

import ast
import builtins
import collections
import collections.abc
import gc as _gc
import itertools
import json
import math
import operator
import sys
import time as _time
import types
from asyncio import base_events, exceptions, queues, tasks

# -- the event kinds (their index is the code in the JSON) -------------------

KINDS = (
    "task.create", "task.step", "task.await", "task.done", "task.cancel", "task.stuck",
    "queue.create", "queue.put", "queue.put_wait", "queue.get", "queue.get_wait", "queue.wake",
    "queue.wait_cancelled", "queue.task_done", "queue.join_wait", "queue.join_release",
    "queue.shutdown", "queue.drop", "queue.refused", "sleep", "print",
)
(TASK_CREATE, TASK_STEP, TASK_AWAIT, TASK_DONE, TASK_CANCEL, TASK_STUCK,
 Q_CREATE, Q_PUT, Q_PUT_WAIT, Q_GET, Q_GET_WAIT, Q_WAKE,
 Q_WAIT_CANCELLED, Q_TASK_DONE, Q_JOIN_WAIT, Q_JOIN_RELEASE,
 Q_SHUTDOWN, Q_DROP, Q_REFUSED, SLEEP, PRINT) = range(len(KINDS))

GETTER, PUTTER = "getter", "putter"
FIFO, LIFO, PRIORITY = 0, 1, 2

DEFAULT_LIMITS = {
    "max_events": 2_000_000,
    # Every iteration runs at least one callback; most record an event, so
    # this only bites a program that loops on callbacks or empty sleeps.
    "max_iterations": 2_000_000,
    "max_output_bytes": 10 * 2**20,
    "max_output_lines": 1_000_000,
    # The event log stores task numbers in 16 bits (0xffff = no task).
    "max_tasks": 65_000,
    "max_step_seconds": 2.0,
}
LABEL_LENGTH = 60
# Backward jumps between two looks at the clock (a few milliseconds of a tight loop).
JUMPS_PER_CHECK = 1 << 14
ASYNCIO_DIR = tasks.__file__.rsplit("/", 1)[0] + "/"

# Library coroutines a task can wait in, by qualified name: what it waits on, in words.
WAIT_WORDS = {
    "Event.wait": "Event.wait()",
    "Lock.acquire": "Lock.acquire()",
    "Semaphore.acquire": "Semaphore.acquire()",
    "Condition.wait": "Condition.wait()",
    "Barrier.wait": "Barrier.wait()",
    "TaskGroup.__aexit__": "the TaskGroup's tasks",
    "wait": "asyncio.wait()",
    "as_completed": "asyncio.as_completed()",
    "_AsCompletedIterator._wait_for_one": "asyncio.as_completed()",
}
QUEUE_WAITS = {"Queue.get": "get", "Queue.put": "put", "Queue.join": "join"}


class _RecordingStop(SystemExit):
    """Ends a recorded run at a limit or a refused call (see the module docstring)."""


class _Recorder:
    """The state of one recording; `_REC` is the one being recorded (or `_IDLE`)."""

    __slots__ = (
        "on", "events", "emit", "max_events", "loop", "current", "waited", "steps", "filename",
        "tasks", "task_line", "queues", "items", "got", "holding", "putting", "waiter_task",
        "dropping", "quiet", "stopping", "stop_lines", "jumps", "next_check", "mark",
        "mark_clock", "max_step_seconds", "max_tasks", "max_out_bytes", "max_out_lines",
        "out_bytes", "out_lines", "names", "streams", "top_frames",
        "traceback", "error_lines", "times", "ti", "stderr_kept",
    )

    def __init__(self, filename="program.py", limits=DEFAULT_LIMITS):
        self.on = False
        self.events = []
        self.emit = self.events.append
        self.max_events = limits["max_events"]
        self.loop = _NO_LOOP
        self.current = -1
        self.waited = False
        self.steps = 0
        self.filename = filename
        self.tasks = []
        self.task_line = []
        self.queues = []
        self.items = ["None"]
        self.got = {}
        self.holding = {}
        self.putting = {}
        self.waiter_task = {}
        self.dropping = None
        self.quiet = False
        self.stopping = None
        self.stderr_kept = ""
        self.stop_lines = []
        self.jumps = 0
        self.next_check = JUMPS_PER_CHECK
        self.mark = None
        self.mark_clock = 0.0
        self.max_step_seconds = limits["max_step_seconds"]
        self.max_tasks = limits["max_tasks"]
        self.max_out_bytes = limits["max_output_bytes"]
        self.max_out_lines = limits["max_output_lines"]
        self.out_bytes = 0
        self.out_lines = 0
        self.names = {}
        self.streams = []
        # Distinct loop times in order; an event's t is an index into it (floats are slow to write).
        self.times = [0.0]
        self.ti = 0
        self.top_frames = {}  # id(a task's coroutine frame) -> its task number
        self.traceback = None
        self.error_lines = []

    # -- events ------------------------------------------------------------

    def check_events(self):
        """Past max_events: keep the first max_events and stop. Looked at each task step and
        every JUMPS_PER_CHECK backward jumps (any loop in one step jumps), not per event."""
        if len(self.events) > self.max_events:
            del self.events[self.max_events:]
            self.stop("events", f"The recording stopped after {self.max_events:,} events: "
                      "the run is too long to show (try fewer jobs).")

    def line(self, frame):
        """The innermost line of the learner's file from `frame` outwards (0 if none in this step)."""
        filename = self.filename
        while frame is not None:
            code = frame.f_code
            if code.co_filename == filename:
                return frame.f_lineno
            if code is _RUN_ONCE or code is _SEND or code is _THROW:
                return 0
            frame = frame.f_back
        return 0

    def learner_lines(self, frame):
        """Every learner line on the stack from `frame` out, outermost first."""
        lines = []
        while frame is not None:
            if frame.f_code.co_filename == self.filename:
                lines.append(frame.f_lineno)
            frame = frame.f_back
        return lines[::-1]

    def clock(self, t):
        """The loop's time moved to `t`: events from now on carry its index in `times`."""
        if t != self.times[-1]:
            self.times.append(t)
            self.ti = len(self.times) - 1

    # -- stops -------------------------------------------------------------

    def stop(self, kind, message, frame=None):
        if self.stopping is None:
            self.stopping = {"kind": kind, "message": message}
            self.stop_lines = self.learner_lines(frame or sys._getframe(1))
            # What stderr held when the run was stopped (the runner adds its own limit report after).
            self.stderr_kept = self.streams[1].getvalue() if len(self.streams) > 1 else ""
            self.on = False
            for stream in self.streams:
                stream.freeze()
            self.next_check = 0  # from now on every backward jump raises
            self.loop._max_iterations = 0  # and the loop stops at its next iteration
        raise _RecordingStop(self.stopping["message"])

    def check_time(self, frame):
        """Every JUMPS_PER_CHECK backward jumps: has one step run too long?"""
        if self.stopping is not None:
            raise _RecordingStop(self.stopping["message"])
        self.next_check = self.jumps + JUMPS_PER_CHECK
        if len(self.events) > self.max_events:
            self.check_events()
        now = _time.perf_counter()
        mark = (self.steps, self.loop.iteration)
        if mark != self.mark:
            self.mark, self.mark_clock = mark, now
        elif now - self.mark_clock > self.max_step_seconds:
            line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
            where = f"{self.tasks[self.current]['name']} ({self.tasks[self.current]['coroutine']})" \
                if self.current >= 0 else "The program"
            self.stop("time", f"{where} ran for {self.max_step_seconds:g} s at line {line} without "
                      "reaching an await: a loop that never awaits blocks the event loop, so no "
                      "other task can run. Add `await asyncio.sleep(0)` in the loop, or end it.", frame)

    def refuse(self, call, instead):
        self.stop("refused", f"{call} is not available in the lab: {instead}", sys._getframe(2))

    # -- items -------------------------------------------------------------

    def label(self, obj):
        """repr(obj), cut to LABEL_LENGTH characters; printed nothing while it runs."""
        if type(obj) in _PLAIN_TYPES:  # their repr runs no program code
            text = repr(obj)
            return text if len(text) <= LABEL_LENGTH else text[:LABEL_LENGTH - 1] + "…"
        self.quiet = True
        try:
            text = repr(obj)
        except Exception:
            text = f"<{type(obj).__name__} object>"
        finally:
            self.quiet = False
        if len(text) > LABEL_LENGTH:
            text = text[:LABEL_LENGTH - 1] + "…"
        return text

    def number(self, task, item):
        """The item number of `item` as `task` puts it (None 0; one it got keeps its number)."""
        if item is None:
            return 0
        putting = self.putting.get(task)
        if putting is not None and putting[0] is item:
            del self.putting[task]
            return putting[1]
        got = self.got.get(task)
        if got is not None and got[0] is item:
            holding = self.holding.get(task)
            if holding is not None and holding[1] == got[1]:
                del self.holding[task]
            return got[1]
        items = self.items
        items.append(self.label(item))
        return len(items) - 1

    # -- tasks -------------------------------------------------------------

    def task_created(self, coro, name):
        n = len(self.tasks)
        if n >= self.max_tasks:
            coro.close()
            self.stop("tasks", f"The program created more than {self.max_tasks:,} tasks: the "
                      "lab shows at most that many.", sys._getframe(2))
        code = coro.cr_code
        line = self.line(sys._getframe(2))
        self.tasks.append({"name": name, "coroutine": code.co_qualname, "parent": self.current, "line": line})
        self.task_line.append(code.co_firstlineno if code.co_filename == self.filename else 0)
        self.top_frames[id(coro.cr_frame)] = n
        self.emit((TASK_CREATE, self.ti, self.current, line, n))
        return n

    def task_cancelled(self, task):
        target = getattr(task, "_rec_n", -1)
        if target >= 0:
            self.emit((TASK_CANCEL, self.ti, self.current, self.line(sys._getframe(2)), target))

    def task_returned(self, n):
        task = tasks.current_task()
        outcome = "cancelled" if task is not None and task._must_cancel else "returned"
        self.emit((TASK_DONE, self.ti, n, self.last_line(n), outcome, ""))

    def last_line(self, n):
        """Where task n was last seen: its latest event, if this step made one, else where it resumed."""
        events = self.events
        if events and events[-1][2] == n:
            return events[-1][3]
        return self.task_line[n]

    def task_raised(self, n, exc):
        if isinstance(exc, exceptions.CancelledError):
            self.emit((TASK_DONE, self.ti, n, self.last_line(n), "cancelled", ""))
            return
        # The innermost learner line of this task's own frames: the traceback goes on into
        # the frames of a task it awaited (a future's saved traceback), which stop the walk.
        line = self.last_line(n)
        tb = exc.__traceback__
        tops = self.top_frames
        while tb is not None:
            if tops.get(id(tb.tb_frame), n) != n:
                break
            if tb.tb_frame.f_code.co_filename == self.filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        self.emit((TASK_DONE, self.ti, n, line, "raised", describe_error(exc)))

    def task_await(self, n, coro, yielded):
        if yielded is None:
            return  # a bare yield: ready again next iteration
        words, line = self.wait_words(coro, yielded)
        self.task_line[n] = line
        self.emit((TASK_AWAIT, self.ti, n, line, words or "a Future"))

    def wait_words(self, coro, waiting_on):
        """What a suspended coroutine waits on, in words, and the innermost learner line of its await chain."""
        words = None
        line = 0
        filename = self.filename
        while coro is not None:
            code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
            if code is None:
                break
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
            if code.co_filename == filename:
                if frame is not None:
                    line = frame.f_lineno
            elif words is None and code.co_filename.startswith(ASYNCIO_DIR):
                qualname = code.co_qualname
                method = QUEUE_WAITS.get(qualname)
                if method is not None and frame is not None:
                    words = f"{self.queue_name(frame.f_locals.get('self'))}.{method}()"
                else:
                    words = WAIT_WORDS.get(qualname)
            coro = getattr(coro, "cr_await", None) if hasattr(coro, "cr_await") else getattr(coro, "gi_yieldfrom", None)
        if words is None and waiting_on is not None:
            if isinstance(waiting_on, tasks.Task):
                words = waiting_on.get_name()
            elif type(waiting_on).__name__ == "_GatheringFuture":
                words = "asyncio.gather()"
        return words, line

    def queue_name(self, queue):
        state = getattr(queue, "_rec_q", None)
        if state is not None and self.queues[state.n]["name"] is not None:
            return self.queues[state.n]["name"]
        return type(queue).__name__

    # -- queues ------------------------------------------------------------

    def queue_created(self, queue, maxsize):
        n = len(self.queues)
        frame = sys._getframe(2)  # queue_created <- Queue.__init__ wrapper <- the caller
        line = self.line(frame)
        self.queues.append({"name": self.bound_name(frame), "class_name": type(queue).__name__,
                            "maxsize": maxsize if type(maxsize) is int else 0, "line": line})
        kind = PRIORITY if isinstance(queue, queues.PriorityQueue) else LIFO if isinstance(queue, queues.LifoQueue) else FIFO
        state = _QueueState(n, kind, queue._queue)
        self.emit((Q_CREATE, self.ti, self.current, line, n))
        return state

    def bound_name(self, frame):
        """The name the call creating a queue is assigned to, from the learner frames' positions."""
        filename = self.filename
        while frame is not None:
            code = frame.f_code
            if code.co_filename == filename:
                positions = next(itertools.islice(code.co_positions(), frame.f_lasti // 2, None), None)
                if positions is not None:
                    name = self.names.get(positions)
                    if name is not None:
                        return name
            frame = frame.f_back
        return None

    def put(self, queue, state, item):
        task = self.current
        n = self.number(task, item)
        kind = state.kind
        if kind == FIFO:
            state.shadow.append(n)
            position = len(state.items) - 1
        elif kind == LIFO:
            state.shadow.append(n)
            position = 0
        else:
            key = id(item)
            same = state.ids.get(key)
            if same is None:
                state.ids[key] = collections.deque((n,))
            else:
                same.append(n)
            position = self.rank(state.items, item)
        self.emit((Q_PUT, self.ti, task, self.line(sys._getframe(2)), state.n, n, position,
                   queue._unfinished_tasks + 1))

    def rank(self, heap, item):
        """Items that compare lower than `item` (engine PriorityStore.positionOf), compared in C."""
        self.quiet = True
        try:
            return sum(map(operator.lt, heap, itertools.repeat(item)))
        except Exception:
            return -1
        finally:
            self.quiet = False

    def get(self, queue, state, item):
        kind = state.kind
        if kind == FIFO:
            n = state.shadow.popleft() if state.shadow else -1
        elif kind == LIFO:
            n = state.shadow.pop() if state.shadow else -1
        else:
            key = id(item)
            same = state.ids.get(key)
            n = same.popleft() if same else -1
            if same is not None and not same:
                del state.ids[key]
        if n < 0:  # the program changed the queue behind its back: a new item
            n = self.number(-2, item)
        dropping = self.dropping
        if dropping is not None and dropping[0] is queue:
            unfinished = queue._unfinished_tasks
            dropping[1].append((n, unfinished - 1 if unfinished > 0 else unfinished))
            return
        task = self.current
        self.emit((Q_GET, self.ti, task, self.line(sys._getframe(2)), state.n, n, len(state.items)))
        self.got[task] = (item, n)
        self.holding[task] = (state.n, n)

    def wait(self, waiters, future):
        task = self.current
        self.waiter_task[future] = task
        self.waited = True
        state = waiters._state
        frame = sys._getframe(2)  # wait <- append <- Queue.get / Queue.put
        line = self.line(frame)
        if task >= 0:
            self.task_line[task] = line
        if waiters._kind is GETTER:
            self.emit((Q_GET_WAIT, self.ti, task, line, state.n, len(state.items)))
        else:
            item = frame.f_locals.get("item")
            n = self.number(task, item)
            if item is not None:
                self.putting[task] = (item, n)
            self.emit((Q_PUT_WAIT, self.ti, task, line, state.n, n, len(state.items)))

    def join_wait(self, future):
        task = self.current
        self.waiter_task[future] = task
        self.waited = True
        frame = sys._getframe(3)  # join_wait <- append <- Event.wait <- Queue.join
        queue = frame.f_locals.get("self")
        state = getattr(queue, "_rec_q", None)
        if state is None:
            return
        line = self.line(frame)
        if task >= 0:
            self.task_line[task] = line
        self.emit((Q_JOIN_WAIT, self.ti, task, line, state.n, queue._unfinished_tasks))

    def wait_cancelled(self, waiters, future):
        self.waiter_task.pop(future, None)
        self.emit((Q_WAIT_CANCELLED, self.ti, self.current, self.line(sys._getframe(2)),
                   waiters._state.n, waiters._kind))

    def woken(self, waiters, future):
        """`_wakeup_next` is waking `future` (shutdown's wakes are recorded after its drops)."""
        if self.dropping is None:
            self.emit((Q_WAKE, self.ti, self.current, self.line(sys._getframe(3)), waiters._state.n,
                       self.waiter_task.pop(future, -1), waiters._kind))

    def task_done(self, queue, state, joiners):
        task = self.current
        frame = sys._getframe(2)
        line = self.line(frame)
        self.emit((Q_TASK_DONE, self.ti, task, line, state.n, queue._unfinished_tasks))
        holding = self.holding.get(task)
        if holding is not None and holding[0] == state.n:
            del self.holding[task]
        if joiners:
            self.released(state, joiners, line)

    def released(self, state, joiners, line):
        for future in joiners:
            if future.done():
                self.emit((Q_JOIN_RELEASE, self.ti, self.current, line, state.n,
                           self.waiter_task.pop(future, -1)))

    def shut_down(self, state, immediate, drops, joiners, getters, putters, frame):
        t = self.ti
        task = self.current
        line = self.line(frame)
        for n, unfinished in drops:
            self.emit((Q_DROP, t, task, line, state.n, n, unfinished))
        self.emit((Q_SHUTDOWN, t, task, line, state.n, 1 if immediate else 0, len(drops)))
        self.released(state, joiners, line)
        for kind, waiting in ((GETTER, getters), (PUTTER, putters)):
            for future in waiting:
                if future.done():
                    self.emit((Q_WAKE, t, task, line, state.n, self.waiter_task.pop(future, -1), kind))

    def refused(self, frame, kind):
        state = getattr(frame.f_locals.get("self"), "_rec_q", None)
        if state is not None:
            self.emit((Q_REFUSED, self.ti, self.current, self.line(frame), state.n, kind))

    # -- sleep and print ---------------------------------------------------

    def sleep(self, frame):
        task = self.current
        self.waited = True
        delay = frame.f_locals.get("delay")
        if type(delay) is not float or not math.isfinite(delay):
            delay = _json_number(delay)
        line = self.line(frame.f_back)
        if task >= 0:
            self.task_line[task] = line
        holding = self.holding.get(task)
        self.emit((SLEEP, self.ti, task, line, delay, -1 if holding is None else holding[1]))

    def printed(self, text, frame):
        self.emit((PRINT, self.ti, self.current, self.line(frame), text))

    # -- the end -----------------------------------------------------------

    def stuck(self, loop):
        """At a deadlock: each pending task, what it waits on and where (engine runner.describePending)."""
        pending = [t for t in tasks.all_tasks(loop) if not t.done() and getattr(t, "_rec_n", -1) >= 0]
        for task in sorted(pending, key=lambda t: t._rec_n):
            coro = task.get_coro()
            if type(coro) is _TaskCoro:
                coro = coro._coro
            words, line = self.wait_words(coro, task._fut_waiter)
            self.emit((TASK_STUCK, self.ti, task._rec_n, line or self.task_line[task._rec_n],
                       words or ("a Future" if task._fut_waiter is not None else "nothing (ready to run)")))

    def finish(self):
        """The run is over (asyncio.run returned or raised): last partial line, then let go of the program's objects."""
        if self.on and self.streams and self.streams[0].partial:
            self.printed("".join(self.streams[0].partial), None)
        if self.on and len(self.events) > self.max_events:
            del self.events[self.max_events:]
            self.stderr_kept = self.streams[1].getvalue() if len(self.streams) > 1 else ""
            self.stopping = {"kind": "events", "message": f"The recording stopped after {self.max_events:,} events: "
                             "the run is too long to show (try fewer jobs)."}
        self.on = False
        self.got.clear()
        self.holding.clear()
        self.putting.clear()
        self.waiter_task.clear()
        self.top_frames.clear()
        self.dropping = None


_PLAIN_TYPES = frozenset((str, int, float, bool, bytes))


class _NoLoop:
    """The clock before asyncio.run made a loop (module-level code)."""
    _vtime = 0.0
    iteration = 0
    _max_iterations = None


_NO_LOOP = _NoLoop()
_IDLE = _Recorder()
_REC = _IDLE


class _QueueState:
    """What the recorder keeps on a queue (`queue._rec_q`): no reference back to the queue."""

    __slots__ = ("n", "kind", "items", "shadow", "ids")

    def __init__(self, n, kind, items):
        self.n = n
        self.kind = kind
        self.items = items  # the queue's own _queue container
        self.shadow = collections.deque()  # FIFO, LIFO: item numbers in the container's order
        self.ids = {}  # priority: id(item) -> item numbers


def describe_error(exc):
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _hide_frame(exc):
    """Drop the raising wrapper's own entry (the first) from the traceback."""
    tb = exc.__traceback__
    if tb is not None:
        exc.__traceback__ = tb.tb_next


# -- tasks ---------------------------------------------------------------------


class _TaskCoro(collections.abc.Coroutine):
    """A task's coroutine, seen by the task: records each resume and the end."""

    __slots__ = ("_coro", "_n")

    def __init__(self, coro, n):
        self._coro = coro
        self._n = n

    def send(self, value):
        rec = _REC
        n = self._n
        previous = rec.current
        if rec.on:
            rec.current = n
            rec.waited = False
            rec.steps += 1
            rec.emit((TASK_STEP, rec.ti, n, rec.task_line[n]))
            if len(rec.events) > rec.max_events:
                rec.check_events()
        try:
            yielded = self._coro.send(value)
        except StopIteration:
            rec.current = previous
            if rec.on:
                rec.task_returned(n)
            raise
        except BaseException as exc:
            rec.current = previous
            if rec.on:
                rec.task_raised(n, exc)
            _hide_frame(exc)
            raise
        if rec.on and not rec.waited:
            rec.current = n
            rec.task_await(n, self._coro, yielded)
        rec.current = previous
        return yielded

    def throw(self, typ, val=None, tb=None):
        rec = _REC
        n = self._n
        previous = rec.current
        if rec.on:
            rec.current = n
            rec.waited = False
            rec.steps += 1
            rec.emit((TASK_STEP, rec.ti, n, rec.task_line[n]))
            if len(rec.events) > rec.max_events:
                rec.check_events()
        try:
            if val is None and tb is None:
                yielded = self._coro.throw(typ)
            else:
                yielded = self._coro.throw(typ, val, tb)
        except StopIteration:
            rec.current = previous
            if rec.on:
                rec.task_returned(n)
            raise
        except BaseException as exc:
            rec.current = previous
            if rec.on:
                rec.task_raised(n, exc)
            _hide_frame(exc)
            raise
        if rec.on and not rec.waited:
            rec.current = n
            rec.task_await(n, self._coro, yielded)
        rec.current = previous
        return yielded

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __getattr__(self, name):
        # __qualname__, __name__, cr_code, cr_frame, cr_running, cr_await...: the real coroutine's.
        return getattr(self._coro, name)

    def __repr__(self):
        return repr(self._coro)


_SEND = _TaskCoro.send.__code__
_THROW = _TaskCoro.throw.__code__
_RUN_ONCE = base_events.BaseEventLoop._run_once.__code__


class _RecordedTask(tasks.Task):
    """asyncio.Task (the C one) that records `task.cancel`; named Task so repr reads the same."""

    __slots__ = ("_rec_n",)

    def cancel(self, msg=None):
        rec = _REC
        if rec.on and not self.done():
            rec.task_cancelled(self)
        return super().cancel(msg)


_RecordedTask.__name__ = _RecordedTask.__qualname__ = "Task"

# asyncio.run's own clean-up coroutines are not the program's tasks.
_ASYNCGENS = base_events.BaseEventLoop.shutdown_asyncgens.__code__
_EXECUTOR = base_events.BaseEventLoop.shutdown_default_executor.__code__

_REFUSED_IO = {
    "run_in_executor": ("loop.run_in_executor()", "there are no threads here; use an async function (await asyncio.sleep() stands for waiting)."),
    "getaddrinfo": ("loop.getaddrinfo()", "the lab has no network; use an asyncio.Queue and asyncio.sleep() to stand for it."),
    "getnameinfo": ("loop.getnameinfo()", "the lab has no network; use an asyncio.Queue and asyncio.sleep() to stand for it."),
    "create_connection": ("asyncio.open_connection() / loop.create_connection()", "the lab has no network; use an asyncio.Queue and asyncio.sleep() to stand for it."),
    "create_server": ("asyncio.start_server() / loop.create_server()", "the lab has no network; use an asyncio.Queue and asyncio.sleep() to stand for it."),
    "create_datagram_endpoint": ("loop.create_datagram_endpoint()", "the lab has no network."),
    "create_unix_connection": ("asyncio.open_unix_connection()", "the lab has no network."),
    "create_unix_server": ("asyncio.start_unix_server()", "the lab has no network."),
    "subprocess_exec": ("asyncio.create_subprocess_exec()", "the lab cannot start programs."),
    "subprocess_shell": ("asyncio.create_subprocess_shell()", "the lab cannot start programs."),
    "connect_read_pipe": ("loop.connect_read_pipe()", "the lab has no pipes."),
    "connect_write_pipe": ("loop.connect_write_pipe()", "the lab has no pipes."),
    "add_reader": ("loop.add_reader()", "the lab has no files or sockets to watch."),
    "add_writer": ("loop.add_writer()", "the lab has no files or sockets to watch."),
    "sock_connect": ("loop.sock_connect()", "the lab has no network."),
    "sock_recv": ("loop.sock_recv()", "the lab has no network."),
    "sock_sendall": ("loop.sock_sendall()", "the lab has no network."),
    "sock_accept": ("loop.sock_accept()", "the lab has no network."),
}


def _refusing(name, call, instead):
    def refuse(self, *args, **kwargs):
        _close_coroutines(args)
        _REC.refuse(call, instead)
    refuse.__name__ = name
    return refuse


def _close_coroutines(args):
    for arg in args:
        if isinstance(arg, types.CoroutineType):
            arg.close()


def _recording_loop_class(base):
    class _RecordingLoop(base):
        """vclock_runner's VirtualClockLoop, recording tasks, deadlocks and refusing I/O."""

        def __init__(self, *, max_iterations=None, on_stop=None):
            def stopped():
                _REC.on = False
                if on_stop is not None:
                    on_stop()
            super().__init__(max_iterations=max_iterations, on_stop=stopped)
            _REC.loop = self
            _REC.clock(self._vtime)
            if _REC.stopping is not None:
                self._max_iterations = 0

        def _advance(self, timeout):
            if timeout is not None and timeout <= 0:
                return  # VirtualClockLoop._advance's own first answer, without a call
            super()._advance(timeout)
            _REC.clock(self._vtime)

        def create_task(self, coro, **kwargs):
            rec = _REC
            if not rec.on or type(coro) is not types.CoroutineType or coro.cr_code is _ASYNCGENS \
                    or coro.cr_code is _EXECUTOR:
                return super().create_task(coro, **kwargs)
            if kwargs.get("name") is None:
                kwargs["name"] = f"Task-{next(self._task_names)}"
            n = rec.task_created(coro, kwargs["name"])
            try:
                task = super().create_task(_TaskCoro(coro, n), **kwargs)
            except BaseException as exc:
                _hide_frame(exc)
                raise
            if type(task) is _RecordedTask:
                task._rec_n = n
            return task

        def _stuck(self):
            if _REC.on and self.deadlock is None:
                _REC.stuck(self)
            super()._stuck()

    for name, (call, instead) in _REFUSED_IO.items():
        setattr(_RecordingLoop, name, _refusing(name, call, instead))
    return _RecordingLoop


# -- queues --------------------------------------------------------------------


class _Waiters(collections.deque):
    """A queue's `_getters` / `_putters`: append is a wait, remove a cancelled one."""

    __slots__ = ("_state", "_kind")

    def append(self, future):
        collections.deque.append(self, future)
        if _REC.on:
            _REC.wait(self, future)

    def remove(self, future):
        if _REC.on:
            _REC.wait_cancelled(self, future)
        collections.deque.remove(self, future)

    def popleft(self):
        # Called by _wakeup_next and shutdown only, and each wakes a waiter it pops that is not done.
        future = collections.deque.popleft(self)
        if _REC.on and not future.done():
            _REC.woken(self, future)
        return future


class _JoinWaiters(collections.deque):
    """The waiters of a queue's `_finished` Event: append is a task waiting in join()."""

    __slots__ = ()

    def append(self, future):
        collections.deque.append(self, future)
        if _REC.on:
            _REC.join_wait(future)


def _waiters(state, kind):
    waiters = _Waiters()
    waiters._state = state
    waiters._kind = kind
    return waiters


def _wrap_init(real):
    def __init__(self, maxsize=0):
        try:
            real(self, maxsize)
        except BaseException as exc:
            _hide_frame(exc)
            raise
        rec = _REC
        self._rec_q = None
        if rec.on:
            state = rec.queue_created(self, maxsize)
            self._rec_q = state
            self._getters = _waiters(state, GETTER)
            self._putters = _waiters(state, PUTTER)
            self._finished._waiters = _JoinWaiters()
    return __init__


def _wrap_put(real):
    def _put(self, item):
        try:
            real(self, item)
        except BaseException as exc:
            _hide_frame(exc)
            raise
        state = self._rec_q
        if state is not None and _REC.on:
            _REC.put(self, state, item)
    return _put


def _wrap_get(real):
    def _get(self):
        try:
            item = real(self)
        except BaseException as exc:
            _hide_frame(exc)
            raise
        state = self._rec_q
        if state is not None and _REC.on:
            _REC.get(self, state, item)
        return item
    return _get


def _wrap_task_done(real):
    def task_done(self):
        state = self._rec_q
        joiners = None
        if state is not None and self._unfinished_tasks == 1:
            joiners = [f for f in self._finished._waiters if not f.done()]
        try:
            real(self)
        except BaseException as exc:
            _hide_frame(exc)
            raise
        if state is not None and _REC.on:
            _REC.task_done(self, state, joiners)
    return task_done


def _wrap_shutdown(real):
    def shutdown(self, immediate=False):
        rec = _REC
        state = self._rec_q
        if state is None or not rec.on:
            try:
                return real(self, immediate)
            except BaseException as exc:
                _hide_frame(exc)
                raise
        getters = [f for f in self._getters if not f.done()]
        putters = [f for f in self._putters if not f.done()]
        joiners = [f for f in self._finished._waiters if not f.done()]
        drops = []
        rec.dropping = (self, drops)
        try:
            real(self, immediate)
        except BaseException as exc:
            _hide_frame(exc)
            raise
        finally:
            rec.dropping = None
            if rec.on:
                rec.shut_down(state, immediate, drops, joiners, getters, putters, sys._getframe(1))
    return shutdown


_REFUSING_CODES = {}  # code of Queue.put/put_nowait/get/get_nowait -> waiter kind


def _shutdown_raised(self, *args):
    BaseException.__init__(self, *args)
    if _REC.on:
        frame = sys._getframe(1)
        kind = _REFUSING_CODES.get(id(frame.f_code))
        if kind is not None:
            _REC.refused(frame, kind)


# -- print ---------------------------------------------------------------------


def _stream_class(base):
    class _RecordedStream(base):
        """run_program's stdout (the first made) records each line; its stderr is the plain capture."""

        def __init__(self):
            super().__init__()
            rec = _REC
            self._rec_lines = not rec.streams
            self.partial = []
            rec.streams.append(self)

        def write(self, text):
            rec = _REC
            if self._frozen or rec.quiet:
                return len(text)
            if not self._rec_lines or type(text) is not str:
                return super().write(text)
            size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
            rec.out_bytes += size
            if rec.out_bytes > rec.max_out_bytes:
                rec.stop("output", f"The program printed more than {rec.max_out_bytes:,} bytes: "
                         "the recording stopped there.")
            if "\n" not in text:
                self._parts.append(text)
                self.partial.append(text)
                return len(text)
            lines = text.split("\n")
            rec.out_lines += len(lines) - 1
            if rec.out_lines > rec.max_out_lines:
                rec.stop("output", f"The program printed more than {rec.max_out_lines:,} lines: "
                         "the recording stopped there.")
            self._parts.append(text)
            if self.partial:
                self.partial.append(lines[0])
                lines[0] = "".join(self.partial)
                self.partial = []
            last = lines.pop()
            if last:
                self.partial.append(last)
            if rec.on:
                frame = sys._getframe(1)
                for line in lines:
                    rec.printed(line, frame)
            return len(text)

    return _RecordedStream


# -- the watchdog: backward jumps in the learner's code ------------------------

_MONITOR = sys.monitoring
_JUMP = _MONITOR.events.JUMP
_PY_START = _MONITOR.events.PY_START
_DISABLE = _MONITOR.DISABLE


def _on_jump(code, source, destination):
    if destination > source:
        return _DISABLE  # a forward jump never loops
    rec = _REC
    rec.jumps += 1
    if rec.jumps >= rec.next_check:
        rec.check_time(sys._getframe(1))


def _on_start(code, offset):
    if code is _SLEEP_CODE:
        if _REC.on:
            _REC.sleep(sys._getframe(1))
        return None
    return _DISABLE


_SLEEP_CODE = tasks.sleep.__code__


def _assigned_names(source):
    """Call position (line, end line, column, end column) -> the simple name it is assigned to."""
    names = {}

    def bind(target, value):
        if isinstance(target, ast.Name):
            name = target.id
        elif isinstance(target, ast.Attribute):
            name = target.attr
        elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) \
                and len(target.elts) == len(value.elts):
            for t, v in zip(target.elts, value.elts):
                bind(t, v)
            return
        else:
            return
        for node in ast.walk(value):
            if isinstance(node, ast.Call):
                names.setdefault((node.lineno, node.end_lineno, node.col_offset, node.end_col_offset), name)

    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return names
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                bind(target, node.value)
        elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
            bind(node.target, node.value)
    return names


class _Monitoring:
    """A sys.monitoring tool for one run: loops in the learner's code, starts of asyncio.sleep."""

    def __init__(self):
        self.tool = next((i for i in range(6) if _MONITOR.get_tool(i) is None), None)
        self.codes = []

    def start(self):
        if self.tool is None:
            return
        _MONITOR.use_tool_id(self.tool, "queue-lab recorder")
        _MONITOR.register_callback(self.tool, _JUMP, _on_jump)
        _MONITOR.register_callback(self.tool, _PY_START, _on_start)
        self.watch(_SLEEP_CODE, _PY_START)

    def watch(self, code, events):
        if self.tool is not None:
            _MONITOR.set_local_events(self.tool, code, events)
            self.codes.append(code)

    def stop(self):
        if self.tool is None:
            return
        for code in self.codes:
            _MONITOR.set_local_events(self.tool, code, 0)
        _MONITOR.register_callback(self.tool, _JUMP, None)
        _MONITOR.register_callback(self.tool, _PY_START, None)
        _MONITOR.free_tool_id(self.tool)


class _WatchingCompile:
    """Stands for `compile` in run_program's namespace: the program's code objects (each
    nested one too) are watched for loops, and the recording starts."""

    def __init__(self, monitoring):
        self.monitoring = monitoring

    def __call__(self, source, *args, **kwargs):
        try:
            code = builtins.compile(source, *args, **kwargs)
        except BaseException as exc:
            _hide_frame(exc)  # a SyntaxError's traceback is the uninstrumented one
            raise
        rec = _REC
        rec.names = _assigned_names(source)
        todo = [code]
        while todo:
            each = todo.pop()
            self.monitoring.watch(each, _JUMP)
            todo.extend(c for c in each.co_consts if isinstance(c, types.CodeType))
        rec.on = True  # the program starts running now
        return code


class _CollectAfterRun:
    """Stands for `gc` in run_program's namespace: the run is over when it collects."""

    @staticmethod
    def collect(*args):
        _REC.finish()
        return _gc.collect(*args)


# -- patches -------------------------------------------------------------------


class _Patches:
    """Attributes replaced for one run, put back (or deleted, when they were inherited) after."""

    def __init__(self):
        self.saved = []

    def set(self, owner, name, value):
        had = name in vars(owner)
        self.saved.append((owner, name, had, vars(owner).get(name)))
        setattr(owner, name, value)

    def restore(self):
        while self.saved:
            owner, name, had, value = self.saved.pop()
            if had:
                setattr(owner, name, value)
            else:
                delattr(owner, name)


def _refuse_call(call, instead):
    def refused(*args, **kwargs):
        _close_coroutines(args)
        _REC.refuse(call, instead)
    return refused


class _RefusedStdin:
    """sys.stdin for a run: nothing to read."""

    def _refuse(self, *args):
        _REC.refuse("reading sys.stdin", "a recorded program gets no input; write the values into the program.")

    read = readline = readlines = __iter__ = __next__ = _refuse

    def isatty(self):
        return False


def _patch_asyncio(patches):
    for cls in (queues.Queue, queues.PriorityQueue, queues.LifoQueue):
        for name, wrap in (("_put", _wrap_put), ("_get", _wrap_get)):
            if name in vars(cls):
                patches.set(cls, name, wrap(vars(cls)[name]))
    queue = queues.Queue
    patches.set(queue, "__init__", _wrap_init(queue.__init__))
    patches.set(queue, "task_done", _wrap_task_done(queue.task_done))
    patches.set(queue, "shutdown", _wrap_shutdown(queue.shutdown))
    patches.set(queues.QueueShutDown, "__init__", _shutdown_raised)
    patches.set(queue, "_rec_q", None)  # a queue made outside the recording has no state
    _REFUSING_CODES.clear()
    for method, kind in (("put", PUTTER), ("put_nowait", PUTTER), ("get", GETTER), ("get_nowait", GETTER)):
        _REFUSING_CODES[id(getattr(queue, method).__code__)] = kind
    patches.set(tasks, "Task", _RecordedTask)


def _patch_blocking(patches):
    import asyncio
    import os
    import socket
    import threading

    patches.set(_time, "sleep", _refuse_call("time.sleep()", "it would stop the whole event loop; use `await asyncio.sleep(seconds)`."))
    patches.set(builtins, "input", _refuse_call("input()", "a recorded program gets no input; write the values into the program."))
    patches.set(threading.Thread, "start", _refuse_call("threading.Thread.start()", "the lab runs one thread; use asyncio tasks (asyncio.create_task) instead of threads."))
    to_thread = _refuse_call("asyncio.to_thread()", "the lab runs one thread; use an async function (await asyncio.sleep() stands for waiting).")
    patches.set(asyncio, "to_thread", to_thread)
    patches.set(sys.modules["asyncio.threads"], "to_thread", to_thread)
    network = "the lab has no network; use an asyncio.Queue and asyncio.sleep() to stand for it."
    patches.set(asyncio, "open_connection", _refuse_call("asyncio.open_connection()", network))
    patches.set(asyncio, "start_server", _refuse_call("asyncio.start_server()", network))
    patches.set(socket.socket, "__init__", _refuse_call("socket.socket()", network))
    patches.set(socket, "create_connection", _refuse_call("socket.create_connection()", network))
    patches.set(socket, "getaddrinfo", _refuse_call("socket.getaddrinfo()", network))
    try:
        import urllib.request
        patches.set(urllib.request, "urlopen", _refuse_call("urllib.request.urlopen()", network))
    except ImportError:
        pass
    patches.set(os, "system", _refuse_call("os.system()", "the lab cannot start programs."))
    patches.set(os, "_exit", _refuse_call("os._exit()", "it would end the interpreter; return from main() or call sys.exit()."))
    try:
        import subprocess
        patches.set(subprocess.Popen, "__init__", _refuse_call("subprocess", "the lab cannot start programs."))
    except ImportError:
        pass


# -- the entry point -----------------------------------------------------------


def _learner_traceback(exc, filename):
    """The exception as `python3 program.py` prints it, with the program's frames only."""
    import traceback

    def keep_learner(te, seen):
        if te is None or id(te) in seen:
            return
        seen.add(id(te))
        te.stack = traceback.StackSummary.from_list([f for f in te.stack if f.filename == filename])
        keep_learner(te.__cause__, seen)
        keep_learner(te.__context__, seen)
        for inner in te.exceptions or ():
            keep_learner(inner, seen)

    te = traceback.TracebackException.from_exception(exc)
    keep_learner(te, set())
    return "".join(te.format())


def _error_lines(exc, filename):
    if isinstance(exc, SyntaxError) and exc.filename == filename and exc.lineno:
        return [exc.lineno]
    lines = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            lines.append(tb.tb_lineno)
        tb = tb.tb_next
    return lines


def _json_number(x):
    """A number JSON (and JavaScript's Number()) can read: Infinity and NaN as text."""
    if type(x) is int:
        return x
    try:
        x = float(x)
    except Exception:
        return 0
    if math.isfinite(x):
        return x
    return "NaN" if x != x else ("Infinity" if x > 0 else "-Infinity")


def record_program(source, filename="program.py", max_iterations=None, max_events=None,
                   max_output_bytes=None, max_output_lines=None, max_tasks=None,
                   max_step_seconds=None):
    """Run `source` as run_program does, recording what asyncio does, event by event.

    Returns JSON: {"result": run_program's JSON object (as an uninstrumented
    run reports it, unless the run was stopped: then exit_code 4, ending
    {"kind": "limit", "message"} and the message ends stderr), "kinds": the
    event kinds, "events": [[kind code, t, task, line, ...fields]], "tasks":
    [{"name", "coroutine", "parent", "line"}], "queues": [{"name",
    "class_name", "maxsize", "line"}], "items": [labels], "stopped": null or
    {"kind", "message"}, "traceback": null or text, "error_lines": [...]}.
    A limit given as None takes its DEFAULT_LIMITS value.
    """
    global _REC
    given = {"max_iterations": max_iterations, "max_events": max_events, "max_output_bytes": max_output_bytes,
             "max_output_lines": max_output_lines, "max_tasks": max_tasks, "max_step_seconds": max_step_seconds}
    limits = {key: DEFAULT_LIMITS[key] if value is None else value for key, value in given.items()}
    rec = _Recorder(filename, limits)
    namespace = globals()
    monitoring = _Monitoring()
    patches = _Patches()
    names = {
        "VirtualClockLoop": _recording_loop_class(namespace["VirtualClockLoop"]),
        "_Capture": _stream_class(namespace["_Capture"]),
        "_program_traceback": _keeping_error(namespace["_program_traceback"], rec),
        "compile": _WatchingCompile(monitoring),
        "gc": _CollectAfterRun,
    }
    saved = {name: namespace.get(name) for name in names}
    saved_stdin = sys.stdin
    _REC = rec
    try:
        _patch_asyncio(patches)
        _patch_blocking(patches)
        namespace.update(names)
        sys.stdin = _RefusedStdin()
        monitoring.start()
        result = json.loads(namespace["run_program"](source, filename, limits["max_iterations"]))
    finally:
        rec.on = False
        _REC = _IDLE
        monitoring.stop()
        sys.stdin = saved_stdin
        for name, value in saved.items():
            if value is None:
                namespace.pop(name, None)
            else:
                namespace[name] = value
        patches.restore()
    stopped = rec.stopping
    traceback_text = None
    error_lines = []
    if stopped is not None:
        error_lines = rec.stop_lines
        result.update(exit_code=4, ending={"kind": "limit", "message": stopped["message"]},
                      stderr=f"{rec.stderr_kept}{stopped['message']}\n")
    elif result["exit_code"] == 4 and result["ending"]["kind"] == "limit":
        stopped = {"kind": "iterations", "message": result["ending"]["message"]}
    elif result["ending"]["kind"] == "raised":
        traceback_text = rec.traceback
        error_lines = rec.error_lines
    return json.dumps({
        "result": result, "kinds": KINDS, "times": rec.times, "events": rec.events, "tasks": rec.tasks, "queues": rec.queues,
        "items": rec.items, "stopped": stopped, "traceback": traceback_text, "error_lines": error_lines,
    }, ensure_ascii=False, separators=(",", ":"))


def _keeping_error(real, rec):
    """Stands for `_program_traceback`: the same text, and the exception kept for the recording."""
    def _program_traceback(exc, filename):
        # Read the program's lines now: run_program drops them from linecache afterwards.
        rec.traceback = _learner_traceback(exc, filename)
        rec.error_lines = _error_lines(exc, filename)
        return real(exc, filename)
    return _program_traceback
