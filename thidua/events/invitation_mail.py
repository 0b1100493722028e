"""What an invitation by email says (issue 7): the Giấy mời's wording, the personal link to
answer, the QR code of the delegate's check-in with its code, and the delegate's own page of
the Giấy mời as a Word file; and the reminder a set time before the day. Composed here, sent and
logged by thidua.events.invitation_sending.

Delegates read it in the project's language (Vietnamese), whatever language the staff member
who sent it uses."""

from __future__ import annotations

import datetime as dt
import io
from email.mime.image import MIMEImage

import segno
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Case, IntegerField, Q, Value, When
from django.template.loader import render_to_string
from django.utils import timezone, translation

from thidua.common.vietnamese import date_in_words, weekday_name
from thidua.documents.base import DOCX_CONTENT_TYPE
from thidua.events.enums import MessageKind, Rsvp
from thidua.events.invitations import checkin_url, rsvp_url
from thidua.events.models import Event, Guest

QR_CID = "ma-qr-vao-hoi-nghi"


def when_words(starts_at: dt.datetime) -> str:
    """'14 giờ 00, thứ ba, ngày 23 tháng 7 năm 2024' (in Vietnam time)."""
    local = timezone.localtime(starts_at)
    return (
        f"{local.hour:d} giờ {local.minute:02d}, {weekday_name(local.date())}, "
        f"{date_in_words(local.date())}"
    )


def qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=6, border=2)
    return out.getvalue()


def qr_data_uri(text: str) -> str:
    """The QR code as an SVG data URI for an <img> on a page."""
    uri: str = segno.make(text, error="m").svg_data_uri(scale=5, border=2)
    return uri


def addressee(guest: Guest) -> str:
    """'Ông/Bà Nguyễn Văn Hải'."""
    return f"Ông/Bà {guest.name}"


def where_of(guest: Guest) -> str:
    """'Chủ tịch Công đoàn cơ sở, Công đoàn Công ty TNHH Cơ khí An Lão'."""
    return ", ".join(part for part in (guest.position.strip(), guest.unit_name.strip()) if part)


def invitation_docx(guest: Guest) -> tuple[str, bytes]:
    """The delegate's own page of the conference's Giấy mời (the one issued for them or their
    group, else the latest draft, else a blank draft of the organiser), as a Word file."""
    from thidua.documents.enums import DocumentKind, DocumentStatus
    from thidua.documents.kinds.invitation import InvitationGenerator
    from thidua.documents.models import OfficialDocument

    event = guest.group.event
    found = (
        OfficialDocument.objects.filter(kind=DocumentKind.INVITATION, event=event, per_group=False)
        .filter(Q(guest_group__isnull=True) | Q(guest_group_id=guest.group_id))
        .annotate(
            issued=Case(
                When(status=DocumentStatus.ISSUED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .select_related("issuer")
        .order_by("issued", "-issued_on", "-created_at", "-id")
        .first()
    )
    document: OfficialDocument = found or OfficialDocument(
        kind=DocumentKind.INVITATION,
        issuer=event.organiser,
        event=event,
        subject=f"Dự {event.title}",
    )
    generator = InvitationGenerator(document, guest=guest)
    return generator.filename, generator.docx()


def _context(guest: Guest, kind: str) -> dict[str, object]:
    event: Event = guest.group.event
    return {
        "guest": guest,
        "event": event,
        "kind": kind,
        "addressee": addressee(guest),
        "where": where_of(guest),
        "when": when_words(event.starts_at),
        "rsvp_url": rsvp_url(guest),
        "code": guest.checkin_code,
        "qr_cid": QR_CID,
        "pending": guest.rsvp == Rsvp.PENDING,
        "declined": guest.rsvp == Rsvp.DECLINED,
        "substitute": guest.rsvp == Rsvp.SUBSTITUTE,
    }


def compose(guest: Guest, *, kind: str) -> EmailMultiAlternatives:
    """The message to one delegate (`guest` with group, conference and organiser): the
    invitation, or the reminder."""
    event: Event = guest.group.event
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(guest, kind)
        name = "invitation" if kind == MessageKind.INVITATION else "reminder"
        subject = render_to_string(f"events/email/{name}_subject.txt", context)
        text = render_to_string(f"events/email/{name}.txt", context)
        html = render_to_string(f"events/email/{name}.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[guest.email],
    )
    message.attach_alternative(html, "text/html")
    image = MIMEImage(qr_png(checkin_url(event, guest)), "png")
    image.add_header("Content-ID", f"<{QR_CID}>")
    image.add_header("Content-Disposition", "inline", filename=f"ma-qr-{guest.checkin_code}.png")
    message.attach(image)
    if kind == MessageKind.INVITATION:
        filename, data = invitation_docx(guest)
        message.attach(filename, data, DOCX_CONTENT_TYPE)
    return message
