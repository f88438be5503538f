package dialpad

import (
	"sync"

	"golang.org/x/oauth2"
)

// NotifyingTokenSource returns ts, calling onRefresh with every token whose
// AccessToken differs from the one returned before, the very first token
// included (the wrapper cannot know what the caller stored). The web layer
// uses it to write refreshed tokens back to the session; to skip the first
// notification when the token is the stored one, use
// NotifyingTokenSourceFrom.
func NotifyingTokenSource(ts oauth2.TokenSource, onRefresh func(*oauth2.Token)) oauth2.TokenSource {
	return NotifyingTokenSourceFrom(nil, ts, onRefresh)
}

// NotifyingTokenSourceFrom is NotifyingTokenSource where stored is the token
// the caller already holds: onRefresh fires only once ts returns another.
func NotifyingTokenSourceFrom(stored *oauth2.Token, ts oauth2.TokenSource, onRefresh func(*oauth2.Token)) oauth2.TokenSource {
	n := &notifyingSource{src: ts, onRefresh: onRefresh}
	if stored != nil {
		n.last = stored.AccessToken
	}
	return n
}

type notifyingSource struct {
	src       oauth2.TokenSource
	onRefresh func(*oauth2.Token)

	// mu serialises Token so notifications arrive in the order the tokens
	// were issued and a newer token is never overwritten by an older one.
	mu   sync.Mutex
	last string
}

// Token returns the next token. onRefresh runs under the lock and must not
// call Token.
func (n *notifyingSource) Token() (*oauth2.Token, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	t, err := n.src.Token()
	if err != nil {
		return nil, err
	}
	if t.AccessToken != n.last {
		n.last = t.AccessToken
		if n.onRefresh != nil {
			n.onRefresh(t)
		}
	}
	return t, nil
}
