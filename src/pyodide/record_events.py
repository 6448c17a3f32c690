"""recorder.py, part 1 of 4: the event kinds, the limits, and small shared pieces.

Loaded into vclock_runner.py's namespace before record_tasks.py,
record_queues.py and recorder.py (see recorder.py's docstring); the four
share that namespace, so each file's names are the others'.
"""

import collections
from asyncio import tasks

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

# Fields after [kind, task, line], by kind. Events are written one after
# another in one flat list of numbers, and read back by these counts: the list
# reaches JavaScript as one Float64Array (array("d")), which costs a third of
# writing it as JSON, carrying the text across and parsing it there. An event's
# time is not written with it: CLOCK, t (two values) comes first whenever the
# loop's time moves, and every event after it happens at t.
SIZES = (1, 0, 1, 2, 1, 1, 1, 4, 3, 3, 2, 3, 2, 2, 2, 2, 3, 3, 2, 2, 1)
assert len(SIZES) == len(KINDS)
CLOCK = len(KINDS)

# Text is not a number: a text field holds the index of its text in the
# recording's texts (_Recorder.text), which start with these.
FIXED_TEXTS = ("getter", "putter", "returned", "cancelled", "raised", "", "a Future")
GETTER, PUTTER, RETURNED, CANCELLED, RAISED, NO_TEXT, A_FUTURE = range(len(FIXED_TEXTS))
# Which of a kind's fields (counted after kind, task, line) are texts.
_TEXT_FIELDS = {TASK_DONE: (0, 1), TASK_AWAIT: (0,), TASK_STUCK: (0,), Q_WAIT_CANCELLED: (1,),
                Q_WAKE: (2,), Q_REFUSED: (1,), PRINT: (0,)}
TEXT_FIELDS = tuple(_TEXT_FIELDS.get(code, ()) for code in range(len(KINDS)))
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
EVENTS_MESSAGE = "The recording stopped after {:,} events: the run is too long to show (try fewer jobs)."
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


_PLAIN_TYPES = frozenset((str, int, float, bool, bytes))


class _NoLoop:
    """The clock before asyncio.run made a loop (module-level code)."""
    _vtime = 0.0
    iteration = 0
    _max_iterations = None


_NO_LOOP = _NoLoop()


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


def _as_number(x):
    """A number for the Float64Array: an int as it is, else float(x) (inf and nan too), else 0."""
    if type(x) is int:
        return x
    try:
        return float(x)
    except Exception:
        return 0
