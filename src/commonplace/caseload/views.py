"""Caseload pages: the ULR's caseload, adding a learner with consent, the learner's story
(audited), conversations, follow-ups, the learning plan (and its printable version),
referrals, and the learner's own "what my ULR has recorded about me"."""

from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.db import transaction
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.selectors import may_at
from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.core.pagination import CappedPaginator
from commonplace.people.selectors import people_visible_to
from commonplace.people.services import person_create_learner

from .enums import ConsentSection, ReferralStatus, Topic
from .forms import (
    ActionForm,
    CaseloadFilterForm,
    ConsentForm,
    ConversationForm,
    ExistingLearnerForm,
    FindLearnerForm,
    GoalForm,
    NeedsForm,
    NewLearnerForm,
    PlanForm,
    ReassignForm,
    ReferralForm,
    ReferralStatusForm,
)
from .selectors import (
    caseload_list,
    conversations_of_entry,
    entry_get_visible,
    entry_of_learner,
    followups_for,
    learners_to_add,
    pathways_for_plan,
    pathways_for_referral,
    plan_get_visible,
    plan_of_entry,
    plan_pathways_with_progress,
    progress_of,
    referral_get_visible,
    referrals_with_links,
    resources_for_plan,
    sections_visible,
    ulrs_for_entry,
    workplace_for_adding,
    workplaces_for_adding,
)
from .services import (
    action_add,
    consent_record,
    consent_withdraw,
    conversation_record,
    entry_create,
    entry_needs_update,
    entry_reassign,
    entry_view_record,
    goal_achieve,
    goal_add,
    plan_save,
    plan_sign,
    referral_create,
    referral_status_set,
)

if TYPE_CHECKING:
    from commonplace.accounts.models import User

PAGE_SIZE = 25


def _story_url(entry: Any) -> str:
    return reverse("caseload:entry-detail", args=[entry.pk])


class CaseloadView(ScopedPermissionRequired, View):
    permission_required = "caseload.view_caseloadentry"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = CaseloadFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        entries = caseload_list(
            user=request.user, mine=data.get("mine", False), text=data.get("q", "")
        )
        page = CappedPaginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [(entry, sections_visible(user=request.user, entry=entry)) for entry in page]
        context = {
            "form": form,
            "page": page,
            "rows": rows,
            "can_add": request.user.has_perm("caseload.add_caseloadentry"),
            "needs": ConsentSection.NEEDS,
        }
        return render(request, "caseload/caseload_list.html", context)


class LearnerAddView(ScopedPermissionRequired, View):
    """Find a person the rep may see, or add a new non-member learner; consent either way."""

    permission_required = "caseload.add_caseloadentry"

    def get(self, request: HttpRequest) -> HttpResponse:
        find = FindLearnerForm(request.GET or None)
        found = (
            learners_to_add(user=request.user, text=request.GET.get("q", ""))
            if find.is_valid()
            else []
        )
        chosen = None
        if "person" in request.GET:
            chosen = self._person(request.GET.get("person"))
        existing = ExistingLearnerForm(initial={"person": chosen.pk}) if chosen else None
        return self._render(request, find=find, found=found, chosen=chosen, existing=existing)

    def post(self, request: HttpRequest) -> HttpResponse:
        if request.POST.get("form") == "existing":
            return self._post_existing(request)
        return self._post_new(request)

    def _person(self, pk: object) -> Any:
        try:
            number = int(str(pk))
        except ValueError:
            return None
        return people_visible_to(user=self.request.user).filter(pk=number).first()

    def _post_existing(self, request: HttpRequest) -> HttpResponse:
        form = ExistingLearnerForm(request.POST)
        chosen = self._person(request.POST.get("person"))
        if chosen is None:
            raise Http404(_("Page not found."))
        if form.is_valid():
            try:
                entry = entry_create(
                    actor=request.user,
                    learner=chosen,
                    lead_ulr=cast("User", request.user),
                    terms=form.terms(),
                    needs=form.cleaned_data["needs"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The learner is in your caseload."))
                return HttpResponseRedirect(_story_url(entry))
        return self._render(request, chosen=chosen, existing=form)

    def _post_new(self, request: HttpRequest) -> HttpResponse:
        form = NewLearnerForm(request.POST, workplaces=workplaces_for_adding(user=request.user))
        if form.is_valid():
            data = form.cleaned_data
            workplace = workplace_for_adding(user=request.user, pk=data["workplace"])
            if workplace is None:
                form.add_error("workplace", _("Choose a workplace"))
            else:
                try:
                    entry = self._create_new(request, form, workplace)
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("The learner is in your caseload."))
                    return HttpResponseRedirect(_story_url(entry))
        return self._render(request, new=form)

    def _create_new(self, request: HttpRequest, form: NewLearnerForm, workplace: Any) -> Any:
        data = form.cleaned_data
        with transaction.atomic():
            person = person_create_learner(
                actor=request.user,
                given_name=data["given_name"],
                family_name=data["family_name"],
                email=data["email"],
                phone=data["phone"],
                workplace=workplace,
            )
            return entry_create(
                actor=request.user,
                learner=person,
                lead_ulr=cast("User", request.user),
                terms=form.terms(),
                needs=data["needs"],
            )

    def _render(self, request: HttpRequest, **context: Any) -> HttpResponse:
        context.setdefault("find", FindLearnerForm())
        context.setdefault(
            "new", NewLearnerForm(workplaces=workplaces_for_adding(user=request.user))
        )
        return render(request, "caseload/learner_add.html", context)


class _EntryView(ScopedPermissionRequired, View):
    """A page about one entry: the entry is fetched with the scope of `kind` and `action`."""

    kind = "caseload.caseloadentry"
    action = "view"

    def get_permission_object(self) -> Model | None:
        self.entry = entry_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action=self.action, kind=self.kind
        )
        return self.entry if self.kind == "caseload.caseloadentry" else None


class EntryDetailView(_EntryView):
    permission_required = "caseload.view_caseloadentry"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry = self.entry
        entry_view_record(actor=request.user, entry=entry)
        return render(request, "caseload/entry_detail.html", _story(request, entry))


def _story(request: HttpRequest, entry: Any) -> dict[str, Any]:
    """Everything about the learner `request.user` may see, for the story and "my record"."""
    user = request.user
    sections = sections_visible(user=user, entry=entry)
    plan = plan_of_entry(user=user, entry=entry)
    progress = None
    if ConsentSection.PROGRESS in sections:
        resources = list(plan.resources.all()) if plan is not None else []
        progress = progress_of(entry=entry, resources=resources, language=get_language() or "en")
    path = entry.learner.home_unit.path
    conversations = _with_topic_labels(conversations_of_entry(user=user, entry=entry))
    open_follow_ups = [
        c.follow_up_on for c in conversations if c.follow_up_on and not c.follow_up_done_on
    ]
    linked, linked_pathways = [], []
    if plan is not None:
        opened = progress.resources if progress is not None else {}
        linked = [(resource, opened.get(resource.pk)) for resource in plan.resources.all()]
        linked_pathways = plan_pathways_with_progress(
            plan=plan, entry=entry, with_progress=ConsentSection.PROGRESS in sections
        )
    return {
        "entry": entry,
        "learner": entry.learner,
        "sections": sections,
        "conversations": conversations,
        "next_follow_up": min(open_follow_ups, default=None),
        "linked_resources": linked,
        "linked_pathways": linked_pathways,
        "plan": plan,
        "referrals": referrals_with_links(user=user, entry=entry),
        "progress": progress,
        "consents": entry.consents.all() if entry.learner.account_id == user.pk else [],
        "can_converse": ConsentSection.NEEDS in sections
        and may_at(user=user, kind="caseload.conversation", action="add", unit_path=path),
        "can_plan": ConsentSection.PLAN in sections
        and may_at(user=user, kind="caseload.learningplan", action="change", unit_path=path),
        "can_refer": ConsentSection.PLAN in sections
        and may_at(user=user, kind="caseload.referral", action="add", unit_path=path),
        "can_change": user.has_perm("caseload.change_caseloadentry", entry),
        "can_reassign": user.has_perm("caseload.reassign_caseloadentry", entry),
        "statuses": ReferralStatus.choices,
        "S": {section.name: section.value for section in ConsentSection},
    }


def _with_topic_labels(conversations: Any) -> list[Any]:
    rows = list(conversations)
    for row in rows:
        row.topic_labels = [Topic(t).label for t in row.topics if t in Topic.values]
    return rows


class ConsentView(_EntryView):
    permission_required = "caseload.change_caseloadentry"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        consent = self.entry.consent
        initial = {}
        if consent is not None and consent.withdrawn_at is None:
            initial = {
                "sections": [s for s in ConsentSection.values if getattr(consent, f"shares_{s}")],
                "audience": consent.audience,
                "partner_name": consent.partner_name,
                "method": consent.method,
            }
        return self._render(request, ConsentForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ConsentForm(request.POST)
        if form.is_valid():
            try:
                consent_record(actor=request.user, entry=self.entry, terms=form.terms())
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The learner's consent was recorded."))
                return HttpResponseRedirect(_story_url(self.entry))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ConsentForm) -> HttpResponse:
        return render(request, "caseload/consent_form.html", {"entry": self.entry, "form": form})


class ConsentWithdrawView(_EntryView):
    """The learner (or their ULR, at the learner's word) withdraws consent."""

    permission_required = "caseload.withdraw_caseloadentry"
    action = "withdraw"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, "caseload/consent_withdraw.html", {"entry": self.entry})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        consent_withdraw(actor=request.user, entry=self.entry)
        messages.success(request, _("Consent was withdrawn."))
        if self.entry.learner.account_id == request.user.pk:
            return HttpResponseRedirect(reverse("caseload:my-record"))
        return HttpResponseRedirect(_story_url(self.entry))


class NeedsView(_EntryView):
    permission_required = "caseload.change_caseloadentry"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, NeedsForm(initial={"needs": self.entry.needs}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = NeedsForm(request.POST)
        if form.is_valid():
            try:
                entry_needs_update(
                    actor=request.user, entry=self.entry, needs=form.cleaned_data["needs"]
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The learner's needs were saved."))
                return HttpResponseRedirect(_story_url(self.entry))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: NeedsForm) -> HttpResponse:
        return render(request, "caseload/needs_form.html", {"entry": self.entry, "form": form})


class ReassignView(_EntryView):
    permission_required = "caseload.reassign_caseloadentry"
    action = "reassign"

    def _form(self, data: Any = None) -> ReassignForm:
        ulrs = [(u.pk, str(u)) for u in ulrs_for_entry(entry=self.entry)]
        return ReassignForm(data, ulrs=ulrs, initial={"lead": self.entry.lead_ulr_id})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            lead = ulrs_for_entry(entry=self.entry).get(pk=form.cleaned_data["lead"])
            try:
                entry_reassign(actor=request.user, entry=self.entry, lead_ulr=cast("User", lead))
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The learner has a new lead union learning rep."))
                return HttpResponseRedirect(_story_url(self.entry))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ReassignForm) -> HttpResponse:
        return render(request, "caseload/reassign.html", {"entry": self.entry, "form": form})


class ConversationAddView(_EntryView):
    permission_required = "caseload.add_conversation"
    kind = "caseload.conversation"
    action = "add"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, ConversationForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ConversationForm(request.POST)
        if form.is_valid():
            try:
                conversation_record(actor=request.user, entry=self.entry, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The conversation was recorded."))
                return HttpResponseRedirect(_story_url(self.entry))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ConversationForm) -> HttpResponse:
        return render(
            request, "caseload/conversation_form.html", {"entry": self.entry, "form": form}
        )


class FollowUpsView(ScopedPermissionRequired, View):
    permission_required = "caseload.view_conversation"

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        due = followups_for(user=request.user, today=today)
        groups = [
            (_("Overdue"), due.overdue),
            (_("Today"), due.today),
            (_("This week"), due.this_week),
        ]
        context = {"due": due, "groups": groups, "today": today}
        return render(request, "caseload/followups.html", context)


class PlanEditView(_EntryView):
    """The plan and its goals, actions and resources: three forms posting here, by `form`."""

    permission_required = "caseload.change_learningplan"
    kind = "caseload.learningplan"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = plan_of_entry(user=request.user, entry=self.entry, action="change")
        initial = {}
        if plan is not None:
            initial = {
                "summary": plan.summary,
                "courses": plan.courses,
                "resources": list(plan.resources.all()),
                "pathways": list(plan.pathways.all()),
            }
        return self._render(request, plan, plan_form=self._plan_form(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = plan_of_entry(user=request.user, entry=self.entry, action="change")
        which = request.POST.get("form", "plan")
        if which != "plan" and plan is None:
            raise Http404(_("Page not found."))
        try:
            if which == "plan":
                return self._post_plan(request, plan)
            if which == "achieved" and plan is not None:
                goal = plan.goals.filter(pk=_int(request.POST.get("goal"))).first()
                if goal is None:
                    raise Http404(_("Page not found."))
                goal_achieve(actor=request.user, goal=goal, on=timezone.localdate())
                return self._saved(request, _("Well done: the goal is achieved."))
            return self._post_part(request, plan, which)
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(request.path)

    def _post_plan(self, request: HttpRequest, plan: Any) -> HttpResponse:
        form = self._plan_form(data=request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                plan_save(
                    actor=request.user,
                    entry=self.entry,
                    summary=data["summary"],
                    courses=data["courses"],
                    resources=list(data["resources"]),
                    pathways=list(data["pathways"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                return self._saved(request, _("The plan was saved."))
        return self._render(request, plan, plan_form=form)

    def _post_part(self, request: HttpRequest, plan: Any, which: str) -> HttpResponse:
        """A goal or an action added to the plan."""
        if which == "goal":
            goal_form = GoalForm(request.POST)
            if goal_form.is_valid():
                goal_add(actor=request.user, plan=plan, **goal_form.cleaned_data)
                return self._saved(request, _("The goal was added."))
            return self._render(request, plan, goal_form=goal_form)
        action_form = ActionForm(request.POST)
        if action_form.is_valid():
            action_add(actor=request.user, plan=plan, **action_form.cleaned_data)
            return self._saved(request, _("The action was added."))
        return self._render(request, plan, action_form=action_form)

    def _saved(self, request: HttpRequest, message: str) -> HttpResponse:
        messages.success(request, message)
        return HttpResponseRedirect(reverse("caseload:plan-edit", args=[self.entry.pk]))

    def _plan_form(self, **kwargs: Any) -> PlanForm:
        return PlanForm(
            resources=resources_for_plan(user=self.request.user),
            pathways=pathways_for_plan(user=self.request.user, entry=self.entry),
            **kwargs,
        )

    def _render(self, request: HttpRequest, plan: Any, **forms: Any) -> HttpResponse:
        sections = sections_visible(user=request.user, entry=self.entry)
        context = {
            "entry": self.entry,
            "plan": plan,
            "linked_pathways": plan_pathways_with_progress(
                plan=plan, entry=self.entry, with_progress=ConsentSection.PROGRESS in sections
            )
            if plan is not None
            else [],
            "progress_shared": ConsentSection.PROGRESS in sections,
            "plan_form": forms.get("plan_form") or self._plan_form(),
            "goal_form": forms.get("goal_form") or GoalForm(),
            "action_form": forms.get("action_form") or ActionForm(),
        }
        return render(request, "caseload/plan_edit.html", context)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


class _PlanView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        self.plan = plan_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action=self.action
        )
        return self.plan


class PlanPrintView(_PlanView):
    """The plan as a page to print or save as PDF: print CSS, no script."""

    permission_required = "caseload.view_learningplan"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.plan
        entry = plan.entry
        if entry.learner.account_id != request.user.pk:
            entry_view_record(actor=request.user, entry=entry)
        sections = sections_visible(user=request.user, entry=entry)
        context = {
            "plan": plan,
            "entry": entry,
            "linked_pathways": plan_pathways_with_progress(
                plan=plan, entry=entry, with_progress=ConsentSection.PROGRESS in sections
            ),
        }
        return render(request, "caseload/plan_print.html", context)


class PlanSignView(_PlanView):
    permission_required = "caseload.sign_learningplan"
    action = "sign"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("caseload:plan-print", args=[pk]))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            plan_sign(
                actor=request.user,  # type: ignore[arg-type]
                plan=self.plan,
                on_paper="on_paper" in request.POST,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The plan is signed."))
        if self.plan.entry.learner.account_id == request.user.pk:
            return HttpResponseRedirect(reverse("caseload:my-record"))
        return HttpResponseRedirect(_story_url(self.plan.entry))


class ReferralAddView(_EntryView):
    permission_required = "caseload.add_referral"
    kind = "caseload.referral"
    action = "add"

    def _form(self, data: Any = None) -> ReferralForm:
        user = self.request.user
        return ReferralForm(
            data,
            resources=resources_for_plan(user=user),
            pathways=pathways_for_referral(user=user),
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            try:
                referral_create(actor=request.user, entry=self.entry, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The referral was recorded."))
                return HttpResponseRedirect(_story_url(self.entry))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ReferralForm) -> HttpResponse:
        return render(request, "caseload/referral_form.html", {"entry": self.entry, "form": form})


class ReferralStatusView(ScopedPermissionRequired, View):
    permission_required = "caseload.change_referral"

    def get_permission_object(self) -> Model | None:
        self.referral = referral_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action="change"
        )
        return self.referral

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ReferralStatusForm(initial={"status": self.referral.status})
        return self._render(request, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ReferralStatusForm(request.POST)
        if form.is_valid():
            try:
                referral_status_set(actor=request.user, referral=self.referral, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The referral was updated."))
                return HttpResponseRedirect(_story_url(self.referral.entry))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ReferralStatusForm) -> HttpResponse:
        context = {"referral": self.referral, "entry": self.referral.entry, "form": form}
        return render(request, "caseload/referral_status.html", context)


class MyRecordView(ScopedPermissionRequired, View):
    """What my union learning rep has recorded about me: everything, consent included."""

    permission_required = "caseload.view_caseloadentry"

    def get(self, request: HttpRequest) -> HttpResponse:
        entry = entry_of_learner(user=request.user)
        context: dict[str, Any] = {"entry": entry}
        if entry is not None:
            context = _story(request, entry)
        return render(request, "caseload/my_record.html", context)
