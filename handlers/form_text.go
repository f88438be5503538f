package handlers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Free text sent to Dialpad (names, descriptions) must be text: valid
// UTF-8 without control characters. Multi-line fields (a textarea: a call
// center's or department's description) may hold tabs and line breaks;
// single-line fields (every name, a recording's description) hold neither,
// since a browser's text input cannot type them and Dialpad shows them on
// one line. Only a value the person changed is checked: an untouched field
// goes back as Dialpad has it, whatever that is (dialpad.NormalizeLine).

// lineProblem says what keeps typed single-line text from Dialpad, or "".
// base is the value the form was rendered from; norm compares the two.
func lineProblem(typed, base string, norm func(string) string) string {
	if norm(typed) == norm(base) {
		return ""
	}
	return textProblem(typed, "")
}

// paragraphProblem is lineProblem for multi-line text: tabs and line
// breaks are allowed.
func paragraphProblem(typed, base string, norm func(string) string) string {
	if norm(typed) == norm(base) {
		return ""
	}
	return textProblem(typed, "\t\r\n")
}

// textProblem says in plain words why s is not text, or "". allowed are
// the control characters the field may hold.
func textProblem(s, allowed string) string {
	if !utf8.ValidString(s) {
		return "Part of this is not readable text (it is not valid UTF-8). Retype it."
	}
	if strings.ContainsFunc(s, disguising) {
		return "Remove the invisible formatting characters (zero-width spaces or text-direction overrides, often pasted along with text); they would hide what the name really says."
	}
	bad := strings.ContainsFunc(s, func(r rune) bool {
		return unicode.IsControl(r) && !strings.ContainsRune(allowed, r)
	})
	switch {
	case !bad:
		return ""
	case allowed == "":
		return "Remove the control characters (tabs, line breaks or other invisible characters); this takes one line of plain text."
	}
	return "Remove the control characters (invisible characters other than tabs and line breaks)."
}

// disguising reports the invisible format characters that make text read
// other than it is: bidi embeddings, overrides and isolates (the "Trojan
// Source" characters), zero-width spaces and stray byte-order marks.
// Joiners (U+200C, U+200D) and the left/right marks (U+200E, U+200F) stay
// allowed: Persian, Indic scripts, emoji and mixed-direction names need them.
func disguising(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200B, r == 0x2060, r == 0xFEFF, r == 0x180E:
		return true
	}
	return false
}
