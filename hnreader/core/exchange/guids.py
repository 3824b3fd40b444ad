"""Stable GUIDs: the same project row gets the same GUID in every export (uuid5 over the
project's own id and the row's table and id), so a re-export is byte-identical."""

from __future__ import annotations

import uuid


def project_namespace(project_uuid: str) -> uuid.UUID:
    return uuid.UUID(project_uuid)


def row_guid(namespace: uuid.UUID, table: str, key: object) -> str:
    return str(uuid.uuid5(namespace, f"{table}:{key}"))
