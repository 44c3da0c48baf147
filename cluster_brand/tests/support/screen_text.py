"""What no screen of the desk may show (issue 19), as plain text rules for the browser tier's checker
(support/browser.py screen_faults): the refusal of the allowlist, an English word outside the allowed proper names
and abbreviations, a raw null, and the JavaScript that reads a screen. No Frappe here: tier 1 tests the rules
(tests/test_screen_text.py)."""

import re

# The allowlist's refusal (allowlist.py), in the desk's language and in English
REFUSALS = ("本系统用户不能使用此功能", "This function is not available to the users of the programme")

# The words of the Latin alphabet a Chinese screen may show: file formats, abbreviations and proper names.
ALLOWED_WORDS = frozenset(
	{
		"PDF",
		"Word",  # 导出Word (issue 23): the file format, as Excel and PDF
		"Excel",
		"CSV",
		"ID",
		"URL",
		"Email",
		"PNG",
		"JPG",
		"QQ",
		"IT",
		"GDP",
		"CBA",  # the naming series of the applications (CBA-2017-00001)
		"Frappe",
		"Ctrl",
		"PCT",  # PCT国际专利申请  # the keyboard shortcuts (搜索或输入命令 (Ctrl + G))
	}
)
RAW_VALUES = ("null", "undefined", "NaN")

# The column headings of the lists, reports and tables
HEADINGS = ", ".join(
	(
		".dt-header .dt-cell__content",
		".list-row-head .list-row-col",
		".list-row-head .list-subject",
		".grid-heading-row .grid-static-col .static-area",
	)
)

# The text a person sees on the screen: the page's rendered text, the text of the workspace's blocks (in
# shadow roots), the values and placeholders of the visible fields; the texts of the open dialogs; and each
# column heading of a list, report or table that is cut (wider than its cell).
SCREEN = """() => {
	const shown = (el) => !!(el.offsetParent || el.getClientRects().length);
	const UNSEEN = ["STYLE", "SCRIPT", "TEMPLATE", "LINK"];
	// the text for screen readers only (Frappe's "Navigate to main content", the search's status), and the
	// fieldnames of the form's controls, transparent unless a developer holds the Alt key
	// (hidden while the text is read, and shown again before the page renders)
	const unseen = [...document.querySelectorAll(".visually-hidden, .sr-only, .tooltip-content")];
	const displays = unseen.map((el) => el.style.display);
	unseen.forEach((el) => (el.style.display = "none"));
	const body = document.body.innerText;
	const dialogs = [...document.querySelectorAll(".modal.show, .msgprint, .alert-message")]
		.filter(shown).map((d) => d.innerText);
	unseen.forEach((el, i) => (el.style.display = displays[i]));
	const texts = [body];
	const roots = [document];
	for (let i = 0; i < roots.length; i++) {
		for (const el of roots[i].querySelectorAll("*")) {
			if (el.shadowRoot) {
				roots.push(el.shadowRoot);
				const shownChildren = [...el.shadowRoot.children].filter((c) => !UNSEEN.includes(c.tagName));
				texts.push(shownChildren.map((c) => c.innerText || "").join("\\n"));
			}
		}
	}
	for (const field of document.querySelectorAll("input, textarea, select")) {
		if (!shown(field) || ["hidden", "checkbox", "radio", "file"].includes(field.type)) continue;
		const value = field.tagName === "SELECT" ? (field.selectedOptions[0] || {}).text : field.value;
		texts.push(value || "", field.placeholder || "");
	}
	const headings = "HEADINGS";
	const cut = [...document.querySelectorAll(headings)]
		.filter((h) => shown(h) && h.innerText.trim() && h.scrollWidth > h.clientWidth + 1)
		.map((h) => h.innerText.trim());
	return { text: texts.join("\\n"), dialogs, cut: [...new Set(cut)] };
}""".replace("HEADINGS", HEADINGS)

# Resolves once the column headings have kept their text and widths for STILL_FRAMES frames running (half a
# second), after the fonts are loaded: the tables lay out their columns after their data, in frames and
# debounced refreshes (a grid's: 100 ms) of their own.
STILL_FRAMES = 30
STILL = """() => new Promise((done) => {
	let last = null;
	let still = 0;
	const look = () => {
		const now = [...document.querySelectorAll("HEADINGS")]
			.map((h) => `${h.innerText}|${h.clientWidth}|${h.scrollWidth}`).join(";");
		still = now === last ? still + 1 : 0;
		last = now;
		if (still >= STILL_FRAMES) done();
		else requestAnimationFrame(look);
	};
	document.fonts.ready.then(look);
})""".replace("HEADINGS", HEADINGS).replace("STILL_FRAMES", str(STILL_FRAMES))
# A word of the Latin alphabet (two letters or more), not part of an e-mail address, a URL or a code that
# mixes letters and digits (a document's name)
WORD = re.compile(r"(?<![A-Za-z0-9_@./-])[A-Za-z][A-Za-z'’]*[A-Za-z](?![A-Za-z0-9_@]|\.[A-Za-z0-9]|-[0-9])")
IDENTIFIER = re.compile(r"\S+@\S+|https?://\S+|[A-Za-z0-9_.-]*[0-9][A-Za-z0-9_.-]*")


def latin_words(text: str, names=()) -> list[str]:
	"""The words of the Latin alphabet in ``text`` that are neither allowed nor part of ``names`` (the test
	data's own names: its users, its tags), in order, each once."""
	for name in sorted(names, key=len, reverse=True):
		text = text.replace(name, " ")
	text = IDENTIFIER.sub(" ", text)
	return list(dict.fromkeys(w for w in WORD.findall(text) if w not in ALLOWED_WORDS))


def raw_and_english(text: str, names=()) -> tuple[list[str], list[str]]:
	"""The raw values (null, undefined, NaN) and the other English words in ``text``."""
	words = latin_words(text, names)
	return [w for w in words if w in RAW_VALUES], [w for w in words if w not in RAW_VALUES]
