package handlers

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// maxQueryLen matches Dialpad's longest name: a longer search cannot match.
const maxQueryLen = 100

// listFilter is what a list page was asked to show: ?office_id=&q=.
// A filter that makes no sense is dropped with a note, never a failure.
type listFilter struct {
	OfficeID dialpad.ID // 0 = every office
	Query    string     // name search; "" = any name
	Note     string     // why part of the filter was ignored
}

// parseListFilter reads the query string. withSearch is false for lists
// whose endpoint cannot search by name, so a stray q is not pretended to
// apply.
func parseListFilter(r *http.Request, withSearch bool) listFilter {
	var f listFilter
	q := r.URL.Query()
	if raw := strings.TrimSpace(q.Get("office_id")); raw != "" {
		id, err := dialpad.ParseID(raw)
		if err != nil || id == 0 {
			f.Note = fmt.Sprintf("%q is not an office id, so every office is shown.", truncateRunes(raw, 40))
		} else {
			f.OfficeID = id
		}
	}
	if withSearch {
		f.Query = truncateRunes(strings.TrimSpace(q.Get("q")), maxQueryLen)
	}
	return f
}

// api is the filter as the Dialpad client takes it.
func (f listFilter) api() dialpad.ListFilter {
	return dialpad.ListFilter{OfficeID: f.OfficeID, NameSearch: f.Query}
}

func (f listFilter) active() bool { return f.OfficeID != 0 || f.Query != "" }

// resolveOffice drops an office id that names none of the offices and
// reports whether it did.
func (f *listFilter) resolveOffice(offices []dialpad.Office) bool {
	if f.OfficeID == 0 || slices.ContainsFunc(offices, func(o dialpad.Office) bool { return o.ID == f.OfficeID }) {
		return false
	}
	f.Note = fmt.Sprintf("No office has id %s, so every office is shown.", f.OfficeID)
	f.OfficeID = 0
	return true
}

// bar is the filter form as the page shows it.
func (f listFilter) bar(action string, offices []dialpad.Office, withSearch bool) views.FilterBar {
	opts := make([]views.Option, 0, len(offices))
	for _, o := range sortedOffices(offices) {
		opts = append(opts, views.Option{Value: o.ID.String(), Label: o.Name, Selected: o.ID == f.OfficeID})
	}
	return views.FilterBar{
		Action:     action,
		Offices:    opts,
		Query:      f.Query,
		ShowSearch: withSearch,
		Active:     f.active(),
		Note:       f.Note,
	}
}

// empty words an empty result: "No call centers match "sales" in London."
func (f listFilter) empty(action, plural string, offices officeIndex) views.EmptyState {
	if !f.active() {
		return views.EmptyState{Message: "There are no " + plural + " yet."}
	}
	msg := "No " + plural
	if f.Query != "" {
		msg += fmt.Sprintf(" match %q", f.Query)
	}
	if f.OfficeID != 0 {
		msg += " in " + offices.name(f.OfficeID)
	}
	return views.EmptyState{Message: msg + ".", ClearHref: action}
}

// listWithOffices fetches the offices and a filtered list at once. When the
// office filter names no office, the list is fetched again without it.
func listWithOffices[T any](ctx context.Context, c *dialpad.Client, f *listFilter,
	list func(context.Context, dialpad.ListFilter) ([]T, error)) ([]dialpad.Office, []T, error) {
	var (
		wg               fanOut
		offices          []dialpad.Office
		items            []T
		errOffice, errIt error
	)
	wg.Go(func() { offices, errOffice = c.Offices(ctx) })
	wg.Go(func() { items, errIt = list(ctx, f.api()) })
	if err := wg.Wait(); err != nil {
		return nil, nil, err
	}
	if errOffice != nil {
		return nil, nil, errOffice
	}
	if f.resolveOffice(offices) {
		items, errIt = list(ctx, f.api())
	}
	if errIt != nil {
		return nil, nil, errIt
	}
	return offices, items, nil
}

// officeIndex finds offices by id.
type officeIndex map[dialpad.ID]dialpad.Office

func indexOffices(offices []dialpad.Office) officeIndex {
	idx := make(officeIndex, len(offices))
	for _, o := range offices {
		idx[o.ID] = o
	}
	return idx
}

// name is the office's name, or its id when Dialpad did not list it.
func (idx officeIndex) name(id dialpad.ID) string {
	if o, ok := idx[id]; ok && o.Name != "" {
		return o.Name
	}
	if id == 0 {
		return "No office"
	}
	return "Office " + id.String()
}

// sortedOffices puts the primary office first, then the rest by name.
func sortedOffices(offices []dialpad.Office) []dialpad.Office {
	s := slices.Clone(offices)
	slices.SortStableFunc(s, func(a, b dialpad.Office) int {
		if a.IsPrimaryOffice != b.IsPrimaryOffice {
			if a.IsPrimaryOffice {
				return -1
			}
			return 1
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return s
}

// listHref links to a list filtered to one office.
func listHref(path string, officeID dialpad.ID) string {
	return path + "?" + url.Values{"office_id": {officeID.String()}}.Encode()
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
