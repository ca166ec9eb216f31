"""Routes of the document resources (State, Activity Profile, Agent Profile), Activities, Agents."""

from django.urls import path

from .views import activities, documents

urlpatterns = [
    path("activities/state", documents.StateView.as_view(), name="activity-state"),
    path("activities/profile", documents.ActivityProfileView.as_view(), name="activity-profile"),
    path("activities", activities.ActivitiesView.as_view(), name="activities"),
    path("agents/profile", documents.AgentProfileView.as_view(), name="agent-profile"),
    path("agents", activities.AgentsView.as_view(), name="agents"),
]
