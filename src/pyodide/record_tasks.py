"""recorder.py, part 2 of 4: tasks: what the recorder notes of them, and the hooks that tell it.

A task's coroutine is wrapped (_TaskCoro) by the loop's create_task, the
task is a subclass of the C Task whose cancel() is noted, and the loop
(vclock_runner's, subclassed) notes a deadlock's stuck tasks and refuses I/O.
"""

import collections.abc
import sys
import types
from asyncio import base_events, exceptions, tasks


class _TaskRecording:
    """The _Recorder's task events (a mixin: its state is in _Recorder's slots)."""

    __slots__ = ()

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
        self.emit((TASK_CREATE, self.current, line, n))
        return n

    def task_cancelled(self, task):
        target = getattr(task, "_rec_n", -1)
        if target >= 0:
            self.emit((TASK_CANCEL, self.current, self.line(sys._getframe(2)), target))

    def task_returned(self, n):
        task = tasks.current_task()
        outcome = CANCELLED if task is not None and task._must_cancel else RETURNED
        self.emit((TASK_DONE, n, self.last_line(n), outcome, NO_TEXT))

    def last_line(self, n):
        """Where task n was last seen: its latest event in this step (the step's own one: where it resumed)."""
        events = self.events
        at, end = self.step_at, len(events)
        line = self.task_line[n]
        while at < end:
            code = events[at]
            if code == CLOCK:
                at += 2
                continue
            if events[at + 1] == n:
                line = events[at + 2]
            at += 3 + SIZES[code]
        return line

    def task_raised(self, n, exc):
        if isinstance(exc, exceptions.CancelledError):
            self.emit((TASK_DONE, n, self.last_line(n), CANCELLED, NO_TEXT))
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
        self.emit((TASK_DONE, n, line, RAISED, self.text(describe_error(exc))))

    def task_await(self, n, coro, yielded):
        if yielded is None:
            return  # a bare yield: ready again next iteration
        words, line = self.wait_words(coro, yielded)
        self.task_line[n] = line
        self.emit((TASK_AWAIT, n, line, A_FUTURE if words is None else self.text(words)))

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

    # -- sleep and print ---------------------------------------------------

    def sleep(self, frame):
        task = self.current
        self.waited = True
        delay = frame.f_locals.get("delay")
        if type(delay) is not float:
            delay = _as_number(delay)
        frame = frame.f_back
        line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
        if task >= 0:
            self.task_line[task] = line
        holding = self.holding.get(task)
        self.emit((SLEEP, task, line, delay, -1 if holding is None else holding[1]))

    # -- the end -----------------------------------------------------------

    def stuck(self, loop):
        """At a deadlock: each pending task, what it waits on and where (engine runner.describePending)."""
        pending = [t for t in tasks.all_tasks(loop) if not t.done() and getattr(t, "_rec_n", -1) >= 0]
        for task in sorted(pending, key=lambda t: t._rec_n):
            coro = task.get_coro()
            if type(coro) is _TaskCoro:
                coro = coro._coro
            words, line = self.wait_words(coro, task._fut_waiter)
            self.emit((TASK_STUCK, task._rec_n, line or self.task_line[task._rec_n],
                       self.text(words or ("a Future" if task._fut_waiter is not None else "nothing (ready to run)"))))


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
            events = rec.events
            rec.step_at = len(events)
            rec.emit((TASK_STEP, n, rec.task_line[n]))
            if len(events) > rec.flat_limit:
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

    # send() written out again, not shared: a step is the recorder's hottest path, and a helper costs a call in each.
    def throw(self, typ, val=None, tb=None):
        rec = _REC
        n = self._n
        previous = rec.current
        if rec.on:
            rec.current = n
            rec.waited = False
            events = rec.events
            rec.step_at = len(events)
            rec.emit((TASK_STEP, n, rec.task_line[n]))
            if len(events) > rec.flat_limit:
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
            rec = _REC
            if self._vtime != rec.now:  # rec.clock(), inlined: once per move of the clock
                rec.now = self._vtime
                rec.emit((CLOCK, rec.now))

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
