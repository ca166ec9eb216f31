"""The equality-monitoring questions and their answers (UK census-style categories)."""

from django.utils.translation import gettext_lazy as _

PREFER_NOT = ("prefer_not", _("Prefer not to say"))

QUESTIONS = {
    "sex": (
        _("What is your sex?"),
        [
            ("female", _("Female")),
            ("male", _("Male")),
            PREFER_NOT,
        ],
    ),
    "gender_same_as_birth": (
        _("Is the gender you identify with the same as your sex registered at birth?"),
        [("yes", _("Yes")), ("no", _("No")), PREFER_NOT],
    ),
    "age_band": (
        _("How old are you?"),
        [
            ("16-24", _("16 to 24")),
            ("25-34", _("25 to 34")),
            ("35-44", _("35 to 44")),
            ("45-54", _("45 to 54")),
            ("55-64", _("55 to 64")),
            ("65+", _("65 or over")),
            PREFER_NOT,
        ],
    ),
    "ethnicity": (
        _("What is your ethnic group?"),
        [
            ("asian", _("Asian or Asian British")),
            ("black", _("Black, Black British, Caribbean or African")),
            ("mixed", _("Mixed or multiple ethnic groups")),
            ("white", _("White")),
            ("other", _("Another ethnic group")),
            PREFER_NOT,
        ],
    ),
    "disability": (
        _(
            "Do you have a physical or mental health condition or illness lasting or expected to "
            "last 12 months or more?"
        ),
        [("yes", _("Yes")), ("no", _("No")), PREFER_NOT],
    ),
    "sexual_orientation": (
        _("Which of the following best describes your sexual orientation?"),
        [
            ("straight", _("Straight or heterosexual")),
            ("gay_lesbian", _("Gay or lesbian")),
            ("bisexual", _("Bisexual")),
            ("other", _("Another sexual orientation")),
            PREFER_NOT,
        ],
    ),
    "religion": (
        _("What is your religion?"),
        [
            ("none", _("No religion")),
            ("christian", _("Christian")),
            ("buddhist", _("Buddhist")),
            ("hindu", _("Hindu")),
            ("jewish", _("Jewish")),
            ("muslim", _("Muslim")),
            ("sikh", _("Sikh")),
            ("other", _("Any other religion")),
            PREFER_NOT,
        ],
    ),
    "caring_responsibilities": (
        _("Do you look after or support someone because of their health, disability or age?"),
        [
            ("yes", _("Yes")),
            ("no", _("No")),
            PREFER_NOT,
        ],
    ),
}


def answer_label(question: str, value: str) -> str:
    return str(dict(QUESTIONS[question][1]).get(value, value))
