"""Record a learner's asyncio program inside CPython, event by event.

Loaded into the namespace of vclock_runner.py (after it), with its three
parts before it: record_events.py (kinds, limits), record_tasks.py (tasks),
record_queues.py (queues); this file holds the recorder's state, print, the
watchdog, the patches and the entry point. A recording is one call of
vclock_runner's own `run_program`, so what the program prints, its
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
  queue's item numbers), `task_done`, `shutdown`; the waiter deques are deque
  subclasses whose `append`/`remove`/`popleft` mark a wait, its cancellation
  and its wake (`_wakeup_next` pops the waiter it wakes);
  `QueueShutDown.__init__` notes a refusal where it is raised.
- `asyncio.sleep` is not wrapped at all: `sys.monitoring` PY_START on its code
  object records it when it starts running, in the task that runs it.
- A wrapper's own frame must not show in a traceback: each removes its entry
  from the exception's traceback before re-raising (a bare `raise` adds none).
- Limits end the run with `_RecordingStop`, a SystemExit: the C Task re-raises
  it out of the loop, `except Exception` in the program does not catch it, and
  after it every backward jump in the learner's code raises it again.

Entry point: `record_program(source, ...) -> (str, array)` (JSON and the events, see its docstring).
"""

import array
import builtins
import gc as _gc
import json
import sys
import time as _time
import types
from asyncio import queues, tasks


class _Recorder(_TaskRecording, _QueueRecording):
    """The state of one recording; `_REC` is the one being recorded (or `_IDLE`)."""

    __slots__ = (
        "on", "events", "emit", "texts", "counted", "counted_to", "flat_limit", "step_at", "max_events",
        "loop", "current", "waited", "filename",
        "tasks", "task_line", "queues", "items", "got", "holding", "putting", "waiter_task",
        "dropping", "quiet", "stopping", "stop_lines", "jumps", "next_check", "mark",
        "mark_clock", "max_step_seconds", "max_tasks", "max_out_bytes", "max_out_lines",
        "out_bytes", "out_lines", "names", "streams", "top_frames",
        "traceback", "error_lines", "now", "stderr_kept",
    )

    def __init__(self, filename="program.py", limits=DEFAULT_LIMITS):
        self.on = False
        self.events = []  # flat: each event's values one after another (SIZES), all numbers
        self.emit = self.events.extend
        self.texts = list(FIXED_TEXTS)  # what text fields (TEXT_FIELDS) point into
        self.max_events = limits["max_events"]
        self.counted = 0  # events counted so far, up to offset `counted_to` of `events`
        self.counted_to = 0
        self.flat_limit = 3 * self.max_events  # past this length, count (an event has 3 values at least)
        self.step_at = 0  # where the running step's task.step event starts
        self.loop = _NO_LOOP
        self.current = -1
        self.waited = False
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
        self.now = 0.0  # the loop time the last CLOCK gave (events start at 0)
        self.top_frames = {}  # id(a task's coroutine frame) -> its task number
        self.traceback = None
        self.error_lines = []

    # -- events ------------------------------------------------------------

    def text(self, text):
        """A text field's value: the index of `text`, appended to `texts` (not looked up: most are printed lines, each new)."""
        texts = self.texts
        texts.append(text)
        return len(texts) - 1

    def check_events(self):
        """Past max_events: keep the first max_events and stop. Looked at each task step and
        every JUMPS_PER_CHECK backward jumps (any loop in one step jumps), not per event."""
        if self.past_limit():
            self.stop("events", EVENTS_MESSAGE.format(self.max_events))

    def past_limit(self):
        """Count the events written since the last count; past max_events, cut the list there."""
        events = self.events
        at, count, end = self.counted_to, self.counted, len(events)
        while at < end:
            code = events[at]
            if code == CLOCK:
                at += 2
                continue
            if count == self.max_events:
                del events[at:]
                return True
            at += 3 + SIZES[code]
            count += 1
        self.counted_to, self.counted = at, count
        self.flat_limit = end + 3 * (self.max_events - count)
        return False

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
        """The loop's time moved to `t`: the events from now on happen at `t`."""
        if t != self.now:
            self.now = t
            self.emit((CLOCK, t))

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
        if len(self.events) > self.flat_limit:
            self.check_events()
        now = _time.perf_counter()
        mark = (len(self.events), self.loop.iteration)  # each step records one event at least
        if mark != self.mark:
            self.mark, self.mark_clock = mark, now
        elif now - self.mark_clock > self.max_step_seconds:
            line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
            seconds = f"{self.max_step_seconds:g} s"
            if self.current < 0:
                self.stop("time", f"The program ran for {seconds} at line {line} outside any task "
                          "without finishing: does the loop there ever end?", frame)
            task = self.tasks[self.current]
            self.stop("time", f"{task['name']} ({task['coroutine']}) ran for {seconds} at line {line} "
                      "without reaching an await: a loop that never awaits blocks the event loop, so "
                      "no other task can run. Add `await asyncio.sleep(0)` in the loop, or end it.", frame)

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

    def printed(self, text, frame):
        self.emit((PRINT, self.current, self.line(frame), self.text(text)))

    def finish(self):
        """The run is over (asyncio.run returned or raised): last partial line, then let go of the program's objects."""
        if self.on and self.streams and self.streams[0].partial:
            self.printed("".join(self.streams[0].partial), None)
        if self.on and len(self.events) > self.flat_limit and self.past_limit():
            self.stderr_kept = self.streams[1].getvalue() if len(self.streams) > 1 else ""
            self.stopping = {"kind": "events", "message": EVENTS_MESSAGE.format(self.max_events)}
        self.on = False
        self.got.clear()
        self.holding.clear()
        self.putting.clear()
        self.waiter_task.clear()
        self.top_frames.clear()
        self.dropping = None


_IDLE = _Recorder()
_REC = _IDLE


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
            if not self._rec_lines or type(text) is not str:
                return super().write(text)
            length = len(text)
            if self._frozen or rec.quiet:
                return length
            rec.out_bytes += length if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
            if rec.out_bytes > rec.max_out_bytes:
                rec.stop("output", f"The program printed more than {rec.max_out_bytes:,} bytes: "
                         "the recording stopped there.")
            if "\n" not in text:
                self._parts.append(text)
                self.partial.append(text)
                return length
            if text == "\n":  # print()'s own end: the common case
                partial = self.partial
                lines = ["".join(partial)] if partial else [""]
                partial.clear()
            else:
                lines = text.split("\n")
                if self.partial:
                    self.partial.append(lines[0])
                    lines[0] = "".join(self.partial)
                    self.partial.clear()
                last = lines.pop()
                if last:
                    self.partial.append(last)
            rec.out_lines += len(lines)
            if rec.out_lines > rec.max_out_lines:
                rec.stop("output", f"The program printed more than {rec.max_out_lines:,} lines: "
                         "the recording stopped there.")
            self._parts.append(text)
            if rec.on:
                frame = sys._getframe(1)
                line = frame.f_lineno if frame.f_code.co_filename == rec.filename else rec.line(frame)
                for each in lines:
                    rec.emit((PRINT, rec.current, line, rec.text(each)))
            return length

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


def record_program(source, filename="program.py", max_iterations=None, max_events=None,
                   max_output_bytes=None, max_output_lines=None, max_tasks=None,
                   max_step_seconds=None):
    """Run `source` as run_program does, recording what asyncio does, event by event.

    Returns (JSON, events). The events are an array("d"): kind code, task,
    line, ...fields, kind code, ... (flat: each event's 3 + sizes[kind] values
    follow the one before; `clock, t` when the loop's time moves to t, 0
    before the first); a text field holds an index into "texts". The JSON:
    {"result": run_program's JSON object (as an uninstrumented run reports it,
    unless the run was stopped: then exit_code 4, ending {"kind": "limit",
    "message"} and the message ends stderr), "kinds": the event kinds,
    "sizes": each kind's number of fields, "clock": a code, "text_fields":
    each kind's text fields (offsets among its fields), "texts": [text],
    "tasks": [{"name", "coroutine", "parent", "line"}], "queues": [{"name",
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
    values = array.array("d")
    values.fromlist(rec.events)
    return json.dumps({
        "result": result, "kinds": KINDS, "sizes": SIZES, "clock": CLOCK, "text_fields": TEXT_FIELDS, "texts": rec.texts,
        "tasks": rec.tasks, "queues": rec.queues, "items": rec.items, "stopped": stopped, "traceback": traceback_text, "error_lines": error_lines,
    }, ensure_ascii=False, separators=(",", ":")), values


def _keeping_error(real, rec):
    """Stands for `_program_traceback`: the same text, and the exception kept for the recording."""
    def _program_traceback(exc, filename):
        # Read the program's lines now: run_program drops them from linecache afterwards.
        rec.traceback = _learner_traceback(exc, filename)
        rec.error_lines = _error_lines(exc, filename)
        return real(exc, filename)
    return _program_traceback
