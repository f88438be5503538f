package handlers

import (
	"net/http"
	"regexp"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// e164 is a phone number as Dialpad takes it: +, country code, number.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// areaCode is what Dialpad picks a free number by.
var areaCode = regexp.MustCompile(`^[0-9]{1,5}$`)

// numberPunctuation is what people type inside numbers and Dialpad does not
// take: "+1 (212) 555-0199".
var numberPunctuation = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", ".", "", "\u00a0", "")

// RouterNumber assigns a number from the company's reserve to the router,
// by number or by area code, optionally as its primary number.
func (h *Handler) RouterNumber(w http.ResponseWriter, r *http.Request) {
	who, read, ok := h.routerRequestFor(w, r, access.EditRouter)
	if !ok {
		return
	}
	routerID := read.ID
	if !h.readForm(w, r, maxRouterFormLen) {
		return
	}
	n := views.RouterNumbers{
		Number:   numberPunctuation.Replace(strings.TrimSpace(r.PostFormValue("number"))),
		AreaCode: strings.TrimSpace(r.PostFormValue("area_code")),
		Primary:  r.PostFormValue("primary") == "true",
	}
	keep := func(p *routerPage) { p.numbers = n }
	if validateNumber(&n) {
		cr, targets, err := h.loadRouterPage(r.Context(), who, routerID, false)
		if err != nil {
			h.UpstreamError(w, r, err)
			return
		}
		h.renderRouterPage(w, r, http.StatusUnprocessableEntity, routerPage{router: *cr, base: *cr, targets: targets, numbers: n})
		return
	}

	num, err := who.Client.AssignCallRouterNumber(r.Context(), routerID,
		dialpad.AssignNumber{Number: n.Number, AreaCode: n.AreaCode, Primary: n.Primary})
	assigned := n.Number
	if num != nil {
		assigned = num.Number
	} else if assigned == "" {
		assigned = "area code " + n.AreaCode
	}
	h.audit(r.Context(), who, routerResource(*read),
		[]audit.Change{auditChange("phone_numbers", nil, assigned), auditChange("primary", nil, n.Primary)}, err)
	if err != nil {
		h.routerActionFailed(w, r, who, routerID, err, func(p *routerPage) {
			// The problem belongs next to the numbers form, not at the top.
			n.Message, p.message = p.message+inputKept, ""
			keep(p)
		})
		return
	}
	h.logger().InfoContext(r.Context(), "number assigned to call router", "router_id", routerID, "primary", n.Primary)
	msg := "Assigned " + num.Number + " to this router"
	if n.Primary {
		msg += " as its primary number"
	}
	h.Flash(r, msg+".")
	http.Redirect(w, r, "/routers/"+routerID.String()+"#numbers", http.StatusSeeOther)
}

// validateNumber records field errors and reports whether there were any.
func validateNumber(n *views.RouterNumbers) bool {
	errs := map[string]string{}
	switch {
	case n.Number == "" && n.AreaCode == "":
		errs["number"] = "Enter a number, or an area code to pick a free number from."
	case n.Number != "" && n.AreaCode != "":
		errs["number"] = "Enter a number or an area code, not both."
	case n.Number != "" && !e164.MatchString(n.Number):
		errs["number"] = "Enter the number with its country code, like +12125550199."
	case n.AreaCode != "" && !areaCode.MatchString(n.AreaCode):
		errs["area_code"] = "An area code is up to 5 digits, like 212."
	}
	if len(errs) == 0 {
		return false
	}
	n.FieldErrors = errs
	return true
}
