"""Checks of a resource's content, shared by staff resources and members' proposals.

Pure functions over the values a form or a service holds: uploaded video (MP4 or WebM, by
extension and first bytes, size limit), captions (WebVTT), embeds from the configured video
hosts (`settings.COMMONPLACE_VIDEO_EMBED_HOSTS`), and what each kind of resource needs
(`content_problems`). Decision 0240 explains the rules for videos.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .enums import (
    MAX_CAPTIONS_BYTES,
    MAX_VIDEO_BYTES,
    TILE_KINDS,
    VIDEO_EXTENSIONS,
    ResourceKind,
)


def _head(file: Any, size: int) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return bytes(head)


def video_file_validate(file: Any) -> None:
    """An MP4 or WebM file of at most `MAX_VIDEO_BYTES` whose first bytes match its extension.

    MP4 files carry `ftyp` at byte 4 (ISO base media); WebM files start with the EBML magic.
    Raises: ValidationError (codes `type`, `size`, `content`).
    """
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix not in VIDEO_EXTENSIONS:
        raise ValidationError(_("The video must be an MP4 or WebM file."), code="type")
    if file.size is not None and file.size > MAX_VIDEO_BYTES:
        raise ValidationError(_("The video must be 200 MB or smaller."), code="size")
    head = _head(file, 12)
    is_mp4 = len(head) >= 8 and head[4:8] == b"ftyp"
    is_webm = head.startswith(b"\x1a\x45\xdf\xa3")
    if not ((suffix in {".mp4", ".m4v"} and is_mp4) or (suffix == ".webm" and is_webm)):
        raise ValidationError(_("The file is not a real MP4 or WebM video."), code="content")


def captions_file_validate(file: Any) -> None:
    """A WebVTT file (`.vtt`, UTF-8, starting with "WEBVTT") of at most `MAX_CAPTIONS_BYTES`.

    Raises: ValidationError (codes `type`, `size`, `content`).
    """
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix != ".vtt":
        raise ValidationError(_("Captions must be a WebVTT file ending in .vtt."), code="type")
    if file.size is not None and file.size > MAX_CAPTIONS_BYTES:
        raise ValidationError(_("The captions file must be 1 MB or smaller."), code="size")
    head = _head(file, 16)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.startswith(b"WEBVTT") or head[6:7] not in (b"", b" ", b"\t", b"\n", b"\r"):
        raise ValidationError(
            _('The captions file is not WebVTT: it must start with "WEBVTT".'), code="content"
        )
    try:
        _head(file, MAX_CAPTIONS_BYTES + 1).decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The captions file must be saved as UTF-8 text."), code="content"
        ) from None


def video_embed_hosts() -> list[str]:
    """The hosts a video may be embedded from (exact host names, lower case)."""
    return [host.lower() for host in settings.COMMONPLACE_VIDEO_EMBED_HOSTS]


def video_embed_check(url: str) -> str | None:
    """None when `url` is an https address on one of the embed hosts, else the message to show."""
    parts = urlsplit(url)
    hosts = video_embed_hosts()
    if parts.scheme != "https" or (parts.hostname or "").lower() not in hosts:
        return _(
            "A video can only be embedded from %(hosts)s. Use the player's embed address "
            "(https://…), or upload the video file instead."
        ) % {"hosts": ", ".join(hosts) or _("no host (embedding is switched off)")}
    return None


def content_problems(  # noqa: C901 - one rule per kind, read in one place
    *,
    kind: str,
    body: str = "",
    url: str = "",
    file: Any = None,
    video: Any = None,
    captions: Any = None,
    transcript: str = "",
) -> dict[str, str]:
    """What is missing or wrong for this kind of resource: field name → message (empty: fine).

    Rules: a page needs a body, a link a web address, a file a document; a video is either an
    uploaded file or an embed from a configured host (not both). An embedded video needs a
    transcript (its captions live on the host, out of our reach); an uploaded one needs
    captions or a transcript. Captions go only with an uploaded video. A tile (a quiz or a
    project brief, decision 0250) needs the internal path of its owner's page.
    """
    problems: dict[str, str] = {}
    if kind in TILE_KINDS and not (url.startswith("/") and not url.startswith("//")):
        problems["url"] = _("A quiz or project brief tile opens a page of this site.")
    elif kind == ResourceKind.PAGE and not body:
        problems["body"] = _("Write the page.")
    elif kind == ResourceKind.LINK and not url:
        problems["url"] = _("Give the web address the link opens.")
    elif kind == ResourceKind.FILE and not file:
        problems["file"] = _("Choose the document to upload.")
    elif kind == ResourceKind.VIDEO:
        if url and video:
            problems["url"] = _("Give either an embed address or a video file, not both.")
        elif not url and not video:
            problems["video"] = _("Upload the video, or give the address to embed it from.")
        elif url:
            if (message := video_embed_check(url)) is not None:
                problems["url"] = message
            if captions:
                problems["captions"] = _(
                    "Captions go with an uploaded video; an embedded video shows the captions "
                    "of its own player."
                )
            if not transcript.strip():
                problems["transcript"] = _("Add a transcript: an embedded video needs one.")
        elif not captions and not transcript.strip():
            problems["captions"] = _("Add captions, a transcript, or both.")
    return problems
