"""Every setting of Commonplace, read from the environment with safe defaults.

One module (no settings families): `test.py` only overrides what tests need.
Variables are prefixed `COMMONPLACE_` except the conventional `DATABASE_URL`,
`REDIS_URL` and `PORT`.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

SRC_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SRC_DIR.parent
VAR_DIR = Path(os.environ.get("COMMONPLACE_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("COMMONPLACE_DEBUG")
# The demo relaxes MFA and uses a throw-away secret; never set it in production.
DEMO = env_bool("COMMONPLACE_DEMO")

# Required outside the demo. Settings still load without it, so that commands which only read
# the code (makemigrations, makemessages) run anywhere; `check --deploy` (core.E001) and the
# WSGI entry point refuse to run the site without it.
SECRET_KEY = os.environ.get("COMMONPLACE_SECRET_KEY", "")
if not SECRET_KEY and (DEMO or DEBUG):
    SECRET_KEY = "insecure-demo-key-never-use-in-production-" + "x" * 20
SECRET_KEY_SET = bool(SECRET_KEY)  # Django refuses to read an empty SECRET_KEY, so ask this
SECRET_KEY_MISSING = (
    "COMMONPLACE_SECRET_KEY must be set (it may be omitted only with COMMONPLACE_DEMO=1)."  # noqa: S105
)

ALLOWED_HOSTS = env_list("COMMONPLACE_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("COMMONPLACE_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("COMMONPLACE_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    # Foundation first, then product apps: the order is also the import tier order.
    "commonplace.core",
    "commonplace.accounts",
    "commonplace.organisation",
    "commonplace.access",
    "commonplace.audit",
    "commonplace.people",
    "commonplace.lrs",
    "commonplace.notifications",
    "commonplace.assessment",
    "commonplace.learning",
    "commonplace.learning_space",
    "commonplace.certificates",
    "commonplace.pathways",
    "commonplace.caseload",
    "commonplace.skills",
    "commonplace.reps",
    "commonplace.home",
    "commonplace.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "commonplace.accounts.middleware.PreferredLanguageMiddleware",
    "commonplace.accounts.middleware.MfaRequiredMiddleware",
    "commonplace.audit.middleware.AuditContextMiddleware",
]
# The xAPI interface (/xapi/, see wsgi.py) has no sessions, cookies or pages.
XAPI_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "commonplace.urls"
WSGI_APPLICATION = "commonplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "commonplace.core.context_processors.shell",
                "commonplace.home.context_processors.navigation",
                "commonplace.notifications.context_processors.unread",
            ],
        },
    }
]

# --- Database ---------------------------------------------------------------------------------
# SQLite (WAL) is the zero-set-up default; DATABASE_URL names PostgreSQL in production.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("COMMONPLACE_SQLITE_PATH", str(VAR_DIR / "commonplace.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------
# Redis when REDIS_URL is set (several app servers share throttles and sessions through it).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts and sign-in -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Commonplace] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_ADAPTER = "commonplace.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "commonplace.accounts.forms.LoginForm",
    "signup": "commonplace.accounts.forms.SignupForm",
    "change_password": "commonplace.accounts.forms.ChangePasswordForm",
    "reset_password": "commonplace.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "commonplace.accounts.forms.ResetPasswordKeyForm",
    "reauthenticate": "commonplace.accounts.forms.ReauthenticateForm",
    "add_email": "commonplace.accounts.forms.AddEmailForm",
}
ACCOUNT_PREVENT_ENUMERATION = True  # sign-up never says an address is taken
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Commonplace"
MFA_FORMS = {
    "authenticate": "commonplace.accounts.forms.MfaAuthenticateForm",
    "activate_totp": "commonplace.accounts.forms.ActivateTotpForm",
}
# Every role above learner must use TOTP. The demo may relax this; production never does.
COMMONPLACE_MFA_REQUIRED = env_bool("COMMONPLACE_MFA_REQUIRED", default=not DEMO)

# --- Language -----------------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "commonplace_language"
LANGUAGE_COOKIE_SECURE = not DEBUG and not DEMO
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("COMMONPLACE_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or DEMO
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or DEMO
WHITENOISE_AUTOREFRESH = DEBUG or DEMO

# --- Background work and email ----------------------------------------------------------------
# Tasks run inline unless a worker is configured (COMMONPLACE_TASK_BACKEND=database).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if os.environ.get("COMMONPLACE_TASK_BACKEND") == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default"],
    }
}
EMAIL_BACKEND = os.environ.get(
    "COMMONPLACE_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEMO or DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("COMMONPLACE_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("COMMONPLACE_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("COMMONPLACE_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("COMMONPLACE_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("COMMONPLACE_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("COMMONPLACE_FROM_EMAIL", "Commonplace <noreply@localhost>")

# --- Security ---------------------------------------------------------------------------------
SECURE_HTTPS = not (DEBUG or DEMO) and env_bool("COMMONPLACE_HTTPS", default=True)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("COMMONPLACE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_HSTS_SECONDS = 31_536_000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Video resources may be embedded from these hosts only (exact host names, https); the CSP's
# frame-src allows exactly them (decision 0240). Empty: no embeds, uploaded videos only.
COMMONPLACE_VIDEO_EMBED_HOSTS = env_list(
    "COMMONPLACE_VIDEO_EMBED_HOSTS", "www.youtube-nocookie.com,player.vimeo.com"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": [f"https://{host}" for host in COMMONPLACE_VIDEO_EMBED_HOSTS] or ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("COMMONPLACE_LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}

# The LRS: statements per page of GET /xapi/statements (a client's `limit` may ask for fewer).
LRS_PAGE_SIZE = int(os.environ.get("COMMONPLACE_LRS_PAGE_SIZE", "100"))
# The version the LRS answers in when a request names none (such requests are refused, but the
# answer still carries a version header): 2.0.0, or 1.0.3 where clients are mostly 1.0.3.
LRS_DEFAULT_VERSION = os.environ.get("COMMONPLACE_LRS_DEFAULT_VERSION", "2.0.0")
# Seconds a server process keeps an authenticated LRS client before reading it again: a client
# deactivated on the staff pages is refused by every process within this time (at once by the
# process that deactivated it). 0 reads the client on every request.
LRS_CLIENT_CACHE_SECONDS = float(os.environ.get("COMMONPLACE_LRS_CLIENT_CACHE_SECONDS", "5"))
