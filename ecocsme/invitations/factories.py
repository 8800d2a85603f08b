"""The common part of every kind of personal invitation's factory, made the way
`invitations.services.invitations_create` makes an invitation: the contact's language, a fresh
nonce for the personal link and a Message-ID of the platform's mail domain. A kind's factory
(labs.factories.InvitationFactory, events.factories.EventInvitationFactory) adds its owner and
a contact of the owner's partner who agreed to the kind's consent purpose."""

import factory
from factory.django import DjangoModelFactory

from ecocsme.core.links import new_nonce

from .services import message_id_for


class PersonalInvitationFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    language = factory.SelfAttribute("contact.language")
    nonce = factory.LazyFunction(new_nonce)
    message_id = ""  # made from the owner and the contact unless given

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        model = cls._meta.model
        if not kwargs["message_id"]:
            kwargs["message_id"] = message_id_for(model, kwargs[model.owner_field], kwargs["contact"])
        return kwargs
