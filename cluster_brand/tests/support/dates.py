"""The days the tests run on: never the day they are run. Each test module names its own day and freezes the
clock on it for its whole class (``@frozen_day(DAY)``), fixtures included; the pilot-year tests run on each
day the programme's calendar turns on (``each_day``).

The days are plain dates (no Frappe here), so the tier without Frappe (tests/) uses them too; Frappe and
freezegun are imported when a clock is frozen."""

import sys
from datetime import date, datetime, time

# The days the pilot years turn on: the due date of the year's summary (30 November), the day after it, the
# last day of the year (a pilot designated in December reports first on the next year) and a leap day.
PILOT_YEAR_DAYS = (date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 31), date(2028, 2, 29))


def clock_on(day: date):
	"""A freezegun freezer at noon of ``day`` in the site's time zone (Frappe's ``today()`` is the system
	time zone's day), ticking from there so that the documents' timestamps still follow one another."""
	import pytz
	from frappe.utils import get_system_timezone
	from freezegun import freeze_time

	noon = pytz.timezone(get_system_timezone()).localize(datetime.combine(day, time(12)))
	return freeze_time(noon.astimezone(pytz.utc), tick=True)


def frozen_day(day: date):
	"""Class decorator: the test class runs on ``day``, from its setUpClass (its fixtures) to the end of its
	tearDownClass; ``cls.day`` is that day."""

	def decorate(cls):
		set_up_class = cls.__dict__.get("setUpClass")

		@classmethod
		def setUpClass(klass):
			clock = clock_on(day)
			clock.start()
			klass.addClassCleanup(clock.stop)  # after tearDownClass and the base class's cleanups
			if set_up_class:
				set_up_class.__func__(klass)
			else:
				super(cls, klass).setUpClass()

		cls.day = day
		cls.setUpClass = setUpClass
		return cls

	return decorate


def each_day(tests: type, days=PILOT_YEAR_DAYS) -> dict[str, type]:
	"""One test class per day, named after ``tests`` and the day, each frozen on its day: ``tests`` is a mixin
	of test methods (not a TestCase, so that it does not run undated). Bind them in the module:
	``globals().update(each_day(PilotYearsOnADay))``."""
	from cluster_brand.tests.support.records import IntegrationTestCase

	module = sys.modules[tests.__module__]
	classes = {}
	for day in days:
		name = f"{tests.__name__}{day:%Y%m%d}"
		classes[name] = frozen_day(day)(
			type(name, (tests, IntegrationTestCase), {"__module__": module.__name__, "__qualname__": name})
		)
	return classes
