"""Mail: through the configured SMTP server, and always kept in the outbox table."""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.models import OutboxMessage
from catalogue.models.base import utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailSettings:
    """Where mail goes; without ``server`` it stays in the outbox for administrators."""

    server: str | None = None
    port: int = 587
    username: str | None = None
    password: str | None = None
    use_tls: bool = True
    sender: str = "noreply@localhost"

    @classmethod
    def from_config(cls, config: Any) -> MailSettings:
        """Read ``MAIL_SERVER``, ``MAIL_PORT``, ``MAIL_USERNAME``, ``MAIL_PASSWORD``,
        ``MAIL_USE_TLS`` and ``MAIL_SENDER`` from the app's configuration."""
        return cls(
            server=config.get("MAIL_SERVER") or None,
            port=int(config.get("MAIL_PORT") or 587),
            username=config.get("MAIL_USERNAME") or None,
            password=config.get("MAIL_PASSWORD") or None,
            use_tls=bool(config.get("MAIL_USE_TLS", True)),
            sender=config.get("MAIL_SENDER") or "noreply@localhost",
        )

    @property
    def delivers(self) -> bool:
        """Whether mail leaves the platform (an SMTP server is configured)."""
        return self.server is not None


def _deliver(settings: MailSettings, message: OutboxMessage) -> bool:
    email = EmailMessage()
    email["From"] = settings.sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email.set_content(message.body)
    try:
        with smtplib.SMTP(settings.server or "", settings.port, timeout=10) as smtp:
            if settings.use_tls:
                smtp.starttls()
            if settings.username:
                smtp.login(settings.username, settings.password or "")
            smtp.send_message(email)
    except (OSError, smtplib.SMTPException):
        log.exception("Mail to the SMTP server failed; it stays in the outbox")
        return False
    return True


def send_mail(
    session: Session, settings: MailSettings, recipient: str, subject: str, body: str
) -> OutboxMessage:
    """Keep the message in the outbox and, with an SMTP server configured, send it."""
    message = OutboxMessage(recipient=recipient, subject=subject, body=body)
    session.add(message)
    if settings.delivers and _deliver(settings, message):
        message.sent_at = utcnow()
    session.flush()
    return message


def list_outbox(session: Session, limit: int = 200) -> list[OutboxMessage]:
    """The newest messages first."""
    statement = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    return list(session.scalars(statement))
