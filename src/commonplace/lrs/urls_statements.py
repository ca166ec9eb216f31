"""Routes of the Statements resource (and the platform's own statement views)."""

urlpatterns: list = []
