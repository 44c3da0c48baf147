"""cluster_brand/rules/public_notice.py: the objection's window, its entries, its evidence and its handling."""

from datetime import date

from cluster_brand.rules import public_notice as r

START, END = date(2026, 12, 1), date(2026, 12, 10)
ENTRIES = {
	"objector_name": "王五",
	"objector_unit": "某五金制品有限公司",
	"objector_phone": "13812345678",
	"grounds": "申报书所列骨干企业销售收入与统计数据不符。",
}


def test_an_objection_is_received_during_the_notice_period_only():
	assert r.check_objection_window(START, END, START) == []
	assert r.check_objection_window(START, END, END) == []
	before = r.check_objection_window(START, END, date(2026, 11, 30))
	assert [v.args for v in before] == [{"start": "2026-12-01"}]
	after = r.check_objection_window(START, END, date(2026, 12, 11))
	assert [v.args for v in after] == [{"end": "2026-12-10"}]
	assert r.check_objection_window(None, None, START)
	assert r.notice_runs(START, END, date(2026, 12, 5)) and not r.notice_runs(START, END, date(2026, 12, 11))


def test_every_entry_is_required_and_named():
	assert r.check_objection(ENTRIES) == []
	missing = r.check_objection({**ENTRIES, "grounds": "  ", "objector_unit": None})
	assert {v.fieldname for v in missing} == {"grounds", "objector_unit"}
	assert {v.args["item"] for v in missing} == {"Grounds for Objection", "Objector's Unit"}
	assert all(v.translate_args == ("item",) for v in missing)


def test_the_telephone_is_a_number_and_the_entries_keep_their_length():
	assert r.check_objection({**ENTRIES, "objector_phone": "010-68205252"}) == []
	wrong = r.check_objection({**ENTRIES, "objector_phone": "call me"})
	assert [(v.fieldname, v.args["value"]) for v in wrong] == [("objector_phone", "call me")]
	long = r.check_objection({**ENTRIES, "objector_name": "王" * 61})
	assert [(v.fieldname, v.args["longest"]) for v in long] == [("objector_name", 60)]


def test_the_evidence_is_a_document_of_at_most_ten_megabytes():
	assert r.check_evidence("证明.PDF", 1000) == []
	assert r.check_evidence("scan.jpeg", r.EVIDENCE_MAX_BYTES) == []
	assert [v.fieldname for v in r.check_evidence("run.exe", 1000)] == ["evidence"]
	assert r.check_evidence("noextension", 1000)
	assert r.check_evidence("empty.pdf", 0)
	assert [v.args["mb"] for v in r.check_evidence("big.pdf", r.EVIDENCE_MAX_BYTES + 1)] == [10]


def test_a_handled_objection_has_its_result_and_stays_handled():
	assert r.check_handling(r.UNHANDLED, None, None) == []
	assert {v.fieldname for v in r.check_handling(r.HANDLED, None, "")} == {"result", "handling"}
	assert r.check_handling(r.HANDLED, r.NOT_UPHELD, "经核实，数据与统计年鉴一致。") == []
	assert r.check_reopening(r.HANDLED, r.UNHANDLED)
	assert r.check_reopening(r.UNHANDLED, r.HANDLED) == []
	assert r.check_reopening(None, r.UNHANDLED) == []
