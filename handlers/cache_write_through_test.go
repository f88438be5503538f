package handlers_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// A save puts Dialpad's answer in the cache in place of what it replaced:
// the lists, the review and the editor show the new value at once, with no
// Dialpad read (but the call center's live status, which the answer does
// not carry), in both cache modes.
func TestSaveWritesThroughTheCache(t *testing.T) {
	modes := []struct {
		name string
		opts []webtest.Option
	}{
		{"company key", []webtest.Option{webtest.WithDemoRoles()}},
		{"own tokens", nil},
	}
	kinds := []struct {
		name      string
		editor    func(s *stack) (path, status string)
		lists     []string
		newName   string
		testID    string
		wantReads func(status string) []string
	}{
		{
			name: "call center",
			editor: func(s *stack) (string, string) {
				cc := s.callCenter("Sales")
				return ccPath(cc), "GET /api/v2/callcenters/" + cc.ID.String() + "/status"
			},
			lists:   []string{"/", "/callcenters", "/hours"},
			newName: "Sales and Renewals",
			testID:  "hours-form",
		},
		{
			name: "department",
			editor: func(s *stack) (string, string) {
				d := s.departments(dialpad.ListFilter{})[0]
				return "/departments/" + d.ID.String(), ""
			},
			lists:   []string{"/departments", "/hours"},
			newName: "Front Desk and Renewals",
			testID:  "hours-form",
		},
	}
	for _, m := range modes {
		for _, k := range kinds {
			t.Run(m.name+"/"+k.name, func(t *testing.T) {
				s := signedIn(t, emulator.AdminUserID, m.opts...)
				editor, status := k.editor(s)
				for _, p := range append(slices.Clone(k.lists), editor) {
					mustStatus(t, s.b.Get(p), http.StatusOK) // warm
				}
				_, form := s.openForm(editor, k.testID)
				mustStatus(t, s.b.PostForm(editor, with(form, "name", k.newName)), http.StatusSeeOther)

				s.Emulator.ResetRequests()
				for _, p := range k.lists {
					if body := s.b.Get(p).Body; p != "/" && !strings.Contains(body, k.newName) {
						t.Errorf("%s does not show the saved name", p)
					}
				}
				if body := s.b.Get(editor).Body; !strings.Contains(body, `value="`+k.newName+`"`) {
					t.Error("the editor does not show the saved name")
				}
				var want []string
				if status != "" {
					want = []string{status}
				}
				if got := s.apiRequests(); !slices.Equal(got, want) {
					t.Errorf("the lists and the editor after the save read %q, want %q", got, want)
				}
			})
		}
	}
}
