"""The form of a phase-2 report on one action for one reporting period: input and choices only;
services.reports.report_save checks everything again and writes."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ecocsme.core.forms import TranslatedFieldsMixin

from .models import Action, ActionPlan, ActionReport
from .services.reports import max_bytes


class ReportForm(TranslatedFieldsMixin, forms.Form):
    revision = forms.CharField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(label=_("Status of the action"), choices=Action.Status.choices)
    instrument_improved = forms.ChoiceField(
        label=_("Is the policy instrument improved?"), choices=ActionReport.Improved.choices,
        widget=forms.RadioSelect, initial=ActionReport.Improved.NOT_YET)
    improvement_type = forms.ChoiceField(
        label=_("Type of improvement"), required=False,
        choices=[("", "—"), *ActionReport.Improvement.choices],
        help_text=_("Needed when the instrument is improved."))
    funds_influenced = forms.CharField(
        label=_("Funds influenced (EUR)"), required=False, max_length=40,
        help_text=_("The money the improvement steered in the period, in euros, e.g. 25 000 or 1 200,50."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
    evidence_link = forms.CharField(
        label=_("Evidence (link)"), required=False, max_length=500,
        help_text=_("A call text, an amended programme, a page of the platform."),
        widget=forms.URLInput(attrs={"placeholder": "https://"}))
    evidence_file = forms.FileField(
        label=_("Evidence (file)"), required=False,
        widget=forms.FileInput(attrs={
            "accept": ".pdf,.jpg,.jpeg,.png,.webp,.gif,.docx,.xlsx,.odt,.ods"}))
    remove_evidence = forms.BooleanField(label=_("Remove the stored file"), required=False)

    def __init__(self, *args, plan: ActionPlan, report: ActionReport | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        stored = report is not None and bool(report.evidence_file)
        self.fields["evidence_file"].help_text = (_(
            "A PDF, an image, or a DOCX, XLSX, ODT or ODS file, up to %(limit)s. It replaces the stored one.")
            if stored else _("A PDF, an image, or a DOCX, XLSX, ODT or ODS file, up to %(limit)s.")
        ) % {"limit": filesizeformat(max_bytes())}
        if report is not None:
            self.initial.update({
                "revision": str(report.revision), "status": report.status,
                "instrument_improved": report.instrument_improved,
                "improvement_type": report.improvement_type,
                "funds_influenced": "" if report.funds_influenced is None else number_format(
                    report.funds_influenced, 2, use_l10n=True, force_grouping=True),
                "evidence_link": report.evidence_link})
        if report is None or not report.evidence_file:
            del self.fields["remove_evidence"]
        self.add_translated_fields({
            "progress": lambda: forms.CharField(
                label=_("Progress in the period"), required=False,
                widget=forms.Textarea(attrs={"rows": 4})),
        }, {"progress": report.progress} if report is not None else None, source=plan.language)

    def values(self) -> dict:
        data = self.cleaned_data
        return {"status": data["status"], "progress": self.translated("progress"),
                "instrument_improved": data["instrument_improved"],
                "improvement_type": data.get("improvement_type") or "",
                "funds_influenced": data.get("funds_influenced") or "",
                "evidence_link": data.get("evidence_link") or "",
                "remove_evidence": bool(data.get("remove_evidence"))}
