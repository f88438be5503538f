package emulator

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"time"

	"switchboard/dialpad"
)

// codeTTL is how long an authorization code may be redeemed.
const codeTTL = 60 * time.Second

// authorizeRequest is the authorization request of the code flow, carried
// from the consent page's query to its form.
type authorizeRequest struct {
	ClientID, RedirectURI, ResponseType, State, Scope string
	Challenge, Method                                 string // PKCE
}

// authorizeError is a bad authorization request. Redirect tells whether it
// can be reported back to the app (RFC 6749 section 4.1.2.1) or only shown.
type authorizeError struct {
	redirect    bool
	code, about string
}

func (e *Emulator) parseAuthorize(v url.Values) (authorizeRequest, *authorizeError) {
	req := authorizeRequest{
		ClientID:     v.Get("client_id"),
		RedirectURI:  v.Get("redirect_uri"),
		ResponseType: v.Get("response_type"),
		State:        v.Get("state"),
		Scope:        v.Get("scope"),
		Challenge:    v.Get("code_challenge"),
		Method:       v.Get("code_challenge_method"),
	}
	if subtle.ConstantTimeCompare([]byte(req.ClientID), []byte(e.opts.ClientID)) != 1 {
		return req, &authorizeError{about: "Unknown client_id: no OAuth app is registered under this id."}
	}
	if !isHTTPURL(req.RedirectURI) {
		return req, &authorizeError{about: "redirect_uri must be an absolute http or https URL."}
	}
	if req.ResponseType != "" && req.ResponseType != "code" {
		return req, &authorizeError{redirect: true, code: "unsupported_response_type", about: "only response_type=code is supported"}
	}
	if req.Challenge != "" && req.Method == "" {
		req.Method = "plain" // RFC 7636 section 4.3
	}
	if req.Method != "" && req.Method != "S256" && req.Method != "plain" {
		return req, &authorizeError{redirect: true, code: "invalid_request", about: "code_challenge_method must be S256 or plain"}
	}
	if req.Method != "" && req.Challenge == "" {
		return req, &authorizeError{redirect: true, code: "invalid_request", about: "code_challenge is missing"}
	}
	return req, nil
}

// authorizePage is GET /oauth2/authorize: the consent page.
func (e *Emulator) authorizePage(w http.ResponseWriter, r *http.Request) {
	req, aerr := e.parseAuthorize(r.URL.Query())
	if aerr != nil {
		e.failAuthorize(w, r, req, aerr)
		return
	}
	e.renderConsent(w, http.StatusOK, req, "", "")
}

// authorizeDecision is POST /oauth2/authorize: Allow sends a code back to
// the app, Deny sends error=access_denied.
func (e *Emulator) authorizeDecision(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	req, aerr := e.parseAuthorize(r.PostForm)
	if aerr != nil {
		e.failAuthorize(w, r, req, aerr)
		return
	}
	switch r.PostForm.Get("decision") {
	case "deny":
		redirectBack(w, r, req, url.Values{"error": {"access_denied"}, "error_description": {"the user denied the request"}})
	case "allow":
		userID, err := dialpad.ParseID(r.PostForm.Get("user_id"))
		e.mu.Lock()
		_, known := e.st.users.get(userID)
		e.mu.Unlock()
		if err != nil || !known {
			e.renderConsent(w, http.StatusBadRequest, req, r.PostForm.Get("user_id"), "Pick the person to sign in as.")
			return
		}
		code := randomToken()
		e.mu.Lock()
		e.grants.codes[code] = &authCode{
			clientID:  req.ClientID,
			userID:    userID,
			challenge: req.Challenge,
			method:    req.Method,
			expires:   e.now().Add(codeTTL),
		}
		e.mu.Unlock()
		redirectBack(w, r, req, url.Values{"code": {code}})
	default:
		e.renderConsent(w, http.StatusBadRequest, req, r.PostForm.Get("user_id"), "Choose Allow or Deny.")
	}
}

func (e *Emulator) failAuthorize(w http.ResponseWriter, r *http.Request, req authorizeRequest, aerr *authorizeError) {
	if !aerr.redirect {
		e.renderPage(w, http.StatusBadRequest, "error", errorView{Message: aerr.about})
		return
	}
	redirectBack(w, r, req, url.Values{"error": {aerr.code}, "error_description": {aerr.about}})
}

// redirectBack sends the browser to the app's redirect_uri with params and
// the state echoed.
func redirectBack(w http.ResponseWriter, r *http.Request, req authorizeRequest, params url.Values) {
	u, err := url.Parse(req.RedirectURI)
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	q := u.Query()
	for k, vs := range params {
		q[k] = vs
	}
	if req.State != "" {
		q.Set("state", req.State)
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

func (e *Emulator) renderConsent(w http.ResponseWriter, status int, req authorizeRequest, selected, msg string) {
	view := consentView{Request: req, Selected: selected, Error: msg}
	for _, p := range e.Personas() {
		email := ""
		if len(p.User.Emails) > 0 {
			email = p.User.Emails[0]
		}
		view.Personas = append(view.Personas, personaView{ID: p.User.ID.String(), Name: p.User.DisplayName, Email: email, Role: p.Role})
	}
	if view.Selected == "" && len(view.Personas) > 0 {
		view.Selected = view.Personas[0].ID
	}
	e.renderPage(w, status, "consent", view)
}
