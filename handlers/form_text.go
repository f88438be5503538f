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
