package routing

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
)

// Resolver looks up the addresses of a host. *net.Resolver satisfies it;
// tests give a fixed table.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// guardedDialer resolves a host itself, checks every address, and dials
// only addresses it checked. Checking at dial time, on the very address
// dialled, is what stops DNS rebinding: a name that resolved to a public
// address for a pre-check cannot resolve to 127.0.0.1 for the connection.
type guardedDialer struct {
	resolver     Resolver
	allowPrivate bool
	// dial connects to an address already checked; tests record it.
	dial func(ctx context.Context, network, address string) (net.Conn, error)
}

func (d *guardedDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, portText, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portText, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("bad port %q", clip(portText))
	}
	ips, err := d.resolve(ctx, host)
	if err != nil {
		return nil, err
	}
	if !d.allowPrivate {
		// One blocked address refuses the host: a name with a public and a
		// private address is as dangerous as one with only the private one.
		for _, ip := range ips {
			if kind := blockedKind(ip); kind != "" {
				return nil, &refusedError{host: clip(host), ip: ip, kind: kind}
			}
		}
	}
	var errs []error
	for _, ip := range ips {
		conn, err := d.dial(ctx, network, netip.AddrPortFrom(ip, uint16(port)).String())
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

func (d *guardedDialer) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if ip, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{ip}, nil
	}
	ips, err := d.resolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, err
	}
	if len(ips) == 0 {
		return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	// The system resolver may hand IPv4 addresses back as ::ffff:a.b.c.d.
	for i, ip := range ips {
		ips[i] = ip.Unmap()
	}
	return ips, nil
}
