package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// person is one signed-in browser.
type person struct {
	user   dialpad.ID
	admin  bool
	client *http.Client
}

// signInEvery paces sign-ins: each one costs Dialpad calls (token,
// users/me) that no console limiter paces, and the company's 20/s is shared.
const signInEvery = 80 * time.Millisecond

// signIn signs n people in through /login and the emulator's consent
// page, taking the demo's people in turn, about 12 a second.
func signIn(ctx context.Context, st *stack, n int) ([]*person, error) {
	users := []dialpad.ID{emulator.AdminUserID, emulator.OfficeAdminUserID, emulator.SupportUserID, emulator.ManagerUserID}
	people := make([]*person, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i := range people {
		if !pause(ctx, signInEvery) {
			break
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			u := users[i%len(users)]
			p, err := login(ctx, st, u)
			people[i], errs[i] = p, err
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return people, nil
}

func newClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{
		Jar:     jar,
		Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
		Transport: &http.Transport{MaxIdleConnsPerHost: 4, IdleConnTimeout: time.Minute},
	}
}

var (
	radioRE  = regexp.MustCompile(`<input[^>]*type="radio"[^>]*name="user_id"[^>]*value="(\d+)"`)
	hiddenRE = regexp.MustCompile(`<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"`)
	allowRE  = regexp.MustCompile(`<button[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*data-testid="consent-allow"`)
	actionRE = regexp.MustCompile(`<form[^>]*action="([^"]+)"`)
)

// login walks the real flow: /login, the consent page, Allow, the callback.
func login(ctx context.Context, st *stack, user dialpad.ID) (*person, error) {
	c := newClient()
	res, err := get(ctx, c, st.consoleURL+"/login")
	if err != nil {
		return nil, err
	}
	consentURL, err := res.Location()
	if err != nil {
		return nil, fmt.Errorf("login: no redirect to the consent page")
	}
	page, err := get(ctx, c, consentURL.String())
	if err != nil {
		return nil, err
	}
	body := readAll(page)
	form := url.Values{}
	for _, m := range hiddenRE.FindAllStringSubmatch(body, -1) {
		form.Add(m[1], unescape(m[2]))
	}
	found := false
	for _, m := range radioRE.FindAllStringSubmatch(body, -1) {
		found = found || m[1] == user.String()
	}
	allow := allowRE.FindStringSubmatch(body)
	action := actionRE.FindStringSubmatch(body)
	if !found || allow == nil || action == nil {
		return nil, fmt.Errorf("login: the consent page does not offer user %s", user)
	}
	form.Set("user_id", user.String())
	form.Set(allow[1], allow[2])
	target, _ := consentURL.Parse(unescape(action[1]))
	back, err := post(ctx, c, target.String(), form, st.emulatorURL)
	if err != nil {
		return nil, err
	}
	callback, err := back.Location()
	if err != nil {
		return nil, fmt.Errorf("login: consent did not redirect back")
	}
	done, err := get(ctx, c, callback.String())
	if err != nil {
		return nil, err
	}
	if done.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("login: callback answered %d", done.StatusCode)
	}
	return &person{user: user, admin: user == emulator.AdminUserID, client: c}, nil
}

func get(ctx context.Context, c *http.Client, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return do(c, req)
}

func post(ctx context.Context, c *http.Client, u string, form url.Values, origin string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", origin)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return do(c, req)
}

// do sends req and reads the body, so the connection is reused; the body
// stays readable through readAll.
func do(c *http.Client, req *http.Request) (*http.Response, error) {
	if host := req.URL.Hostname(); host != "127.0.0.1" {
		return nil, fmt.Errorf("refusing to contact %s: loopback only", host)
	}
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(strings.NewReader(string(body)))
	return res, nil
}

func readAll(res *http.Response) string {
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#34;", `"`, "&quot;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">").Replace(s)
}
