package emulator

import (
	"bytes"
	"html/template"
	"net/http"
)

// consentView is what the consent page shows.
type consentView struct {
	Request  authorizeRequest
	Personas []personaView
	Selected string // user id to check
	Error    string
}

type personaView struct {
	ID, Name, Email, Role string
}

// errorView is the page shown when the request cannot even be sent back to
// the app (unknown client, bad redirect_uri), as RFC 6749 section 4.1.2.1 asks.
type errorView struct {
	Message string
}

func consentTemplate() *template.Template {
	return template.Must(template.New("page").Parse(consentHTML))
}

// renderPage writes one of the consent templates, buffered so that a
// template error is a clean 500.
func (e *Emulator) renderPage(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := e.consent.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "emulator: consent page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

const consentHTML = `{{define "head"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dialpad (emulator) — Authorize Switchboard</title>
<style>
  :root { --ink:#1d1b29; --muted:#6b6880; --line:#e4e2ee; --brand:#7c52ff; --bg:#f6f5fb; }
  * { box-sizing: border-box; }
  body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
  main { max-width:34rem; margin:3rem auto; padding:2rem; background:#fff; border:1px solid var(--line); border-radius:12px; }
  h1 { font-size:1.35rem; margin:0 0 .25rem; }
  .tag { display:inline-block; font-size:.75rem; padding:.1rem .5rem; border-radius:999px; background:#efe9ff; color:#5a35d0; }
  p { color:var(--muted); margin:.5rem 0 1.25rem; }
  fieldset { border:0; padding:0; margin:0 0 1.5rem; }
  legend { font-weight:600; margin-bottom:.5rem; }
  label { display:flex; gap:.75rem; align-items:flex-start; padding:.6rem .75rem; border:1px solid var(--line); border-radius:8px; margin-bottom:.5rem; cursor:pointer; }
  label:has(input:checked) { border-color:var(--brand); background:#faf8ff; }
  .who { display:flex; flex-direction:column; }
  .who small { color:var(--muted); }
  .role { font-size:.8rem; color:#5a35d0; }
  .actions { display:flex; gap:.75rem; }
  button { font:inherit; padding:.55rem 1.2rem; border-radius:8px; border:1px solid var(--line); background:#fff; cursor:pointer; }
  button.allow { background:var(--brand); border-color:var(--brand); color:#fff; }
  .error { color:#b42318; background:#fef3f2; border:1px solid #fecdca; padding:.5rem .75rem; border-radius:8px; }
</style>
</head>
<body>
<main>{{end}}

{{define "consent"}}{{template "head"}}
<span class="tag">Dialpad emulator</span>
<h1>Authorize Switchboard</h1>
<p>The application <strong>{{.Request.ClientID}}</strong> asks to act on your behalf in Dialpad. Pick the person you sign in as.</p>
{{with .Error}}<p class="error" role="alert" data-testid="consent-error">{{.}}</p>{{end}}
<form method="post" action="/oauth2/authorize">
  <input type="hidden" name="client_id" value="{{.Request.ClientID}}">
  <input type="hidden" name="redirect_uri" value="{{.Request.RedirectURI}}">
  <input type="hidden" name="response_type" value="{{.Request.ResponseType}}">
  <input type="hidden" name="state" value="{{.Request.State}}">
  <input type="hidden" name="scope" value="{{.Request.Scope}}">
  <input type="hidden" name="code_challenge" value="{{.Request.Challenge}}">
  <input type="hidden" name="code_challenge_method" value="{{.Request.Method}}">
  <fieldset>
    <legend>Sign in as</legend>
    {{$sel := .Selected}}{{range .Personas}}
    <label>
      <input type="radio" name="user_id" value="{{.ID}}" data-testid="consent-user-{{.ID}}"{{if eq .ID $sel}} checked{{end}}>
      <span class="who"><span>{{.Name}}</span><small>{{.Email}}</small><span class="role">{{.Role}}</span></span>
    </label>{{end}}
  </fieldset>
  <div class="actions">
    <button class="allow" type="submit" name="decision" value="allow" data-testid="consent-allow">Allow</button>
    <button type="submit" name="decision" value="deny" data-testid="consent-deny">Deny</button>
  </div>
</form>
</main>
</body>
</html>
{{end}}

{{define "error"}}{{template "head"}}
<span class="tag">Dialpad emulator</span>
<h1>This sign-in request cannot be completed</h1>
<p class="error" role="alert" data-testid="authorize-error">{{.Message}}</p>
</main>
</body>
</html>
{{end}}`
