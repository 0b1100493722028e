"""A task backend for a laptop or a demo: tasks run in this process, on a thread, so the page
that queued a long job returns at once and shows its progress. Production queues tasks in the
database for `thidua db_worker` processes instead (TASK_BACKEND=database)."""

from __future__ import annotations

import threading
from typing import Any

from django.db import close_old_connections, connections
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task, TaskResult


class ThreadBackend(ImmediateBackend):
    def enqueue(self, task: Task[Any, Any], args: Any, kwargs: Any) -> TaskResult[Any]:
        self.validate_task(task)
        from django_tasks.base import TaskResultStatus
        from django_tasks.utils import get_random_id

        result: TaskResult[Any] = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        def run() -> None:
            close_old_connections()
            try:
                self._execute_task(result)
            finally:
                connections.close_all()

        threading.Thread(target=run, name=f"thidua-task-{result.id}", daemon=True).start()
        return result
