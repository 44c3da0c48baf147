"""The days the programme's calendar turns on (cluster_brand/tests/support/dates.py PILOT_YEAR_DAYS): 30 November
(the summary's due date), 1 December, 31 December and a leap day, as the pilot-year rules' tests run on each."""

import pytest

from cluster_brand.tests.support.dates import PILOT_YEAR_DAYS

days = pytest.mark.parametrize("day", PILOT_YEAR_DAYS, ids=str)
