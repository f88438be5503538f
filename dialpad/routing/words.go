package routing

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"syscall"
	"time"
)

// describeError turns a transport failure into plain words. It unwraps
// *url.Error first: that one quotes the URL, whose query may hold secrets.
func describeError(err error) string {
	var refused *refusedError
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var hostErr x509.HostnameError
	switch {
	case errors.As(err, &refused):
		return refused.Error()
	case errors.Is(err, context.Canceled):
		return "cancelled before an answer came"
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("host %s not found", clip(dnsErr.Name))
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed before an answer came"
	case errors.As(err, &certErr), errors.As(err, &hostErr):
		return "the server's TLS certificate is not valid"
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return "request failed: " + clip(err.Error())
}

// formatDuration writes a limit the way a person says it: "5 s", "50 ms".
func formatDuration(d time.Duration) string {
	if d >= time.Second && d%time.Second == 0 {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	if d >= time.Second {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}

// formatSize writes a byte limit: "64 KiB", "100 bytes".
func formatSize(n int64) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
