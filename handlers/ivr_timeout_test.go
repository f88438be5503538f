package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// A PATCH Dialpad never answers may have been applied: the assignments
// form comes back with a 504, a plain sentence saying so, the person's
// choices, and a panel setting them beside what a fresh read found. The
// request's deadline stands in for the page deadline.
func TestIVRSaveTimeoutIs504(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	var japan dialpad.CallCenter
	for _, cc := range f.callCenters(dialpad.ListFilter{}) {
		if cc.Name == "Japan Support" {
			japan = cc
		}
	}
	types, err := f.client.CustomIVRs(t.Context(), dialpad.TargetCallCenter, japan.ID)
	if err != nil {
		t.Fatal(err)
	}
	var koto dialpad.ID
	for _, ty := range types {
		for _, v := range ty.IVRs {
			if v.Name == "Koto hold music" {
				koto = v.ID
			}
		}
	}
	kind, _ := lookupIVRKind(dialpad.TargetCallCenter)
	target := ivrTarget{Kind: kind, ID: japan.ID, Name: japan.Name, OfficeID: japan.OfficeID}
	token, err := f.h.sealIVRState(target, newIVRState(target, types))
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"_base": {token}, "HOLD_MUSIC": {koto.String()}}

	f.fault(emulator.Fault{Method: http.MethodPatch, Timeout: true})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	rctx := chi.NewRouteContext()
	rctx.URLParams.Add("target_type", dialpad.TargetCallCenter)
	rctx.URLParams.Add("target_id", japan.ID.String())
	ctx = context.WithValue(ctx, chi.RouteCtxKey, rctx)
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, target.path(), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := f.do(f.h.IVRSave, req, false)
	body := rec.Body.String()
	if rec.Code != http.StatusGatewayTimeout {
		t.Fatalf("status %d, want 504:\n%s", rec.Code, body)
	}
	for _, want := range []string{
		"Dialpad did not answer in time, so Switchboard cannot tell whether your change was saved: Dialpad may have applied it.",
		`data-testid="outcome-unknown"`,
		`<option value="` + koto.String() + `" selected>Koto hold music</option>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
