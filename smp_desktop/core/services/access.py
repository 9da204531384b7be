"""Who is acting, and what their role lets them do. Every service call names its actor; checks live here."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from smp_desktop.core.domain import StaffRole


class Permission(StrEnum):
    VIEW_CLIENTS = "view_clients"
    EDIT_CLIENTS = "edit_clients"
    ARCHIVE_CLIENTS = "archive_clients"
    IMPORT_EXPORT_CLIENTS = "import_export_clients"
    VIEW_HEALTH = "view_health"  # health answers and the SMP profile's clinical parts
    VIEW_PHOTOS = "view_photos"  # scalp photos are health data: not for the front desk
    ADD_PHOTOS = "add_photos"  # import photos, change their tags, delete them
    DESIGN_HAIRLINE = "design_hairline"  # draw and save hairline designs (new versions; old ones never change)
    VIEW_SESSIONS = "view_sessions"  # a client's sessions and the day's appointments
    BOOK_SESSIONS = "book_sessions"  # plan, move and cancel appointments
    RECORD_TREATMENT = "record_treatment"  # what was done (zones, pigments, health re-confirmation), completing
    VIEW_CONSENTS = "view_consents"  # whether a client has a valid consent; print forms and packets
    SIGN_CONSENTS = "sign_consents"  # take signatures, attach a paper consent (health answers need VIEW_HEALTH too)
    SCREEN_HEALTH = "screen_health"  # fill in the health questionnaire, attach doctor's letters
    EDIT_CONSENT_TEMPLATES = "edit_consent_templates"  # new template versions, questionnaire tiers
    OVERRIDE_CONSENT_GATE = "override_consent_gate"  # complete a session without consent or clearance (owner)
    VIEW_DOCUMENTS = "view_documents"  # stored documents (doctor's letters, scans) are health data
    ADD_DOCUMENTS = "add_documents"  # attach a file to a client or a lot
    PLAN_REMOVAL = "plan_removal"  # removal plans: assessment, sessions and their laser parameters, documents
    VIEW_INK = "view_ink"  # the ink register: products, lots, recalls
    MANAGE_INK = "manage_ink"  # add and change products and lots, import them
    RECALL_LOTS = "recall_lots"  # mark a lot recalled
    LOG_RECALL_CONTACTS = "log_recall_contacts"  # log calls and letters to clients about a recall
    MANAGE_STUDIO = "manage_studio"
    MANAGE_DATABASE = "manage_database"
    # Everything held on a client as one file (the data-subject ZIP) and many clients' records at once: owner only.
    EXPORT_RECORDS = "export_records"


# The defaults; the roles work will make these editable per studio without changing any service.
ROLE_PERMISSIONS: dict[StaffRole, frozenset[Permission]] = {
    StaffRole.OWNER: frozenset(Permission),
    StaffRole.ARTIST: frozenset(
        {
            Permission.VIEW_CLIENTS,
            Permission.EDIT_CLIENTS,
            Permission.ARCHIVE_CLIENTS,
            Permission.VIEW_HEALTH,
            Permission.VIEW_PHOTOS,
            Permission.ADD_PHOTOS,
            Permission.DESIGN_HAIRLINE,
            Permission.VIEW_SESSIONS,
            Permission.BOOK_SESSIONS,
            Permission.RECORD_TREATMENT,
            Permission.VIEW_INK,
            Permission.MANAGE_INK,
            Permission.LOG_RECALL_CONTACTS,
            Permission.PLAN_REMOVAL,
            Permission.VIEW_CONSENTS,
            Permission.SIGN_CONSENTS,
            Permission.SCREEN_HEALTH,
            Permission.VIEW_DOCUMENTS,
            Permission.ADD_DOCUMENTS,
        }
    ),
    # Reception books and sees appointments; it does not record treatment details or health answers.
    StaffRole.RECEPTION: frozenset(
        {
            Permission.VIEW_CLIENTS,
            Permission.EDIT_CLIENTS,
            Permission.VIEW_SESSIONS,
            Permission.BOOK_SESSIONS,
            # the ink register: see it, and log the calls and letters of a recall
            Permission.VIEW_INK,
            Permission.LOG_RECALL_CONTACTS,
            # consents: print forms, collect signatures of forms without health answers, attach signed paper
            Permission.VIEW_CONSENTS,
            Permission.SIGN_CONSENTS,
            Permission.ADD_DOCUMENTS,
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The staff member on whose behalf a service runs."""

    staff_id: int
    display_name: str
    role: StaffRole

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def may_back_up(actor: Actor, *, read_only: bool) -> bool:
    """Back Up Now and restoring, for a studio whose backups the app makes (its own SQLite file): the actor manages
    the database and the studio can be written. The window's action and BackupController both ask this."""
    return not read_only and actor.can(Permission.MANAGE_DATABASE)


class PermissionDenied(Exception):
    def __init__(self, actor: Actor, permission: Permission) -> None:
        super().__init__(f"{actor.display_name} ({actor.role.value}) may not {permission.value.replace('_', ' ')}.")
        self.actor = actor
        self.permission = permission


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(actor, permission)
