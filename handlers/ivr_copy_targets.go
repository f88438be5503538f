package handlers

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"switchboard/dialpad"
)

// ivrCopyMaxTargets bounds one copy: each target costs a read and a few
// writes, and the sealed plan must fit in a hidden field.
const ivrCopyMaxTargets = 50

// copyCandidate is a target a copy can go to.
type copyCandidate struct {
	ID       dialpad.ID
	Name     string
	OfficeID dialpad.ID
}

type candidateLoader func(ctx context.Context, c *dialpad.Client) ([]copyCandidate, error)

// copyCandidatesOf returns how to list targets of the kind; false for
// kinds the API cannot list, which offer no copy.
func copyCandidatesOf(kind ivrKind) (candidateLoader, bool) {
	switch kind.Type {
	case dialpad.TargetCallCenter:
		return func(ctx context.Context, c *dialpad.Client) ([]copyCandidate, error) {
			ccs, err := c.CallCenters(ctx, dialpad.ListFilter{})
			return mapCandidates(ccs, func(x dialpad.CallCenter) copyCandidate { return copyCandidate{x.ID, x.Name, x.OfficeID} }), err
		}, true
	case dialpad.TargetDepartment:
		return func(ctx context.Context, c *dialpad.Client) ([]copyCandidate, error) {
			ds, err := c.Departments(ctx, dialpad.ListFilter{})
			return mapCandidates(ds, func(x dialpad.Department) copyCandidate { return copyCandidate{x.ID, x.Name, x.OfficeID} }), err
		}, true
	case dialpad.TargetOffice:
		return func(ctx context.Context, c *dialpad.Client) ([]copyCandidate, error) {
			os, err := c.Offices(ctx)
			return mapCandidates(os, func(x dialpad.Office) copyCandidate { return copyCandidate{x.ID, x.Name, x.ID} }), err
		}, true
	case dialpad.TargetUser:
		return func(ctx context.Context, c *dialpad.Client) ([]copyCandidate, error) {
			us, err := c.Users(ctx, dialpad.ListFilter{})
			return mapCandidates(us, func(x dialpad.User) copyCandidate {
				return copyCandidate{x.ID, displayName(x.DisplayName, x.FirstName, x.LastName), x.OfficeID}
			}), err
		}, true
	case dialpad.TargetCallRouter:
		return func(ctx context.Context, c *dialpad.Client) ([]copyCandidate, error) {
			crs, err := c.CallRouters(ctx, dialpad.ListFilter{})
			return mapCandidates(crs, func(x dialpad.CallRouter) copyCandidate { return copyCandidate{x.ID, x.Name, x.OfficeID} }), err
		}, true
	}
	return nil, false
}

// mapCandidates converts a list and sorts it by name.
func mapCandidates[T any](xs []T, f func(T) copyCandidate) []copyCandidate {
	out := make([]copyCandidate, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	slices.SortStableFunc(out, func(a, b copyCandidate) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// copySetup is what every copy page reads: the source with its IVRs, the
// candidate targets and the offices that name them.
type copySetup struct {
	source     ivrTarget
	types      []dialpad.CustomIVRType
	candidates []copyCandidate
	offices    officeIndex
}

// loadCopySetup reads the four at once.
func loadCopySetup(ctx context.Context, c *dialpad.Client, t ivrTarget, load candidateLoader) (copySetup, error) {
	var (
		s       copySetup
		wg      fanOut
		offices []dialpad.Office
		errs    [4]error
	)
	wg.Go(func() { s.source, errs[0] = loadIVRTarget(ctx, c, t) })
	wg.Go(func() { s.types, errs[1] = c.CustomIVRs(ctx, t.Kind.Type, t.ID) })
	wg.Go(func() { s.candidates, errs[2] = load(ctx, c) })
	wg.Go(func() { offices, errs[3] = c.Offices(ctx) })
	if err := wg.Wait(); err != nil {
		return s, err
	}
	s.offices = indexOffices(offices)
	return s, cmp.Or(errs[:]...)
}
