"""Why a file was not imported: a sentence for people, a stable code and its parameters for translation."""

from __future__ import annotations


class PhotoRejected(Exception):
    """This file cannot become a photo of the library; nothing of it was stored.

    code is stable (the UI words it again in the user's language); params fill its placeholders."""

    def __init__(self, code: str, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params: dict[str, object] = params
