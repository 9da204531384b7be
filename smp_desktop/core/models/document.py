"""Stored documents: any file the studio keeps on a client or a lot (doctor's letters, scans, signed consents,
safety data sheets), content-addressed under documents/."""

from __future__ import annotations
