from django.urls import path

from . import views

app_name = "organisation"

urlpatterns = [
    path("organisation/", views.UnitListView.as_view(), name="unit-list"),
    path("organisation/<int:pk>/", views.UnitDetailView.as_view(), name="unit-detail"),
    path("organisation/<int:pk>/add/", views.UnitAddView.as_view(), name="unit-add"),
    path("organisation/<int:pk>/edit/", views.UnitEditView.as_view(), name="unit-edit"),
    path(
        "organisation/<int:pk>/employers/add/", views.EmployerAddView.as_view(), name="employer-add"
    ),
]
