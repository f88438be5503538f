package handlers_test

import (
	"testing"

	"switchboard/dialpad"
)

// byName returns the item called want, failing the test when none is:
// tests name seeded things as a person would.
func byName[T any](t *testing.T, items []T, name func(T) string, want string) T {
	t.Helper()
	for _, it := range items {
		if name(it) == want {
			return it
		}
	}
	var zero T
	t.Fatalf("no %T named %q", zero, want)
	return zero
}

// must returns v, failing the test at once on err.
func must[T any](t *testing.T, v T, err error) T {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The lists and single reads below go straight to the emulator, so they
// are the truth the pages should show, read now.

func (s *stack) callCenters(f dialpad.ListFilter) []dialpad.CallCenter {
	s.t.Helper()
	ccs, err := s.api.CallCenters(s.t.Context(), f)
	return must(s.t, ccs, err)
}

func (s *stack) departments(f dialpad.ListFilter) []dialpad.Department {
	s.t.Helper()
	ds, err := s.api.Departments(s.t.Context(), f)
	return must(s.t, ds, err)
}

func (s *stack) offices() []dialpad.Office {
	s.t.Helper()
	os, err := s.api.Offices(s.t.Context())
	return must(s.t, os, err)
}

func (s *stack) routers() []dialpad.CallRouter {
	s.t.Helper()
	rs, err := s.api.CallRouters(s.t.Context(), dialpad.ListFilter{})
	return must(s.t, rs, err)
}

func (s *stack) callCenter(name string) dialpad.CallCenter {
	s.t.Helper()
	return byName(s.t, s.callCenters(dialpad.ListFilter{}), func(c dialpad.CallCenter) string { return c.Name }, name)
}

func (s *stack) department(name string) dialpad.Department {
	s.t.Helper()
	return byName(s.t, s.departments(dialpad.ListFilter{}), func(d dialpad.Department) string { return d.Name }, name)
}

func (s *stack) office(name string) dialpad.Office {
	s.t.Helper()
	return byName(s.t, s.offices(), func(o dialpad.Office) string { return o.Name }, name)
}

func (s *stack) router(name string) dialpad.CallRouter {
	s.t.Helper()
	return byName(s.t, s.routers(), func(r dialpad.CallRouter) string { return r.Name }, name)
}

func (s *stack) freshCallCenter(id dialpad.ID) dialpad.CallCenter {
	s.t.Helper()
	cc, err := s.api.CallCenter(s.t.Context(), id)
	return *must(s.t, cc, err)
}

func (s *stack) freshRouter(id dialpad.ID) dialpad.CallRouter {
	s.t.Helper()
	cr, err := s.api.CallRouter(s.t.Context(), id)
	return *must(s.t, cr, err)
}
