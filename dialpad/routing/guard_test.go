package routing

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestBlockedKind(t *testing.T) {
	tests := []struct {
		ip   string
		want string
	}{
		{"127.0.0.1", "a loopback address"},
		{"127.8.9.10", "a loopback address"},
		{"::1", "a loopback address"},
		{"::ffff:127.0.0.1", "a loopback address"},
		{"10.0.0.5", "a private address"},
		{"172.16.0.1", "a private address"},
		{"172.31.255.255", "a private address"},
		{"192.168.1.1", "a private address"},
		{"fd00::2", "a private address"},
		{"169.254.169.254", "a link-local address"},
		{"fe80::1", "a link-local address"},
		{"fe80::1%eth0", "a link-local address"},
		{"100.64.0.1", "a shared (carrier-grade NAT) address"},
		{"0.0.0.0", "an unspecified address"},
		{"::", "an unspecified address"},
		{"224.0.0.1", "a multicast address"},
		{"ff02::1", "a multicast address"},
		{"255.255.255.255", "a reserved address"},
		{"64:ff9b::a9fe:a9fe", "a link-local address"},
		{"64:ff9b::5db8:d822", ""},
		{"93.184.216.34", ""},
		{"172.32.0.1", ""},
		{"100.128.0.1", ""},
		{"2606:4700::1111", ""},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := blockedKind(netip.MustParseAddr(tt.ip)); got != tt.want {
				t.Errorf("blockedKind(%s) = %q, want %q", tt.ip, got, tt.want)
			}
		})
	}
}

// fakeResolver answers from a table; a name answers differently on each
// lookup when it has several answers, like a rebinding DNS server.
type fakeResolver struct {
	answers map[string][][]netip.Addr
	lookups atomic.Int32
}

func (f *fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	n := int(f.lookups.Add(1)) - 1
	answers, ok := f.answers[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return answers[min(n, len(answers)-1)], nil
}

func addrs(ips ...string) []netip.Addr {
	out := make([]netip.Addr, len(ips))
	for i, ip := range ips {
		out[i] = netip.MustParseAddr(ip)
	}
	return out
}

var errRecorded = errors.New("recorded, not dialled")

func TestGuardedDialer(t *testing.T) {
	resolver := func() *fakeResolver {
		return &fakeResolver{answers: map[string][][]netip.Addr{
			"router.example":   {addrs("93.184.216.34")},
			"internal.example": {addrs("10.0.0.5")},
			"mixed.example":    {addrs("93.184.216.34", "10.0.0.5")},
			"metadata.example": {addrs("169.254.169.254")},
			// First lookup public, later ones loopback.
			"rebind.example": {addrs("93.184.216.34"), addrs("127.0.0.1")},
		}}
	}
	tests := []struct {
		name         string
		address      string
		allowPrivate bool
		wantRefused  string // the refusal, or "" when the dial goes ahead
		wantDialled  []string
	}{
		{"public name", "router.example:443", false, "", []string{"93.184.216.34:443"}},
		{"public address", "93.184.216.34:80", false, "", []string{"93.184.216.34:80"}},
		{"private address", "10.0.0.5:80", false, "refused: 10.0.0.5 is a private address", nil},
		{"metadata address", "169.254.169.254:80", false, "refused: 169.254.169.254 is a link-local address", nil},
		{"name of a private address", "internal.example:80", false, "refused: internal.example resolves to 10.0.0.5, a private address", nil},
		{"name of metadata", "metadata.example:80", false, "refused: metadata.example resolves to 169.254.169.254, a link-local address", nil},
		{"one private address among public ones", "mixed.example:80", false, "refused: mixed.example resolves to 10.0.0.5, a private address", nil},
		{"rebinding dials the checked address", "rebind.example:80", false, "", []string{"93.184.216.34:80"}},
		{"private allowed", "10.0.0.5:80", true, "", []string{"10.0.0.5:80"}},
		{"metadata allowed", "169.254.169.254:80", true, "", []string{"169.254.169.254:80"}},
		{"name of a private address allowed", "internal.example:80", true, "", []string{"10.0.0.5:80"}},
		{"every address tried", "mixed.example:80", true, "", []string{"93.184.216.34:80", "10.0.0.5:80"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dialled []string
			d := &guardedDialer{
				resolver:     resolver(),
				allowPrivate: tt.allowPrivate,
				dial: func(_ context.Context, _, address string) (net.Conn, error) {
					dialled = append(dialled, address)
					return nil, errRecorded
				},
			}
			_, err := d.DialContext(t.Context(), "tcp", tt.address)
			var refused *refusedError
			if tt.wantRefused != "" {
				if !errors.As(err, &refused) || refused.Error() != tt.wantRefused {
					t.Fatalf("err = %v, want %q", err, tt.wantRefused)
				}
			} else if !errors.Is(err, errRecorded) {
				t.Fatalf("err = %v, want the dial to go ahead", err)
			}
			if strings.Join(dialled, " ") != strings.Join(tt.wantDialled, " ") {
				t.Errorf("dialled %v, want %v", dialled, tt.wantDialled)
			}
		})
	}
}

// countingServer answers a good routing answer on address and counts
// requests; it returns a nil counter when the address cannot be listened on
// (a machine without IPv6).
func countingServer(t *testing.T, network, address string) (port string, hits *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen(network, address)
	if err != nil {
		t.Logf("cannot listen on %s: %v", address, err)
		return "", nil
	}
	hits = new(atomic.Int32)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, `{"target_id": 7, "target_type": "office"}`)
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	_, port, _ = net.SplitHostPort(ln.Addr().String())
	return port, hits
}

func TestCallGuard(t *testing.T) {
	port, v4hits := countingServer(t, "tcp4", "127.0.0.1:0")
	if v4hits == nil {
		t.Fatal("cannot listen on IPv4 loopback")
	}
	port6, v6hits := countingServer(t, "tcp6", "[::1]:0")
	table := &fakeResolver{answers: map[string][][]netip.Addr{"router.test": {addrs("127.0.0.1")}}}

	tests := []struct {
		name        string
		url         string
		resolver    Resolver
		hits        *atomic.Int32
		wantRefusal string
		alsoRefusal string // localhost may resolve to ::1 first
	}{
		{"loopback", "http://127.0.0.1:" + port + "/route", nil, v4hits, "refused: 127.0.0.1 is a loopback address", ""},
		{"IPv6 loopback", "http://[::1]:" + port6 + "/route", nil, v6hits, "refused: ::1 is a loopback address", ""},
		{"IPv4-mapped loopback", "http://[::ffff:127.0.0.1]:" + port + "/route", nil, v4hits, "refused: ::ffff:127.0.0.1 is a loopback address", ""},
		{"localhost", "http://localhost:" + port + "/route", nil, v4hits, "refused: localhost resolves to 127.0.0.1, a loopback address", "refused: localhost resolves to ::1, a loopback address"},
		{"name resolving to loopback", "http://router.test:" + port + "/route", table, v4hits, "refused: router.test resolves to 127.0.0.1, a loopback address", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.hits == nil {
				t.Skip("no IPv6 loopback")
			}
			before := tt.hits.Load()
			guarded := Caller{Resolver: tt.resolver}
			res := guarded.Call(t.Context(), tt.url, SamplePayload(time.Now(), "+14155550100"), "")
			if res.Problem != tt.wantRefusal && (tt.alsoRefusal == "" || res.Problem != tt.alsoRefusal) {
				t.Errorf("guarded: Problem = %q, want %q", res.Problem, tt.wantRefusal)
			}
			if !res.IsRoutingError() || tt.hits.Load() != before {
				t.Errorf("guarded: the request reached the server")
			}

			allowed := Caller{Resolver: tt.resolver, AllowPrivate: true}
			res = allowed.Call(t.Context(), tt.url, SamplePayload(time.Now(), "+14155550100"), "")
			if res.IsRoutingError() {
				t.Errorf("AllowPrivate: routing error %q, want routed", res.Problem)
			}
			if tt.hits.Load() != before+1 {
				t.Errorf("AllowPrivate: server saw %d requests, want 1", tt.hits.Load()-before)
			}
		})
	}
}

func TestCallGuardRefusesPrivateNetworks(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"http://10.0.0.5/route", "refused: 10.0.0.5 is a private address"},
		{"https://192.168.0.10/route", "refused: 192.168.0.10 is a private address"},
		{"http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"},
		{"http://[fe80::1]/route", "refused: fe80::1 is a link-local address"},
		{"http://100.64.1.1/route", "refused: 100.64.1.1 is a shared (carrier-grade NAT) address"},
		{"http://0.0.0.0/route", "refused: 0.0.0.0 is an unspecified address"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			var c Caller
			res := c.Call(t.Context(), tt.url+"?token=s3cr3t", SamplePayload(time.Now(), "+14155550100"), "")
			if res.Problem != tt.want {
				t.Errorf("Problem = %q, want %q", res.Problem, tt.want)
			}
			if strings.Contains(res.Problem, "s3cr3t") {
				t.Errorf("Problem %q quotes the URL's query", res.Problem)
			}
		})
	}
}
