package routing

import (
	"fmt"
	"net/netip"
)

// blockedRanges are the addresses a routing URL may not reach unless private
// addresses are allowed: the server's own network, cloud metadata services
// and other places no public routing service lives.
var blockedRanges = []struct {
	prefix netip.Prefix
	kind   string // "a loopback address"
}{
	{netip.MustParsePrefix("127.0.0.0/8"), "a loopback address"},
	{netip.MustParsePrefix("::1/128"), "a loopback address"},
	{netip.MustParsePrefix("10.0.0.0/8"), "a private address"},
	{netip.MustParsePrefix("172.16.0.0/12"), "a private address"},
	{netip.MustParsePrefix("192.168.0.0/16"), "a private address"},
	{netip.MustParsePrefix("fc00::/7"), "a private address"},
	// 169.254.169.254 is the metadata service of most clouds.
	{netip.MustParsePrefix("169.254.0.0/16"), "a link-local address"},
	{netip.MustParsePrefix("fe80::/10"), "a link-local address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a shared (carrier-grade NAT) address"},
	// Linux connects 0.x.x.x to the local host.
	{netip.MustParsePrefix("0.0.0.0/8"), "an unspecified address"},
	{netip.MustParsePrefix("::/128"), "an unspecified address"},
	{netip.MustParsePrefix("224.0.0.0/4"), "a multicast address"},
	{netip.MustParsePrefix("ff00::/8"), "a multicast address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
}

// nat64 is the well-known NAT64 prefix (RFC 6052).
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// blockedKind says why ip may not be reached, or "" when it may. IPv4
// addresses written as IPv6 (::ffff:127.0.0.1) and zoned addresses are
// judged by the address they reach.
func blockedKind(ip netip.Addr) string {
	ip = ip.Unmap().WithZone("")
	if nat64.Contains(ip) {
		// A NAT64 gateway forwards to the IPv4 address in the last 4 bytes.
		b := ip.As16()
		return blockedKind(netip.AddrFrom4([4]byte(b[12:])))
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(ip) {
			return r.kind
		}
	}
	return ""
}

// refusedError is a dial the guard stopped. Its message names the host and
// address only, never the URL, whose query may carry credentials.
type refusedError struct {
	host string // as written in the URL
	ip   netip.Addr
	kind string
}

func (e *refusedError) Error() string {
	if e.host == e.ip.String() {
		return fmt.Sprintf("refused: %s is %s", e.ip, e.kind)
	}
	return fmt.Sprintf("refused: %s resolves to %s, %s", e.host, e.ip, e.kind)
}
