"""The abstract personal invitation: one contact, one unguessable link, one mail thread.

Every flow that sends a person a personal link and takes their answer (a lab's questions, an
event's yes/no, later opportunity digests and action-plan reviews) makes a concrete model of it
and names, as class attributes, what differs: what the invitation belongs to, the consent it
needs, the page its link opens and the prefix of its outbox keys."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecocsme.core.http import absolute_url
from ecocsme.core.links import link_token
from ecocsme.core.models import OutgoingMail, TimeStampedModel
from ecocsme.organisations.models import Contact


class PersonalInvitation(TimeStampedModel):
    owner_field: ClassVar[str]  # the foreign key to what the person is invited to ("lab"),
    # with related_name="invitations"; the owner has a `partner` that keeps the people invited
    consent_purpose: ClassVar[str]  # a Consent.Purpose the contact must have granted
    link_purpose: ClassVar[str]  # the HMAC key of the personal link; one per kind of link
    answer_view: ClassVar[str]  # the URL name of the page the link opens
    change_permission: ClassVar[str]  # who may invite, send and retry: a permission on the owner
    refusal: ClassVar[str]  # what those without it are told

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="%(app_label)s_invitations")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The personal link is an HMAC of the id and this nonce: unguessable, never stored whole,
    # and revoked by drawing a new nonce.
    nonce = models.CharField(max_length=32, editable=False)
    message_id = models.CharField(max_length=255, unique=True, editable=False)
    mail = models.ForeignKey(OutgoingMail, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def mail_kind(cls) -> str:
        """The first part of this kind's outbox keys: "labs.invitation"."""
        return f"{cls._meta.app_label}.invitation"

    @classmethod
    def keeper_id(cls, owner) -> int:
        """The partner whose contacts may be invited to `owner`: its own partner, unless a kind
        says otherwise."""
        return owner.partner_id

    @property
    def owner(self):
        return getattr(self, self.owner_field)

    @property
    def owner_id(self) -> int:
        return getattr(self, f"{self.owner_field}_id")

    def token(self) -> str:
        return link_token(self.link_purpose, self.pk, self.nonce)

    def answer_url(self) -> str:
        return absolute_url(self.answer_view, [self.token()], language=self.language)

    def mail_key(self, *parts) -> str:
        """The outbox key of a mail about this invitation: a mail under the same key goes out once."""
        return ":".join([self.mail_kind(), str(self.pk), *(str(part) for part in parts)])
