from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.AccountSettingsView.as_view(), name="settings"),
    path("language/", views.language, name="language"),
    path("text-size/", views.text_size, name="text-size"),
]
