"""Exports of what the studio holds on a client: the data-subject ZIP (data as JSON and CSV, photos, stored
documents, the record PDF, a manifest of hashes) and the data the whole-record PDF is built from. No Qt, and no
reportlab until a PDF is made. The service with the permission checks and the audit is core/services/exports.py."""
