from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("language/", views.language, name="language"),
    path("text-size/", views.text_size, name="text-size"),
]
