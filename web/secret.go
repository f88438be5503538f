package web

import "log/slog"

// Secret is a setting that must never reach a log line, a page or an error:
// printed with any verb it shows as [redacted]. Reveal gives the value to
// the one place that needs it.
type Secret string

func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString keeps %#v from printing the value.
func (s Secret) GoString() string { return s.String() }

// LogValue keeps slog from printing the value.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Reveal is the value itself.
func (s Secret) Reveal() string { return string(s) }
