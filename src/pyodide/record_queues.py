"""recorder.py, part 3 of 4: queues: what the recorder notes of them, and the wrappers that tell it.

asyncio.queues.Queue (and so its subclasses) is patched at class level for a
run, each wrapper calling the real 3.14 method: __init__ (the queue's state,
its waiter deques), _put/_get of each class (a shadow of the item numbers in
the container's order), task_done and shutdown; a refusal is noted where
QueueShutDown is made. The order of the events is the engine's (queue.ts).
"""

import ast
import collections
import itertools
import operator
import sys
from asyncio import queues


_QUEUE_PUT = queues.Queue.put.__code__
_QUEUE_GET = queues.Queue.get.__code__


class _QueueRecording:
    """The _Recorder's queue events (a mixin: its state is in _Recorder's slots)."""

    __slots__ = ()

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
        self.emit((Q_CREATE, self.current, line, n))
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
        # put <- _put <- put_nowait <- Queue.put or the program: start there (each frame looked at costs).
        frame = sys._getframe(3)
        if frame.f_code is _QUEUE_PUT:
            frame = frame.f_back
        line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
        self.emit((Q_PUT, task, line, state.n, n, position,
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
        # get <- _get <- get_nowait <- Queue.get or the program (or shutdown, a drop: returned above).
        frame = sys._getframe(3)
        if frame.f_code is _QUEUE_GET:
            frame = frame.f_back
        line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
        self.emit((Q_GET, task, line, state.n, n, len(state.items)))
        self.got[task] = (item, n)
        self.holding[task] = (state.n, n)

    def wait(self, waiters, future):
        task = self.current
        self.waiter_task[future] = task
        self.waited = True
        state = waiters._state
        if waiters._kind == GETTER:
            frame = sys._getframe(3)  # wait <- append <- Queue.get <- the awaiting frame
            line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
            if task >= 0:
                self.task_line[task] = line
            self.emit((Q_GET_WAIT, task, line, state.n, len(state.items)))
        else:
            frame = sys._getframe(2)  # wait <- append <- Queue.put
            line = self.line(frame.f_back)
            if task >= 0:
                self.task_line[task] = line
            item = frame.f_locals.get("item")
            n = self.number(task, item)
            if item is not None:
                self.putting[task] = (item, n)
            self.emit((Q_PUT_WAIT, task, line, state.n, n, len(state.items)))

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
        self.emit((Q_JOIN_WAIT, task, line, state.n, queue._unfinished_tasks))

    def wait_cancelled(self, waiters, future):
        self.waiter_task.pop(future, None)
        self.emit((Q_WAIT_CANCELLED, self.current, self.line(sys._getframe(2)),
                   waiters._state.n, waiters._kind))

    def woken(self, waiters, future):
        """`_wakeup_next` is waking `future` (shutdown's wakes are recorded after its drops)."""
        if self.dropping is None:
            self.emit((Q_WAKE, self.current, self.line(sys._getframe(3)), waiters._state.n,
                       self.waiter_task.pop(future, -1), waiters._kind))

    def task_done(self, queue, state, joiners):
        task = self.current
        frame = sys._getframe(2)
        line = frame.f_lineno if frame.f_code.co_filename == self.filename else self.line(frame)
        self.emit((Q_TASK_DONE, task, line, state.n, queue._unfinished_tasks))
        holding = self.holding.get(task)
        if holding is not None and holding[0] == state.n:
            del self.holding[task]
        if joiners:
            self.released(state, joiners, line)

    def released(self, state, joiners, line):
        for future in joiners:
            if future.done():
                self.emit((Q_JOIN_RELEASE, self.current, line, state.n,
                           self.waiter_task.pop(future, -1)))

    def shut_down(self, state, immediate, drops, joiners, getters, putters, frame):
        task = self.current
        line = self.line(frame)
        for n, unfinished in drops:
            self.emit((Q_DROP, task, line, state.n, n, unfinished))
        self.emit((Q_SHUTDOWN, task, line, state.n, 1 if immediate else 0, len(drops)))
        self.released(state, joiners, line)
        for kind, waiting in ((GETTER, getters), (PUTTER, putters)):
            for future in waiting:
                if future.done():
                    self.emit((Q_WAKE, task, line, state.n, self.waiter_task.pop(future, -1), kind))

    def refused(self, frame, kind):
        state = getattr(frame.f_locals.get("self"), "_rec_q", None)
        if state is not None:
            self.emit((Q_REFUSED, self.current, self.line(frame), state.n, kind))


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
