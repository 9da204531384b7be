"""Consent templates (versioned, frozen once signed), signed consents, health screening and stored documents."""

from __future__ import annotations
