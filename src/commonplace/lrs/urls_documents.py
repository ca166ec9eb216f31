"""Routes of the document resources (State, Activity Profile, Agent Profile), Activities, Agents."""

urlpatterns: list = []
