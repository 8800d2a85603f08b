"""The themes a good practice is filed under: one list, so that the library's facets and the
guidelines speak of the same things."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    ENTREPRENEURSHIP_EDUCATION = "entrepreneurship_education", _("Entrepreneurship education")
    STARTUPS_INCUBATION = "startups_incubation", _("Start-ups and incubation")
    CREATIVE_INDUSTRIES = "creative_industries", _("Cultural and creative industries")
    TOURISM = "tourism", _("Cultural tourism")
    CO_DESIGN = "co_design", _("Co-design and participation")
    HERITAGE_REUSE = "heritage_reuse", _("New uses for heritage buildings")
    SKILLS = "skills", _("Skills and training")
    PROCUREMENT = "procurement", _("Local suppliers and procurement")
    FUNDING = "funding", _("Access to finance")
    NETWORKING = "networking", _("Networking and matchmaking")
    COMMUNICATION = "communication", _("Reaching SMEs")
    VOLUNTEERING = "volunteering", _("Volunteering and community")
    DIGITAL = "digital", _("Digital innovation")
    SUSTAINABILITY = "sustainability", _("Sustainability")
    CROSS_BORDER = "cross_border", _("Cross-border cooperation")
    YOUTH = "youth", _("Youth")
