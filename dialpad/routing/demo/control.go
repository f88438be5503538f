package demo

import (
	"encoding/json"
	"html/template"
	"io"
	"mime"
	"net/http"
	"strings"
)

// status is the control endpoint's JSON.
type status struct {
	Mode  Mode   `json:"mode"`
	Hits  int    `json:"hits"`
	Modes []Mode `json:"modes"`
}

// controlPage is the tiny page a person uses to break the service. Its
// form posts to "control", relative, so the page works under any prefix.
var controlPage = template.Must(template.New("control").Parse(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Demo routing service</title></head>
<body>
<h1>Demo routing service</h1>
<p>Answering: <strong data-testid="mode">{{.Mode}}</strong>. Routing requests so far: <span data-testid="hits">{{.Hits}}</span>.</p>
<form method="post" action="control">
{{range .Choices}}<p><label><input type="radio" name="mode" value="{{.Mode}}"{{if .Current}} checked{{end}}> {{.Mode}}: {{.Words}}</label></p>
{{end}}<button type="submit">Switch</button>
</form>
</body>
</html>
`))

type choice struct {
	Mode    Mode
	Words   string
	Current bool
}

func (s *Service) status() status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return status{Mode: s.mode, Hits: s.hits, Modes: Modes()}
}

// showControl shows the mode as JSON to programs, as a page to people.
func (s *Service) showControl(w http.ResponseWriter, r *http.Request) {
	st := s.status()
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(st)
		return
	}
	choices := make([]choice, len(modes))
	for i, m := range modes {
		choices[i] = choice{Mode: m.mode, Words: m.words, Current: m.mode == st.Mode}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	err := controlPage.Execute(w, struct {
		Mode    Mode
		Hits    int
		Choices []choice
	}{st.Mode, st.Hits, choices})
	if err != nil {
		s.opts.Logger.ErrorContext(r.Context(), "demo routing: control page", "err", err)
	}
}

// switchMode takes a form field mode=..., or a JSON body {"mode": "..."}.
func (s *Service) switchMode(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
	var name string
	if isJSON(r.Header.Get("Content-Type")) {
		var in struct {
			Mode string `json:"mode"`
		}
		body, err := io.ReadAll(r.Body)
		if err != nil || json.Unmarshal(body, &in) != nil {
			http.Error(w, "body must be JSON like {\"mode\": \"slow\"}", http.StatusBadRequest)
			return
		}
		name = in.Mode
	} else {
		name = r.PostFormValue("mode")
	}
	mode, err := ParseMode(name)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	s.SetMode(mode)
	s.opts.Logger.InfoContext(r.Context(), "demo routing: mode switched", "mode", string(mode))
	if wantsJSON(r) || isJSON(r.Header.Get("Content-Type")) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(s.status())
		return
	}
	// Relative and set by hand: http.Redirect would make it absolute from
	// r.URL.Path and lose any prefix the service is mounted under.
	w.Header().Set("Location", "control")
	w.WriteHeader(http.StatusSeeOther)
}

func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func isJSON(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/json"
}
