"""Alembic's environment: migrations run on the connection :func:`pipeline.store.engine.upgrade` hands over."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
