import pytest
from django.core.exceptions import ImproperlyConfigured

from thidua import settings as thidua_settings


@pytest.mark.parametrize(
    ("raw", "value"), [("true", True), ("1", True), ("off", False), ("", True)]
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, value):
    monkeypatch.setenv("THIDUA_FLAG", raw)

    assert thidua_settings.env_bool("THIDUA_FLAG", True) is value


def test_env_bool_fails_loudly_on_nonsense(monkeypatch):
    monkeypatch.setenv("THIDUA_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured):
        thidua_settings.env_bool("THIDUA_FLAG", False)


def test_env_int_fails_loudly_on_nonsense(monkeypatch):
    monkeypatch.setenv("THIDUA_NUMBER", "năm")

    with pytest.raises(ImproperlyConfigured):
        thidua_settings.env_int("THIDUA_NUMBER", 5)


def test_env_str_without_default_is_required(monkeypatch):
    monkeypatch.delenv("THIDUA_REQUIRED", raising=False)

    with pytest.raises(ImproperlyConfigured, match="THIDUA_REQUIRED"):
        thidua_settings.env_str("THIDUA_REQUIRED")


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("THIDUA_HOSTS", "a.vn, b.vn,,")

    assert thidua_settings.env_list("THIDUA_HOSTS", []) == ["a.vn", "b.vn"]


def test_project_defaults_are_vietnamese_and_ho_chi_minh_time(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]


def test_tasks_run_in_process_by_default(settings):
    assert (
        settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    )
