"""The studio's tables as typed SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from smp_desktop.core.models.audit import AuditEvent
from smp_desktop.core.models.base import Base
from smp_desktop.core.models.client import Client, ClientScar
from smp_desktop.core.models.studio import Setting, StaffMember, Studio

__all__ = ["AuditEvent", "Base", "Client", "ClientScar", "Setting", "StaffMember", "Studio"]
