package dialpad

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// pagesByCursor serves one page per cursor value ("" is the first page).
func pagesByCursor(pages map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Query().Get("cursor")]
		if !ok {
			answer(w, http.StatusBadRequest, dialpadError(400, "unknown cursor"))
			return
		}
		answer(w, http.StatusOK, body)
	}
}

func TestListFollowsCursorAndKeepsFilters(t *testing.T) {
	f := newFake(t, pagesByCursor(map[string]string{
		"":   `{"items":[{"id":"1","name":"a"},{"id":"2","name":"b"}],"cursor":"c2"}`,
		"c2": `{"items":[{"id":3,"name":"c"}],"cursor":"c3"}`,
		"c3": `{"items":[{"id":"4","name":"d"}],"cursor":""}`,
	}))
	got, err := f.client().CallCenters(t.Context(), ListFilter{OfficeID: 99, NameSearch: "sales team"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []ID
	for _, cc := range got {
		ids = append(ids, cc.ID)
	}
	if want := []ID{1, 2, 3, 4}; !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want %v", ids, want)
	}
	reqs := f.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for i, wantCursor := range []string{"", "c2", "c3"} {
		q, _ := url.ParseQuery(reqs[i].RawQuery)
		if q.Get("cursor") != wantCursor || q.Get("office_id") != "99" || q.Get("name_search") != "sales team" || q.Get("limit") != "100" {
			t.Errorf("page %d query %q: want cursor %q with limit=100, office_id=99 and name_search kept", i+1, reqs[i].RawQuery, wantCursor)
		}
	}
}

func TestListStopsOnRepeatedCursor(t *testing.T) {
	tests := map[string]map[string]string{
		"same cursor again": {
			"":  `{"items":[{"id":"1"}],"cursor":"a"}`,
			"a": `{"items":[{"id":"2"}],"cursor":"a"}`,
		},
		"cycle": {
			"":  `{"items":[{"id":"1"}],"cursor":"a"}`,
			"a": `{"items":[{"id":"2"}],"cursor":"b"}`,
			"b": `{"items":[{"id":"3"}],"cursor":"a"}`,
		},
	}
	for name, pages := range tests {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, pagesByCursor(pages))
			got, err := f.client().Departments(t.Context(), ListFilter{})
			if err == nil || !strings.Contains(err.Error(), "repeated a cursor") {
				t.Fatalf("got %d items, error %v; want a repeated-cursor error", len(got), err)
			}
			if n := len(f.requests()); n != len(pages) {
				t.Errorf("%d requests, want %d", n, len(pages))
			}
		})
	}
}

func TestListErrorMidway(t *testing.T) {
	f := newFake(t, pagesByCursor(map[string]string{
		"": `{"items":[{"id":"1"}],"cursor":"gone"}`,
	}))
	got, err := f.client().Offices(t.Context())
	if err == nil || got != nil {
		t.Fatalf("got %v, %v; want no items and the second page's error", got, err)
	}
	if !strings.Contains(err.Error(), "unknown cursor") {
		t.Errorf("error %q lost the server's message", err)
	}
}
