"""Who may ask, who may administer, and how often.

The corpus may be internal, so access is decided before anything from it is read: a user is
allowed when no allow-list is configured, when their id is in ALLOWED_USERS, when the chat they
write in is in ALLOWED_CHATS (a whole group can be let in), or when they are an admin or a
trainer. Trainers (TRAINER_USERS, and every admin) may run quiz sessions in groups and read the
report. The rate
limiters keep one user from monopolising the CPU-bound search (questions per user) and from
flooding a chat (every action that sends a message, per user and per chat).

>>> a = Access(users=frozenset({1}), chats=frozenset({-100}), admins=frozenset({9}), trainers=frozenset({1}))
>>> a.allowed(1, 1), a.allowed(2, 2), a.allowed(2, -100), a.allowed(9, 9), a.is_admin(1)
(True, False, True, True, False)
>>> a.is_trainer(1), a.is_trainer(9), a.is_trainer(2)
(True, True, False)
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from hoidap.settings import Settings


@dataclass(frozen=True)
class Access:
    """Allow-lists and admins; empty allow-lists mean the bot is open to everyone."""

    users: frozenset[int] = frozenset()
    chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()
    trainers: frozenset[int] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> Access:
        return cls(settings.allowed_users, settings.allowed_chats, settings.admin_users, settings.trainer_users)

    @property
    def open(self) -> bool:
        return not self.users and not self.chats

    def allowed(self, user_id: int | None, chat_id: int | None) -> bool:
        if self.is_trainer(user_id):  # admins and trainers are always admitted
            return True
        if self.open:
            return True
        return (user_id is not None and user_id in self.users) or (
            chat_id is not None and chat_id in self.chats
        )

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admins

    def is_trainer(self, user_id: int | None) -> bool:
        return user_id is not None and (user_id in self.trainers or user_id in self.admins)


class RateLimiter:
    """Sliding window: at most ``limit`` events per ``window`` seconds per key; ``limit <= 0`` disables it.

    The clock is injectable so tests need not sleep; memory is bounded by ``max_keys`` (least recently
    seen users are forgotten first).

    >>> now = [0.0]
    >>> rl = RateLimiter(2, 60, clock=lambda: now[0])
    >>> rl.hit(1), rl.hit(1), rl.hit(1)
    (True, True, False)
    >>> now[0] = 60.5; rl.hit(1)
    True
    """

    def __init__(
        self,
        limit: int,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_keys = max_keys
        self._events: OrderedDict[Hashable, deque[float]] = OrderedDict()

    def hit(self, key: Hashable) -> bool:
        """Record an attempt; True when it is within the limit (rejected attempts are not counted)."""
        if self.limit <= 0:
            return True
        now = self.clock()
        events = self._events.get(key)
        if events is None:
            events = self._events[key] = deque()
            while len(self._events) > self.max_keys:
                self._events.popitem(last=False)
        else:
            self._events.move_to_end(key)
        while events and events[0] <= now - self.window:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True

    def retry_after(self, key: Hashable) -> float:
        """Seconds until ``key`` may ask again (0 when it may now)."""
        events = self._events.get(key)
        if self.limit <= 0 or not events or len(events) < self.limit:
            return 0.0
        return max(0.0, events[0] + self.window - self.clock())


class Once:
    """Remembers keys for ``ttl`` seconds, so a refusal is said once rather than to every message."""

    def __init__(
        self, ttl: float = 3600.0, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000
    ):
        self.ttl = ttl
        self.clock = clock
        self.max_keys = max_keys
        self._seen: OrderedDict[int, float] = OrderedDict()

    def first(self, key: int) -> bool:
        """True the first time ``key`` is seen within ``ttl``."""
        now = self.clock()
        seen = self._seen.get(key)
        if seen is not None and now - seen < self.ttl:
            return False
        self._seen[key] = now
        self._seen.move_to_end(key)
        while len(self._seen) > self.max_keys:
            self._seen.popitem(last=False)
        return True


class Throttle:
    """Actions that make the bot send or edit a message, a minute: at most ``per_user`` for each user
    (in any chat), ``per_group`` into each group and ``per_member`` for one member in one group
    (0 disables any of them).

    Telegram lets a bot post about 20 messages a minute into one group and then delays everything
    it sends there, so one member pressing a button over and over would slow every other member's
    answers; the member limit (below the group's) refuses the extra presses while the others can
    still ask. Rejected attempts are not counted.

    >>> now = [0.0]
    >>> t = Throttle(per_user=10, per_group=3, per_member=2, clock=lambda: now[0])
    >>> [t.allow(1, -100, group=True) for _ in range(3)], t.allow(2, -100, group=True), t.allow(3, -100, group=True)
    ([True, True, False], True, False)
    >>> t.allow(1, 1, group=False), round(t.retry_after(3, -100, group=True))
    (True, 60)
    """

    def __init__(self, per_user: int, per_group: int, per_member: int, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.users = RateLimiter(per_user, window, clock)
        self.groups = RateLimiter(per_group, window, clock)
        self.members = RateLimiter(per_member, window, clock)

    def _limiters(self, user_id: int, chat_id: int | None, group: bool) -> list[tuple[RateLimiter, Hashable]]:
        limiters: list[tuple[RateLimiter, Hashable]] = [(self.users, user_id)]
        if group and chat_id is not None:
            limiters += [(self.members, (chat_id, user_id)), (self.groups, chat_id)]
        return limiters

    def allow(self, user_id: int, chat_id: int | None, group: bool) -> bool:
        """Count one action by ``user_id`` in ``chat_id``; False (and nothing counted) when over a limit."""
        limiters = self._limiters(user_id, chat_id, group)
        if any(limiter.retry_after(key) > 0 for limiter, key in limiters):
            return False
        for limiter, key in limiters:
            limiter.hit(key)
        return True

    def retry_after(self, user_id: int, chat_id: int | None, group: bool) -> float:
        """Seconds until the next action would be allowed."""
        return max(limiter.retry_after(key) for limiter, key in self._limiters(user_id, chat_id, group))
