package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Every call center has exactly one admin who saves it, whatever the
// numbers, so the load test's saves never collide by construction.
func TestEveryCallCenterHasOneOwner(t *testing.T) {
	tests := []struct{ centers, admins int }{{14, 50}, {50, 50}, {120, 50}, {3, 1}, {0, 5}}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.centers)+" centers, "+strconv.Itoa(tt.admins)+" admins", func(t *testing.T) {
			var editors []string
			for i := range tt.centers {
				editors = append(editors, "/callcenters/"+strconv.Itoa(i))
			}
			owners := map[string]int{}
			for nth := range tt.admins {
				for _, e := range owned(editors, nth, tt.admins) {
					owners[e]++
				}
			}
			for _, e := range editors {
				if owners[e] != 1 {
					t.Errorf("%s has %d owners, want 1", e, owners[e])
				}
			}
		})
	}
}

// Owners save more often so that admins together keep the asked rate.
func TestOwnersKeepTheSaveRate(t *testing.T) {
	tests := []struct{ saveEvery, centers, admins, want int }{
		{50, 14, 50, 14}, // 14 owners, each 1 in 14: 50 admins' 1 in 50
		{50, 80, 50, 50}, // every admin owns some
		{50, 0, 50, 0},   // nothing to save
		{2, 1, 50, 1},
	}
	for _, tt := range tests {
		if got := ownerSaveEvery(tt.saveEvery, tt.centers, tt.admins); got != tt.want {
			t.Errorf("ownerSaveEvery(%d, %d, %d) = %d, want %d", tt.saveEvery, tt.centers, tt.admins, got, tt.want)
		}
	}
}

// A 409 (the console refusing to overwrite a concurrent change) is not
// hidden: it is reported on its own line, apart from the errors.
func TestReportShowsConflictsApartFromErrors(t *testing.T) {
	rec := newRecorder()
	rec.add("view", time.Millisecond, 200)
	rec.add("save", time.Millisecond, 409)
	rec.add("save", time.Millisecond, 503)
	var out bytes.Buffer
	rec.report(&out, time.Second)
	got := out.String()
	if !strings.Contains(got, "conflicts: 1 (the console refused to overwrite a concurrent change)") {
		t.Errorf("no conflicts line:\n%s", got)
	}
	if !strings.Contains(got, "errors 1 1×503\n") || strings.Contains(got, "409") {
		t.Errorf("errors should be the 503 alone:\n%s", got)
	}
}
