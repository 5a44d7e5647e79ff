"""Logging filters of the application (sakip/settings.py LOGGING)."""

import logging


class TolakSatuBaris(logging.Filter):
    """A refused request (403) is an everyday event, not a fault: Django's ``django.request``
    logs it with the PermissionDenied's traceback; keep it to its one warning line
    ("Forbidden (Permission denied): /path"). Other records pass unchanged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
