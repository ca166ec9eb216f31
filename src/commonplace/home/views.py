"""The home page: each person's real situation and what they can do next, by role."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import home_situation


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "home/landing.html")
    return render(request, "home/home.html", {"situation": home_situation(user=request.user)})
