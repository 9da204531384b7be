"""The studio's tables as typed SQLAlchemy models.

`from smp_desktop.core.models import Client` works as ever, but a model's module is imported when one of its names
is first asked for (PEP 562), not with the package (a large share of the start-up's import time, issue #8). Start-up
itself loads none: the studio row, its owner and the client list are read through Core table clauses
(core/db/table_clauses.py). The first model of any kind loads the studio, client and audit models with it (base.py
SHARED_MODEL_MODULES: every table refers to them), not the consent, ink, removal and photo models. Relationships never
cross modules, so each module's mappers configure on their own.

Anything that needs every table (Alembic's autogenerate and model/migration comparison, the data-subject export's
walk of the foreign keys) calls `all_tables()`, which imports every model module first: `Base.metadata` alone holds
only the tables loaded so far.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from sqlalchemy import MetaData

from smp_desktop.core.lazy import lazy_attributes
from smp_desktop.core.models.base import Base

if TYPE_CHECKING:
    from smp_desktop.core.models.audit import AuditEvent
    from smp_desktop.core.models.client import Client, ClientScar
    from smp_desktop.core.models.consent import (
        ConsentRecord,
        ConsentTemplate,
        HealthQuestion,
        HealthScreening,
        ScreeningLetter,
        SessionGateOverride,
    )
    from smp_desktop.core.models.document import StoredDocument
    from smp_desktop.core.models.ink import ClientMix, LotRecall, PigmentLot, PigmentProduct, RecallContact
    from smp_desktop.core.models.photo import HairlineDesign, Photo
    from smp_desktop.core.models.removal import RemovalPhoto, RemovalPlan, RemovalSession, RemovalTarget
    from smp_desktop.core.models.studio import Setting, StaffMember, Studio
    from smp_desktop.core.models.treatment import SessionZone, TreatmentSession


_WHERE: dict[str, str] = {
    "AuditEvent": "audit",
    "Client": "client",
    "ClientMix": "ink",
    "ClientScar": "client",
    "ConsentRecord": "consent",
    "ConsentTemplate": "consent",
    "HairlineDesign": "photo",
    "HealthQuestion": "consent",
    "HealthScreening": "consent",
    "LotRecall": "ink",
    "Photo": "photo",
    "PigmentLot": "ink",
    "PigmentProduct": "ink",
    "RecallContact": "ink",
    "RemovalPhoto": "removal",
    "RemovalPlan": "removal",
    "RemovalSession": "removal",
    "RemovalTarget": "removal",
    "ScreeningLetter": "consent",
    "SessionGateOverride": "consent",
    "SessionZone": "treatment",
    "Setting": "studio",
    "StaffMember": "studio",
    "StoredDocument": "document",
    "Studio": "studio",
    "TreatmentSession": "treatment",
}


MODEL_MODULES = tuple(sorted(set(_WHERE.values())))  # every model module, each named in _WHERE


def all_tables() -> MetaData:
    """`Base.metadata` with every model module imported: all of the studio's tables."""
    for module in MODEL_MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return Base.metadata


__getattr__ = lazy_attributes(__name__, _WHERE, globals())


__all__ = [
    "AuditEvent",
    "Base",
    "Client",
    "ClientMix",
    "ClientScar",
    "ConsentRecord",
    "ConsentTemplate",
    "HairlineDesign",
    "HealthQuestion",
    "HealthScreening",
    "LotRecall",
    "Photo",
    "PigmentLot",
    "PigmentProduct",
    "RecallContact",
    "RemovalPhoto",
    "RemovalPlan",
    "RemovalSession",
    "RemovalTarget",
    "ScreeningLetter",
    "SessionGateOverride",
    "SessionZone",
    "Setting",
    "StaffMember",
    "StoredDocument",
    "Studio",
    "TreatmentSession",
    "all_tables",
]
