package main

import (
	"context"
	"net/http"
	"strings"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/store"
)

// stack is the emulator and the console, both in this process.
type stack struct {
	emu         *emulator.Emulator
	emulatorURL string
	consoleURL  string
	servers     []*http.Server
	db          *store.DB // the company-key run's grants; nil with own tokens
}

func startStack(o options) (*stack, error) {
	emu := emulator.New(emulator.Options{Offices: o.offices, CallCenters: o.centers, PageSize: o.pageSize})
	eln, err := listenLoopback()
	if err != nil {
		return nil, err
	}
	st := &stack{emu: emu, emulatorURL: "http://" + eln.Addr().String()}
	st.servers = append(st.servers, serve(eln, emu))

	cln, err := listenLoopback()
	if err != nil {
		st.close()
		return nil, err
	}
	st.consoleURL = "http://" + cln.Addr().String()
	cfg := web.Config{
		Addr:         cln.Addr().String(),
		PublicURL:    st.consoleURL,
		DialpadURL:   st.emulatorURL,
		ClientID:     emulator.DefaultClientID,
		ClientSecret: emulator.DefaultClientSecret,
	}
	var opts []web.Option
	if !o.ownTokens {
		// As demo mode runs: the company key makes every call, the demo's
		// grants decide, and everyone shares the company's cached reads.
		if st.db, err = store.OpenThrowaway(context.Background()); err != nil {
			_ = cln.Close()
			st.close()
			return nil, err
		}
		if err := web.SeedDemoGrants(context.Background(), st.db.Grants(), emu); err != nil {
			_ = cln.Close()
			st.close()
			return nil, err
		}
		cfg.DialpadAPIKey = web.Secret(emu.IssueCompanyKey())
		opts = append(opts, web.WithStorage(&web.Storage{DB: st.db}))
	}
	srv, err := web.New(cfg, quietLogger(), opts...)
	if err != nil {
		_ = cln.Close()
		st.close()
		return nil, err
	}
	st.servers = append(st.servers, serve(cln, srv))
	return st, nil
}

func (st *stack) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range st.servers {
		_ = s.Shutdown(ctx)
	}
	if st.db != nil {
		_ = st.db.Close()
	}
}

// apiCalls is how many API v2 requests the emulator has answered.
func (st *stack) apiCalls() int {
	n := 0
	for _, r := range st.emu.Requests() {
		if strings.HasPrefix(r.Path, "/api/") {
			n++
		}
	}
	return n
}

// sampleCalls counts the emulator's API calls about every second for d and
// sends the highest rate seen, per second of real time between samples (a
// busy machine delays the ticks).
func sampleCalls(ctx context.Context, st *stack, d time.Duration) <-chan float64 {
	out := make(chan float64, 1)
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		deadline := time.After(d)
		last, lastAt, peak := st.apiCalls(), time.Now(), 0.0
		for {
			select {
			case <-ctx.Done():
				out <- peak
				return
			case <-deadline:
				out <- peak
				return
			case <-t.C:
				n, now := st.apiCalls(), time.Now()
				peak = max(peak, float64(n-last)/now.Sub(lastAt).Seconds())
				last, lastAt = n, now
			}
		}
	}()
	return out
}
