"""multipart/mixed bodies of the Statements resource (xAPI "Attachments").

A request's first part is the statements (application/json); each further part is the raw
content of one attachment, named by its `X-Experience-API-Hash` (the SHA-256 the statement's
attachment cites). Responses with `attachments=true` take the same shape.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import BadRequest

if TYPE_CHECKING:
    from .models import Attachment


@dataclass(frozen=True)
class AttachmentPart:
    """One attachment's raw content, as it came in a request part."""

    content_type: str
    content: bytes


def _boundary(content_type: str) -> bytes:
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary" and value:
            return value.strip('"').encode()
    raise BadRequest("A multipart/mixed request needs a boundary parameter.")


def _split(body: bytes, boundary: bytes) -> list[tuple[dict[str, str], bytes]]:
    delimiter = b"--" + boundary
    chunks = body.split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise BadRequest("The multipart body is not closed by its boundary.")
    parts = []
    for chunk in chunks[1:-1]:
        if not chunk.startswith(b"\r\n") or not chunk.endswith(b"\r\n"):
            raise BadRequest("A multipart part is not delimited by CRLF.")
        inner = chunk[2:-2]
        if inner.startswith(b"\r\n"):  # a part without headers
            head, content = b"", inner[2:]
        else:
            head, sep, content = inner.partition(b"\r\n\r\n")
            if not sep:
                raise BadRequest("A multipart part has no blank line after its headers.")
        headers = {}
        for line in head.split(b"\r\n"):
            if not line:
                continue
            name, colon, value = line.decode("latin-1").partition(":")
            if not colon:
                raise BadRequest(f"A multipart part has a malformed header line: {line[:80]!r}.")
            headers[name.strip().lower()] = value.strip()
        parts.append((headers, content))
    return parts


def parse_request(content_type: str, body: bytes) -> tuple[bytes, dict[str, AttachmentPart]]:
    """The statements JSON and the attachment parts (by sha2) of a multipart/mixed request."""
    parts = _split(body, _boundary(content_type))
    (first_headers, statements), rest = parts[0], parts[1:]
    if not first_headers.get("content-type", "").lower().startswith("application/json"):
        raise BadRequest("The first part of a multipart request must be application/json.")
    attachments: dict[str, AttachmentPart] = {}
    for headers, content in rest:
        sha2 = headers.get("x-experience-api-hash")
        if not sha2:
            raise BadRequest("Every attachment part needs an X-Experience-API-Hash header.")
        if headers.get("content-transfer-encoding", "").lower() != "binary":
            raise BadRequest("Every attachment part needs Content-Transfer-Encoding: binary.")
        if hashlib.sha256(content).hexdigest() != sha2.lower():
            raise BadRequest(f"The content of the part {sha2} does not match its hash.")
        attachments[sha2.lower()] = AttachmentPart(
            content_type=headers.get("content-type", "application/octet-stream"),
            content=content,
        )
    return statements, attachments


def build_response(statements_json: bytes, attachments: Iterable[Attachment]) -> tuple[bytes, str]:
    """A multipart/mixed body: the statements, then each attachment's content."""
    boundary = secrets.token_hex(16).encode()
    chunks = [b"--" + boundary, b"\r\nContent-Type: application/json\r\n\r\n", statements_json]
    for attachment in attachments:
        chunks += [
            b"\r\n--" + boundary,
            f"\r\nContent-Type: {attachment.content_type}\r\n".encode(),
            b"Content-Transfer-Encoding: binary\r\n",
            f"X-Experience-API-Hash: {attachment.sha2}\r\n\r\n".encode(),
            bytes(attachment.content),
        ]
    chunks.append(b"\r\n--" + boundary + b"--")
    return b"".join(chunks), f'multipart/mixed; boundary="{boundary.decode()}"'
