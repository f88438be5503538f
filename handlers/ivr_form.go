package handlers

import (
	"net/url"

	"switchboard/dialpad"
	"switchboard/views"
)

// The assignments form: each IVR type that has recordings is a select
// named after the type ("HOLD_MUSIC"), valued "" for Dialpad's default or
// the chosen IVR's id. A call center's recording notices add a select named
// "{type}__select_option": both, inbound or outbound calls.
const (
	ivrDirectionSuffix = "__select_option"
	directionBoth      = "both"
)

// ivrForm is a posted assignments form.
type ivrForm struct {
	Mine        dialpad.IVRSelections // absent = Dialpad's default
	Options     map[string]string     // type -> "inbound" or "outbound"; absent = both
	FieldErrors map[string]string     // type -> message
	Choices     map[string]string     // conflict panel: type -> keep mine / take theirs
}

// readIVRForm reads the person's choices for the types the page showed. A
// type the form does not carry keeps what the page showed; a choice of two
// recordings is only the "keep both" the page offers for split notices.
func readIVRForm(v url.Values, t ivrTarget, st ivrState) ivrForm {
	base := st.base()
	f := ivrForm{Mine: dialpad.IVRSelections{}, Options: map[string]string{}, FieldErrors: map[string]string{}, Choices: conflictChoices(v)}
	for _, ty := range st.Types {
		name := ty.IVRType
		sel := base[name]
		if vals, ok := v[name]; ok && len(vals) > 0 {
			s, err := dialpad.ParseIVRSelection(vals[0])
			switch {
			case err != nil, len(s) > 1 && !s.Equal(base[name]), len(s) == 1 && !hasIVR(ty.IVRs, s[0]):
				// Caught here, not only by the save's fresh read, so a
				// confirmation of deletes never goes with a choice that fails.
				f.FieldErrors[name] = "Pick one of the listed recordings, or Dialpad default."
			default:
				sel = s
			}
		}
		if f.Choices[name] == views.ConflictTakeTheirs {
			sel = base[name]
		}
		if len(sel) > 0 {
			f.Mine[name] = sel
		}
		if hasDirection(t, name) {
			switch o := v.Get(name + ivrDirectionSuffix); o {
			case "", directionBoth:
			case "inbound", "outbound":
				f.Options[name] = o
			default:
				f.FieldErrors[name] = "Choose inbound calls, outbound calls or both."
			}
		}
	}
	return f
}

// hasDirection tells the types where the person picks a call direction:
// the spec allows select_option for call center recording notices only.
func hasDirection(t ivrTarget, ivrType string) bool {
	return t.Kind.Type == dialpad.TargetCallCenter && dialpad.IsRecordingIVR(ivrType)
}

// rebaseIVRs is what the form shows when re-based on a fresh read: the
// person's own changes on top of what Dialpad has now.
func rebaseIVRs(oldBase, fresh, mine dialpad.IVRSelections) dialpad.IVRSelections {
	out := dialpad.IVRSelections{}
	for t, s := range fresh {
		out[t] = s
	}
	for _, t := range unionTypes(oldBase, mine) {
		if mine[t].Equal(oldBase[t]) {
			continue
		}
		if mine[t].IsDefault() {
			delete(out, t)
		} else {
			out[t] = mine[t]
		}
	}
	return out
}

func unionTypes(sets ...dialpad.IVRSelections) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sets {
		for t := range s {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return out
}

func hasIVR(ivrs []dialpad.CustomIVR, id dialpad.ID) bool {
	for _, v := range ivrs {
		if v.ID == id {
			return true
		}
	}
	return false
}
