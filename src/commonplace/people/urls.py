from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/equality/", views.EqualitySummaryView.as_view(), name="equality-summary"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", views.PersonEditView.as_view(), name="person-edit"),
    path("me/", views.MyProfileView.as_view(), name="my-profile"),
    path("me/equality/", views.MyEqualityView.as_view(), name="my-equality"),
]
