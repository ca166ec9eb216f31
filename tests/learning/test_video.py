"""Video resources: uploads checked by extension and first bytes, captions checked as WebVTT,
embeds only from the configured hosts (and the CSP allows exactly those), media served behind
the permission check."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from commonplace.learning.enums import ResourceKind
from commonplace.learning.errors import ResourceIncompleteError
from commonplace.learning.models import Resource
from commonplace.learning.services import resource_create
from commonplace.learning.validation import (
    captions_file_validate,
    content_problems,
    video_embed_check,
    video_file_validate,
)
from tests.factories.learning import MP4_BYTES, VTT_BYTES, WEBM_BYTES, ResourceFactory

pytestmark = pytest.mark.django_db

EMBED = "https://www.youtube-nocookie.com/embed/abc123"


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_real_mp4_and_webm_pass():
    video_file_validate(_upload("talk.mp4", MP4_BYTES))
    video_file_validate(_upload("talk.webm", WEBM_BYTES))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("talk.mp4", b"MZ\x90\x00this is a program, not a video" * 2, "content"),
        ("talk.mp4", WEBM_BYTES, "content"),  # a WebM named .mp4
        ("talk.avi", MP4_BYTES, "type"),
        ("talk.exe", MP4_BYTES, "type"),
    ],
)
def test_fake_or_wrong_videos_are_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        video_file_validate(_upload(name, content))
    assert error.value.code == code


def test_oversized_video_is_refused(settings):
    big = _upload("talk.mp4", MP4_BYTES)
    big.size = 201 * 1024 * 1024
    with pytest.raises(ValidationError) as error:
        video_file_validate(big)
    assert error.value.code == "size"


def test_captions_must_be_webvtt():
    captions_file_validate(_upload("talk.vtt", VTT_BYTES))
    captions_file_validate(_upload("talk.vtt", b"\xef\xbb\xbf" + VTT_BYTES))  # with a BOM
    for name, content in [
        ("talk.vtt", b"1\n00:00:00,000 --> 00:00:04,000\nAn SRT file\n"),
        ("talk.vtt", b"WEBVTTX\n"),
        ("talk.srt", VTT_BYTES),
        ("talk.vtt", b"WEBVTT\n\n\xff\xfe not text"),
    ]:
        with pytest.raises(ValidationError):
            captions_file_validate(_upload(name, content))


def test_embeds_only_from_the_configured_hosts(settings):
    assert video_embed_check(EMBED) is None
    assert video_embed_check("https://player.vimeo.com/video/76979871") is None
    for url in (
        "https://www.youtube.com/watch?v=abc123",
        "http://www.youtube-nocookie.com/embed/abc123",
        "https://evil.example/www.youtube-nocookie.com/embed/x",
        "https://www.youtube-nocookie.com.evil.example/embed/x",
    ):
        assert "can only be embedded from" in video_embed_check(url)
    settings.COMMONPLACE_VIDEO_EMBED_HOSTS = ["media.union.example"]
    assert video_embed_check(EMBED) is not None


def test_content_rules_for_videos():
    assert content_problems(kind="video") == {
        "video": "Upload the video, or give the address to embed it from."
    }
    assert "transcript" in content_problems(kind="video", url=EMBED)
    assert content_problems(kind="video", url=EMBED, transcript="Hello.") == {}
    assert "captions" in content_problems(kind="video", url=EMBED, captions=True, transcript="x")
    assert "captions" in content_problems(kind="video", video=True)
    assert content_problems(kind="video", video=True, captions=True) == {}
    assert "url" in content_problems(kind="video", video=True, url=EMBED, transcript="x")


def test_service_refuses_an_embed_from_another_host(staff, union):
    fields = {
        "kind": ResourceKind.VIDEO,
        "title": "Organising 101",
        "summary": "A talk.",
        "url": "https://videos.example.com/organising",
        "transcript": "Hello.",
        "duration_minutes": 5,
        "level": "beginner",
        "language": "en",
    }
    with pytest.raises(ResourceIncompleteError) as error:
        resource_create(actor=staff, owner_unit=union, fields=fields)
    assert "can only be embedded from" in error.value.message
    assert not Resource.objects.exists()


def _video_form(union, **extra):
    data = {
        "title": "Your first union meeting",
        "kind": "video",
        "summary": "What happens at a branch meeting.",
        "duration_minutes": "4",
        "level": "entry",
        "language": "en",
        "owner_unit": str(union.pk),
    }
    return {**data, **extra}


def test_staff_upload_a_video_with_captions(client, staff, union, learner):
    client.force_login(staff)
    response = client.post(
        "/learning/new/",
        _video_form(
            union,
            video=_upload("meeting.mp4", MP4_BYTES),
            captions=_upload("meeting.vtt", VTT_BYTES),
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = Resource.objects.get()
    resource.status = "published"
    resource.save()

    client.force_login(learner)
    page = client.get(f"/learning/{resource.slug}/").content.decode()
    assert f'<source src="/learning/{resource.slug}/video/">' in page
    assert f'src="/learning/{resource.slug}/captions/"' in page
    captions = client.get(f"/learning/{resource.slug}/captions/")
    assert captions["Content-Type"].startswith("text/vtt")
    assert b"".join(captions.streaming_content).startswith(b"WEBVTT")
    video = client.get(f"/learning/{resource.slug}/video/")
    assert video["Content-Type"] == "video/mp4"


def test_fake_mp4_upload_shows_an_error_and_keeps_the_title(client, staff, union):
    client.force_login(staff)
    response = client.post(
        "/learning/new/", _video_form(union, video=_upload("meeting.mp4", b"GIF89a" * 10))
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file is not a real MP4 or WebM video." in page
    assert 'value="Your first union meeting"' in page
    assert not Resource.objects.exists()


def test_bad_captions_upload_is_refused(client, staff, union):
    client.force_login(staff)
    response = client.post(
        "/learning/new/",
        _video_form(
            union,
            video=_upload("meeting.mp4", MP4_BYTES),
            captions=_upload("meeting.vtt", b"not captions"),
        ),
    )
    assert "it must start with &quot;WEBVTT&quot;" in response.content.decode()
    assert not Resource.objects.exists()


def test_embed_from_another_host_is_refused_with_a_clear_message(client, staff, union):
    client.force_login(staff)
    response = client.post(
        "/learning/new/",
        _video_form(union, url="https://www.youtube.com/watch?v=abc", transcript="Hello."),
    )
    assert "A video can only be embedded from www.youtube-nocookie.com, player.vimeo.com" in (
        response.content.decode()
    )
    assert not Resource.objects.exists()


def test_embedded_video_shows_the_player_and_transcript_and_csp_allows_the_host(
    client, learner, union
):
    resource = ResourceFactory(
        owner_unit=union,
        kind=ResourceKind.VIDEO,
        body="",
        url=EMBED,
        transcript="Welcome to the branch meeting.",
    )
    client.force_login(learner)
    response = client.get(f"/learning/{resource.slug}/")
    page = response.content.decode()
    assert f'<iframe class="cp-video__frame" src="{EMBED}"' in page
    assert "Welcome to the branch meeting." in page
    csp = response["Content-Security-Policy"]
    frame_src = next(part for part in csp.split(";") if "frame-src" in part).split()
    assert frame_src[1:] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_video_and_captions_of_another_union_are_404(client, outsider, union):
    resource = ResourceFactory(owner_unit=union, kind=ResourceKind.VIDEO, with_media=True)
    client.force_login(outsider)
    assert client.get(f"/learning/{resource.slug}/video/").status_code == 404
    assert client.get(f"/learning/{resource.slug}/captions/").status_code == 404


def test_resource_without_captions_answers_404_for_them(client, learner, union):
    resource = ResourceFactory(owner_unit=union)
    client.force_login(learner)
    assert client.get(f"/learning/{resource.slug}/captions/").status_code == 404
