"""Editors' content checks for interviews: a video needs a transcript, an uploaded one captions.

Shown in the admin by the "content_warnings" hook (see core/content_checks.py).
"""

from wagtail import hooks

from interviews.models import InterviewPage

NO_TRANSCRIPT = (
    "This interview has a video but no transcript. Add the transcript, so that people who cannot "
    "hear or watch the video can read what is said."
)
NO_CAPTIONS = (
    "The uploaded video has no captions. Upload its captions as a WebVTT (.vtt) file in "
    "'Captions file'."
)


@hooks.register("content_warnings")
def interview_warnings(page):
    if not isinstance(page, InterviewPage) or not page.has_video:
        return []
    warnings = []
    if not len(page.transcript):
        warnings.append(NO_TRANSCRIPT)
    if page.video_file_id and not page.captions_file_id:
        warnings.append(NO_CAPTIONS)
    return warnings
