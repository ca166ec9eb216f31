from django.urls import path

from . import views

app_name = "caseload"

urlpatterns = [
    path("", views.CaseloadView.as_view(), name="caseload"),
    path("add/", views.LearnerAddView.as_view(), name="learner-add"),
    path("follow-ups/", views.FollowUpsView.as_view(), name="followups"),
    path("me/", views.MyRecordView.as_view(), name="my-record"),
    path("<int:pk>/", views.EntryDetailView.as_view(), name="entry-detail"),
    path("<int:pk>/consent/", views.ConsentView.as_view(), name="entry-consent"),
    path("<int:pk>/withdraw/", views.ConsentWithdrawView.as_view(), name="entry-withdraw"),
    path("<int:pk>/needs/", views.NeedsView.as_view(), name="entry-needs"),
    path("<int:pk>/reassign/", views.ReassignView.as_view(), name="entry-reassign"),
    path(
        "<int:pk>/conversations/add/",
        views.ConversationAddView.as_view(),
        name="conversation-add",
    ),
    path("<int:pk>/plan/", views.PlanEditView.as_view(), name="plan-edit"),
    path("<int:pk>/referrals/add/", views.ReferralAddView.as_view(), name="referral-add"),
    path("plans/<int:pk>/", views.PlanPrintView.as_view(), name="plan-print"),
    path("plans/<int:pk>/sign/", views.PlanSignView.as_view(), name="plan-sign"),
    path("referrals/<int:pk>/", views.ReferralStatusView.as_view(), name="referral-status"),
]
