package emulator

import (
	"math/rand/v2"

	"switchboard/dialpad"
)

// idSource hands out deterministic, realistic 16-digit ids (Dialpad's ids
// look like 5835806903417907), never the same one twice.
type idSource struct {
	rng  *rand.Rand
	used map[dialpad.ID]bool
}

func newIDSource(seed uint64) idSource {
	return idSource{rng: rand.New(rand.NewPCG(seed, 0x5eed)), used: map[dialpad.ID]bool{}}
}

const (
	minID = 1_000_000_000_000_000
	maxID = 9_999_999_999_999_999
)

func (s *idSource) next() dialpad.ID {
	for {
		id := dialpad.ID(minID + s.rng.Int64N(maxID-minID+1))
		if !s.used[id] {
			s.used[id] = true
			return id
		}
	}
}

// reserve marks a fixed id (the exported user constants) as taken.
func (s *idSource) reserve(id dialpad.ID) { s.used[id] = true }
