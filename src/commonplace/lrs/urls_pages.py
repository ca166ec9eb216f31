"""Routes of the LRS pages for people, mounted at /lrs/ (the xAPI interface is at /xapi/).

Their own namespace, `lrs_pages`: the xAPI routes hold `lrs`.
"""

from django.urls import path

from .views import pages

app_name = "lrs_pages"

urlpatterns = [
    path("statements/", pages.StatementListView.as_view(), name="statement-list"),
    path("statements/<int:pk>/", pages.StatementDetailView.as_view(), name="statement-detail"),
    path("clients/", pages.ClientListView.as_view(), name="client-list"),
    path("clients/add/", pages.ClientAddView.as_view(), name="client-add"),
    path(
        "clients/<int:pk>/deactivate/",
        pages.ClientDeactivateView.as_view(),
        name="client-deactivate",
    ),
    path("mine/", pages.MyRecordView.as_view(), name="my-record"),
    path("mine/statements.json", pages.MyRecordDownloadView.as_view(), name="my-record-download"),
]
