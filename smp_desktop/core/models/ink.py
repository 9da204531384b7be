"""The ink register: pigment products (shades), lots (bottles), recalls and the clients' mixes."""

from __future__ import annotations
