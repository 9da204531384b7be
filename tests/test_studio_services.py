"""An open studio's services: one of each, shared. The documents services read sessions and lots through the
studio's own SessionService and InkService rather than copies built beside them, so a setting given to those
services (the studio's time zone, the consent documents folder the gate checks) reaches every reader at once."""

from __future__ import annotations

from smp_desktop.core.studio_db import OpenStudio


def test_the_document_services_read_through_the_studios_own_session_and_ink_services(studio: OpenStudio) -> None:
    services = studio.services
    assert services.client_documents._treatment is services.sessions  # the aftercare sheet's session and course
    assert services.ink_documents._session_service is services.sessions  # the ink sheet's and passport's session
    assert services.ink_documents._ink is services.ink  # their lots, the recall list and letters
    assert services.sessions is services.sessions  # asked twice: the same one
