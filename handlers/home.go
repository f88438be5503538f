package handlers

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// Home is the overview: the company, each office with its local time and
// what it holds, and totals linking to the lists.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	s, err := fetchSnapshot(r.Context(), who.Client)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	h.Render(w, r, http.StatusOK, views.HomePage(h.layout(r, "Overview", views.NavOverview), homeView(s, h.now())), nil)
}

// snapshot is everything the overview counts.
type snapshot struct {
	company     *dialpad.Company
	offices     []dialpad.Office
	centers     []dialpad.CallCenter
	departments []dialpad.Department
	routers     []dialpad.CallRouter
}

// fetchSnapshot reads the five lists at once; the client's limiter keeps
// the burst within the company's rate limit. GET /company needs a company
// admin (the spec's "Requires a company admin API key"): refused, the
// overview goes on without the company's details (company stays nil).
func fetchSnapshot(ctx context.Context, c *dialpad.Client) (snapshot, error) {
	var (
		s    snapshot
		wg   fanOut
		errs [5]error
	)
	wg.Go(func() { s.company, errs[0] = c.Company(ctx) })
	wg.Go(func() { s.offices, errs[1] = c.Offices(ctx) })
	wg.Go(func() { s.centers, errs[2] = c.CallCenters(ctx, dialpad.ListFilter{}) })
	wg.Go(func() { s.departments, errs[3] = c.Departments(ctx, dialpad.ListFilter{}) })
	wg.Go(func() { s.routers, errs[4] = c.CallRouters(ctx, dialpad.ListFilter{}) })
	if err := wg.Wait(); err != nil {
		return snapshot{}, err
	}
	if errors.Is(errs[0], dialpad.ErrForbidden) {
		errs[0], s.company = nil, nil
	} else if errs[0] == nil && s.company == nil {
		errs[0] = errors.New("handlers: dialpad returned no company")
	}
	// The first error in that order decides the page; they usually share a cause.
	if err := cmp.Or(errs[:]...); err != nil {
		return snapshot{}, err
	}
	return s, nil
}

// officeTally counts what one office holds.
type officeTally struct{ centers, departments, routers int }

func homeView(s snapshot, now time.Time) views.HomeView {
	tally := map[dialpad.ID]*officeTally{}
	at := func(id dialpad.ID) *officeTally {
		if tally[id] == nil {
			tally[id] = &officeTally{}
		}
		return tally[id]
	}
	idx := indexOffices(s.offices)
	z := zones{}
	centersOpen, deptsOpen, routersOff := 0, 0, 0
	for _, c := range s.centers {
		at(c.OfficeID).centers++
		if openNow(c.WeekHours, cmp.Or(c.Timezone, idx[c.OfficeID].Timezone), z, now) {
			centersOpen++
		}
	}
	for _, d := range s.departments {
		at(d.OfficeID).departments++
		if openNow(d.WeekHours, cmp.Or(d.Timezone, idx[d.OfficeID].Timezone), z, now) {
			deptsOpen++
		}
	}
	for _, cr := range s.routers {
		at(cr.OfficeID).routers++
		if !cr.Enabled {
			routersOff++
		}
	}

	v := views.HomeView{
		CompanyName: "Your company",
		Stats: []views.Stat{
			{Label: "Offices", Value: len(s.offices), Href: "#offices"},
			{Label: "Call centers", Value: len(s.centers), Detail: strconv.Itoa(centersOpen) + " open now", Href: "/callcenters"},
			{Label: "Departments", Value: len(s.departments), Detail: strconv.Itoa(deptsOpen) + " open now", Href: "/departments"},
			{Label: "Call routers", Value: len(s.routers), Detail: routerDetail(len(s.routers), routersOff), Href: "/routers"},
		},
		Disabled: disabledRouters(s.routers),
	}
	if s.company != nil {
		v.CompanyName, v.Domain = cmp.Or(s.company.Name, v.CompanyName), s.company.Domain
	} else {
		v.CompanyNote = "Company details need a Dialpad company admin; everything else here is what you can see."
	}
	for _, o := range sortedOffices(s.offices) {
		t := at(o.ID)
		v.Offices = append(v.Offices, views.OfficeRow{
			Name:        o.Name,
			Primary:     o.IsPrimaryOffice,
			Timezone:    o.Timezone,
			LocalTime:   z.localTime(o.Timezone, now),
			CallCenters: views.CountLink{N: t.centers, Href: listHref("/callcenters", o.ID)},
			Departments: views.CountLink{N: t.departments, Href: listHref("/departments", o.ID)},
			Routers:     views.CountLink{N: t.routers, Href: listHref("/routers", o.ID)},
			IVRHref:     "/ivrs/" + dialpad.TargetOffice + "/" + o.ID.String(),
		})
	}
	return v
}

// openNow is openBadge's answer as a yes/no; an unknown zone counts as closed.
func openNow(w dialpad.WeekHours, tz string, z zones, now time.Time) bool {
	if !w.HoursOn {
		return true
	}
	loc, ok := z.load(tz)
	return ok && w.OpenAt(now.In(loc))
}

func routerDetail(total, disabled int) string {
	switch {
	case total == 0:
		return ""
	case disabled == 0:
		return "all enabled"
	}
	return strconv.Itoa(disabled) + " disabled"
}
