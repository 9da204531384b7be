"""Removal plans and their sessions."""

from __future__ import annotations
