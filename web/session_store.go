package web

import (
	"context"
	"time"

	"github.com/alexedwards/scs/v2"
)

// tokenKeepingStore is the session store, made safe for token renewal.
// scs writes a request's whole session when the request ends, as it was
// read when the request began. A request that read the session before
// another one renewed the OAuth token would write the old token back, and
// Dialpad has already retired its refresh token: the next page would sign
// the person out. So a commit never replaces a stored token with one
// renewed fewer times; everything else in the session is written as is.
type tokenKeepingStore struct {
	scs.Store
	codec scs.Codec
	locks locker // one commit at a time per session (across instances with Redis), so the check holds
}

func (st *tokenKeepingStore) Commit(key string, b []byte, expiry time.Time) error {
	unlock, err := st.locks.lock(context.Background(), key)
	if err != nil {
		return err
	}
	defer unlock()
	if stored, found, err := st.Store.Find(key); err == nil && found {
		b = st.keepNewerToken(stored, b)
	}
	return st.Store.Commit(key, b, expiry)
}

// keepNewerToken returns b, with the stored sign-in instead of b's when
// the stored token is the newer one. Anything it cannot decode is written
// as it came.
func (st *tokenKeepingStore) keepNewerToken(stored, b []byte) []byte {
	_, old, err := st.codec.Decode(stored)
	if err != nil {
		return b
	}
	kept, ok := old[keyAuth].(authState)
	if !ok {
		return b
	}
	deadline, values, err := st.codec.Decode(b)
	if err != nil {
		return b
	}
	if mine, ok := values[keyAuth].(authState); !ok || mine.Token.Renewals >= kept.Token.Renewals {
		return b
	}
	values[keyAuth] = kept
	if merged, err := st.codec.Encode(deadline, values); err == nil {
		return merged
	}
	return b
}
