package demo

import (
	"encoding/json"
	"io"
	"net/http"
	"time"

	"switchboard/dialpad/routing"
)

// route answers one routing request in the current mode.
func (s *Service) route(w http.ResponseWriter, r *http.Request) {
	mode := s.arrive()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
		return
	}
	secret := s.secret()
	p, err := s.decode(body, secret)
	if err != nil {
		// The error names what failed, never the secret.
		s.opts.Logger.WarnContext(r.Context(), "demo routing: request rejected", "err", err)
		status := http.StatusBadRequest
		if secret != "" {
			status = http.StatusUnauthorized
		}
		http.Error(w, err.Error(), status)
		return
	}
	s.opts.Logger.InfoContext(r.Context(), "demo routing: call", "call_id", p.CallID, "internal_number", p.InternalNumber, "mode", string(mode))

	switch mode {
	case Error500:
		http.Error(w, "routing service failed", http.StatusInternalServerError)
	case Garbage:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<html><body>Bad gateway</body></html>\n")
	case WrongTarget:
		writeAnswer(w, s.opts.WrongTarget)
	case Slow:
		// Waits on the request as well, so a caller that gives up (as
		// Dialpad does after 5 s) frees the handler at once.
		timer := time.NewTimer(s.opts.SlowDelay)
		defer timer.Stop()
		select {
		case <-timer.C:
			writeAnswer(w, s.opts.Target)
		case <-r.Context().Done():
		}
	default:
		writeAnswer(w, s.opts.Target)
	}
}

// decode reads a JWT when the service has a secret, raw JSON otherwise.
func (s *Service) decode(body []byte, secret string) (routing.Payload, error) {
	if secret != "" {
		return routing.VerifyJWT(body, secret)
	}
	var p routing.Payload
	err := json.Unmarshal(body, &p)
	return p, err
}

// secret is the secret requests must be signed with now; "" for raw JSON.
func (s *Service) secret() string {
	if s.opts.SecretFunc != nil {
		return s.opts.SecretFunc()
	}
	return s.opts.Secret
}

func writeAnswer(w http.ResponseWriter, a routing.Answer) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(a)
}
