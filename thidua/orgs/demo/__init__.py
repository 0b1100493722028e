"""Demo data for `thidua demo`: see loader.py for what it builds and why."""

from thidua.orgs.demo.loader import DemoLogin, DemoResult, demo_logins, demo_wipe, load_demo
from thidua.orgs.demo.tree import LOGINS
from thidua.orgs.demo.workplaces import DEMO_PASSWORD, RESTRUCTURE_ON

__all__ = [
    "DEMO_PASSWORD",
    "LOGINS",
    "RESTRUCTURE_ON",
    "DemoLogin",
    "DemoResult",
    "demo_logins",
    "demo_wipe",
    "load_demo",
]
