from django.urls import path

from .views.statements import StatementsView

urlpatterns = [
    path("statements", StatementsView.as_view(), name="statements"),
]
