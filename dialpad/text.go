package dialpad

import "strings"

// Free text (names, descriptions, URLs) is compared and sent normalised,
// because a value travels through a browser form before it comes back:
//
//   - Surrounding white space is trimmed (Unicode White_Space, as
//     strings.TrimSpace: spaces, tabs, line breaks, no-break and
//     ideographic spaces). People do not mean it, and Dialpad often holds
//     it from an import.
//   - Multi-line text (a textarea) has its line breaks made LF: a browser
//     posts CRLF, Dialpad may hold CRLF or CR.
//   - Single-line text (an input) has CR and LF dropped: a browser strips
//     them from an input's value before the person even sees it.
//
// Nothing else changes: inner spaces and tabs stay, letters are not
// folded or recomposed (no Unicode normalisation), so a real edit is sent
// as typed, trimmed. The patch spec names which fields are which (see
// PatchSpec.Lines and PatchSpec.Texts); ComputePatch applies these to the
// base, the person's edit and the fresh read alike, so an untouched form
// is no change whatever Dialpad holds.

// NormalizeLine is s as a single-line form field gives it back, trimmed.
func NormalizeLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = strings.NewReplacer("\r", "", "\n", "").Replace(s)
	}
	return strings.TrimSpace(s)
}

// NormalizeText is s as a multi-line form field gives it back, line
// breaks as LF, trimmed.
func NormalizeText(s string) string {
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// normalizer is how field is normalised before comparing, or nil.
func (s PatchSpec) normalizer(field string) func(string) string {
	for _, f := range s.Lines {
		if f == field {
			return NormalizeLine
		}
	}
	for _, f := range s.Texts {
		if f == field {
			return NormalizeText
		}
	}
	return nil
}

// normalized applies norm to v when it is a string.
func normalized(v any, norm func(string) string) any {
	if s, ok := v.(string); ok && norm != nil {
		return norm(s)
	}
	return v
}
